/**
 * Watch wishes in a list ("on Netflix", "free to stream", "under 2 hours"): with facts to go on (TMDB, or a
 * catalog's runtime column) the constraints filter checks them, after the top candidates' films were looked
 * up; without, the wishes are left out and the answer says so. A list left short says how many fit so far.
 */
import { hasWatchWishes, withoutWatch } from '../../recsys/constraints-watch.js';
import type { Constraints, WatchFacts } from '../../recsys/types.js';
import { regionFor } from '../cards.js';
import type { AppDeps } from '../deps.js';
import { messageFor } from '../messages.js';
import type { Loaded } from '../scope-data.js';
import type { Caller, TurnReply } from '../types.js';
import { factsAvailable, warmFacts, watchFacts } from '../watch-facts.js';

export interface WatchPlan {
  constraints?: Constraints;
  facts?: (id: string) => WatchFacts | undefined;
  /** Said with the list (no data to check the wishes). */
  notes: TurnReply[];
  /** After the run: the note for a list shorter than asked. */
  short(found: number, count: number): TurnReply[];
}

/** The member's words for the wishes: "on Netflix", "free to stream", "under 120 minutes". */
export function wishText(c: Constraints): string {
  const parts: string[] = [];
  if (c.services?.length) parts.push(`on ${c.services.join(' or ')}`);
  if (c.freeOnly) parts.push('free to stream');
  if (c.maxMinutes !== undefined) parts.push(`under ${c.maxMinutes} minutes`);
  if (c.minMinutes !== undefined) parts.push(`over ${c.minMinutes} minutes`);
  return parts.join(', ');
}

/**
 * Plans a run with watch wishes. `candidates` runs the same definition without them (offline only) and
 * gives its top items, whose films are fetched (a bounded wait) before the real run.
 */
export async function planWatch(
  d: AppDeps,
  c: Caller,
  l: Loaded,
  constraints: Constraints | undefined,
  candidates: (without: Constraints) => Promise<import('../../domain/item.js').CatalogItem[]>,
): Promise<WatchPlan> {
  const none = { constraints, notes: [], short: () => [] };
  if (!constraints || !hasWatchWishes(constraints)) return none;
  const wish = wishText(constraints);
  const needsServices = Boolean(constraints.services?.length || constraints.freeOnly);
  if (!factsAvailable(d, l.catalog.items, needsServices)) {
    const what = needsServices ? 'where films stream' : 'how long films run';
    return { constraints: withoutWatch(constraints), notes: [{ code: 'watch.no-data', text: messageFor('watch.no-data', { what, wish }) }], short: () => [] };
  }
  const region = await regionFor(d, c);
  if (d.tmdb?.enabled) await warmFacts(d, await candidates(withoutWatch(constraints)), region);
  return {
    constraints,
    facts: (id) => {
      const item = l.catalog.byId.get(id);
      return item ? watchFacts(d, item, region) : undefined;
    },
    notes: [],
    short: (found, count) => (found < count ? [{ code: 'watch.few', text: messageFor('watch.few', { found, wish, region }) }] : []),
  };
}
