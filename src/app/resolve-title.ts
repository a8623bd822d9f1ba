import type { TitleMatch } from '../catalog/titles.js';
import { displayTitle, type CatalogItem } from '../domain/item.js';
import { AppError } from './errors.js';
import type { Caller, Services, TakenAs } from './types.js';

/** What finding the item a title option names needs from the services. */
export type ItemLookup = Pick<Services, 'getItem' | 'matchTitle'> & Partial<Pick<Services, 'searchTitles'>>;

/** The item a title option named; `taken` when it was read as another title than typed ("T2"), for the answer to say. */
export interface FoundItem {
  item: CatalogItem;
  taken?: TakenAs;
}

/** A match as what the answer says about it: nothing when the title was typed as it is. */
export function takenAs(typed: string, m: TitleMatch): TakenAs | undefined {
  return m.how === 'exact' ? undefined : { typed, item: m.item, how: m.how };
}

/**
 * The item a title option names for a caller, or null. The option holds an item id when picked from
 * autocomplete, or free text when typed: the id is tried first, then the catalog's title resolver
 * (`TitleIndex.match`, behind `services.matchTitle`).
 */
export async function findItem(services: ItemLookup, c: Caller, value: string): Promise<FoundItem | null> {
  const byId = await services.getItem(c.scope, value);
  if (byId) return { item: byId };
  const m = await services.matchTitle(c, value);
  if (!m) return null;
  const taken = takenAs(value, m);
  return taken ? { item: m.item, taken } : { item: m.item };
}

/** Typed text as a message quotes it unless a face says otherwise: on one line, at most 100 characters. */
export function quoteTyped(value: string): string {
  const flat = value.replace(/[\r\n\t]+/g, ' ').replace(/\s{2,}/g, ' ').trim();
  return flat.length > 100 ? `${flat.slice(0, 99)}…` : flat;
}

/**
 * The item a title option names for a caller (see `findItem`); when none, AppError('title.not-found-near')
 * offering the closest titles the catalog has, or 'title.not-found' when it has none near.
 * `quote` is how the message shows what was typed: the message table wants context values escaped by
 * whoever builds them, so a face whose markup needs escaping passes its own (Discord: `safe(value, 100)`).
 */
export async function resolveItem(services: ItemLookup, c: Caller, value: string, quote: (typed: string) => string = quoteTyped): Promise<FoundItem> {
  const found = await findItem(services, c, value);
  if (found) return found;
  // The closest titles the catalog has (autocomplete's search), so that a face without suggestions (the
  // playground, a title typed past autocomplete) still shows what to type.
  const near = services.searchTitles ? await services.searchTitles(c, value, NEAR) : [];
  if (near.length === 0) throw new AppError('title.not-found', { title: quote(value) });
  throw new AppError('title.not-found-near', { title: quote(value), near: near.map((it) => `"${quote(displayTitle(it))}"`).join(', ') });
}

/** How many close titles a not-found answer offers. */
const NEAR = 3;
