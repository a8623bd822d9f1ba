import type { CatalogItem } from '../domain/item.js';
import { AppError } from './errors.js';
import type { Caller, Services } from './types.js';

/** What finding the item a title option names needs from the services. */
export type ItemLookup = Pick<Services, 'getItem' | 'resolveTitle'>;

/**
 * The item a title option names for a caller, or null. The option holds an item id when picked from
 * autocomplete, or free text when typed: the id is tried first, then the catalog's title resolver
 * (`TitleIndex.resolve`, behind `services.resolveTitle`).
 */
export async function findItem(services: ItemLookup, c: Caller, value: string): Promise<CatalogItem | null> {
  return (await services.getItem(c.scope, value)) ?? (await services.resolveTitle(c, value));
}

/** Typed text as a message quotes it unless a face says otherwise: on one line, at most 100 characters. */
export function quoteTyped(value: string): string {
  const flat = value.replace(/[\r\n\t]+/g, ' ').replace(/\s{2,}/g, ' ').trim();
  return flat.length > 100 ? `${flat.slice(0, 99)}…` : flat;
}

/**
 * The item a title option names for a caller (see `findItem`); AppError('title.not-found') when none.
 * `quote` is how the message shows what was typed: the message table wants context values escaped by
 * whoever builds them, so a face whose markup needs escaping passes its own (Discord: `safe(value, 100)`).
 */
export async function resolveItem(services: ItemLookup, c: Caller, value: string, quote: (typed: string) => string = quoteTyped): Promise<CatalogItem> {
  const item = await findItem(services, c, value);
  if (item) return item;
  throw new AppError('title.not-found', { title: quote(value) });
}
