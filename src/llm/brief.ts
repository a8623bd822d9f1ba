import type { CatalogItem } from '../domain/item.js';
import type { ItemBrief } from './contracts.js';

/** Longest overview the LLM sees of an item. */
export const OVERVIEW_BRIEF_CHARS = 300;

/** What the LLM sees of an item (descriptions and overviews trimmed to keep prompts small; none with 0). */
export function toBrief(item: CatalogItem, descriptionChars = 240): ItemBrief {
  const b: ItemBrief = { id: item.id, title: item.title };
  if (item.year) b.year = item.year;
  if (item.tags?.length) b.tags = item.tags.slice(0, 8);
  if (item.description) b.description = item.description.slice(0, descriptionChars);
  if (item.overview && descriptionChars > 0) b.overview = item.overview.slice(0, OVERVIEW_BRIEF_CHARS);
  return b;
}
