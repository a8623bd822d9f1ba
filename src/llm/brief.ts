import type { CatalogItem } from '../domain/item.js';
import type { ItemBrief } from './contracts.js';

/** What the LLM sees of an item (descriptions trimmed to keep prompts small). */
export function toBrief(item: CatalogItem, descriptionChars = 240): ItemBrief {
  const b: ItemBrief = { id: item.id, title: item.title };
  if (item.year) b.year = item.year;
  if (item.tags?.length) b.tags = item.tags.slice(0, 8);
  if (item.description) b.description = item.description.slice(0, descriptionChars);
  return b;
}
