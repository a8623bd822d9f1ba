import type { CatalogItem } from '../catalog/types.js';
import type { ItemBrief } from '../llm/contracts.js';

/** The text an item is embedded from: title, year, tags, description. One definition for upload and load. */
export function itemText(item: CatalogItem): string {
  const parts = [item.year ? `${item.title} (${item.year})` : item.title];
  if (item.tags?.length) parts.push(item.tags.join(', '));
  if (item.description) parts.push(item.description);
  return parts.join('. ');
}

/** What the LLM sees of an item (descriptions trimmed to keep prompts small). */
export function toBrief(item: CatalogItem, descriptionChars = 240): ItemBrief {
  const b: ItemBrief = { id: item.id, title: item.title };
  if (item.year) b.year = item.year;
  if (item.tags?.length) b.tags = item.tags.slice(0, 8);
  if (item.description) b.description = item.description.slice(0, descriptionChars);
  return b;
}

export function displayTitle(item: CatalogItem): string {
  return item.year ? `${item.title} (${item.year})` : item.title;
}
