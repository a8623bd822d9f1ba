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
  /**
   * A plot summary from outside the catalog (TMDB's overview, from the store's cache), merged in memory when
   * the engine loads the catalog: embedded and shown to the LLM, never stored with the catalog nor exported.
   */
  overview?: string;
}

/** The text an item is embedded from: title, year, tags, description, overview. One definition for upload and load. */
export function itemText(item: CatalogItem): string {
  return [item.year ? `${item.title} (${item.year})` : item.title, ...itemTextParts(item)].join('. ');
}

/** What `itemText` says besides the title and year: tags, description, overview (the text without the title). */
export function itemTextParts(item: CatalogItem): string[] {
  const parts: string[] = [];
  if (item.tags?.length) parts.push(item.tags.join(', '));
  if (item.description) parts.push(item.description);
  if (item.overview) parts.push(item.overview);
  return parts;
}

/** The item as its catalog has it: without an overview merged in from outside (what is stored and exported). */
export function withoutOverview(item: CatalogItem): CatalogItem {
  if (item.overview === undefined) return item;
  const { overview: _o, ...rest } = item;
  return rest;
}

/** "Heat (1995)", or the bare title when the year is unknown. */
export function displayTitle(item: CatalogItem): string {
  return item.year ? `${item.title} (${item.year})` : item.title;
}

/**
 * The values of the item's extra columns named one of `names` (lower case; a column's name is matched
 * trimmed and lower-cased), in column order: how a catalog's own `tmdb`, `runtime` or `nsfw` columns are read.
 */
export function extraValues(item: CatalogItem, names: readonly string[]): string[] {
  return Object.entries(item.extra ?? {})
    .filter(([k]) => names.includes(k.trim().toLowerCase()))
    .map(([, v]) => v.trim());
}
