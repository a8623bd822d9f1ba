import type { ItemCard } from '../domain/card.js';
import { extraValues, type CatalogItem } from '../domain/item.js';
import type { AppDeps } from './deps.js';
import type { Caller } from './types.js';

const FLAG_COLUMNS = ['adult', 'nsfw'];
const TRUE = /^(?:1|true|yes|y|x)$/i;

/** An item whose catalog row sets `adult` or `nsfw` (1, true, yes). */
export function isAdult(item: CatalogItem): boolean {
  return extraValues(item, FLAG_COLUMNS).some((v) => TRUE.test(v));
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

/** An item marked adult by its catalog row, or by TMDB (its card, or the film this process has seen). */
export function adultItem(d: AppDeps, item: CatalogItem, card?: ItemCard): boolean {
  return isAdult(item) || card?.adult === true || d.tmdb?.seen(item)?.adult === true;
}

/** Whether `item` is hidden from this caller: adult, asked where adult items may not be shown. Such an item reads as not found. */
export function hiddenFrom(d: AppDeps, c: Caller, item: CatalogItem, card?: ItemCard): boolean {
  return c.adultOk === false && adultItem(d, item, card);
}
