import type { CatalogItem } from '../domain/item.js';

const FLAG_COLUMNS = new Set(['adult', 'nsfw']);
const TRUE = /^(?:1|true|yes|y|x)$/i;

/** An item whose catalog row sets `adult` or `nsfw` (1, true, yes). */
export function isAdult(item: CatalogItem): boolean {
  for (const [k, v] of Object.entries(item.extra ?? {})) if (FLAG_COLUMNS.has(k.trim().toLowerCase()) && TRUE.test(v.trim())) return true;
  return false;
}

const byCatalog = new WeakMap<readonly CatalogItem[], string[]>();

/** The ids of a catalog's adult items, worked out once per loaded catalog. */
export function adultIds(items: readonly CatalogItem[]): string[] {
  let ids = byCatalog.get(items);
  if (!ids) {
    ids = items.filter(isAdult).map((it) => it.id);
    byCatalog.set(items, ids);
  }
  return ids;
}
