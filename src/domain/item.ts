/** One item of a server's catalog (a movie by default, anything a server uploads). */
export type ItemId = string;

export interface CatalogItem {
  id: ItemId;
  title: string;
  description?: string;
  tags?: string[];
  year?: number;
  url?: string;
  imageUrl?: string;
  /** Columns the parser did not recognise, kept as text. */
  extra?: Record<string, string>;
}

/** The text an item is embedded from: title, year, tags, description. One definition for upload and load. */
export function itemText(item: CatalogItem): string {
  const parts = [item.year ? `${item.title} (${item.year})` : item.title];
  if (item.tags?.length) parts.push(item.tags.join(', '));
  if (item.description) parts.push(item.description);
  return parts.join('. ');
}

/** "Heat (1995)", or the bare title when the year is unknown. */
export function displayTitle(item: CatalogItem): string {
  return item.year ? `${item.title} (${item.year})` : item.title;
}
