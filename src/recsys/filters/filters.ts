import type { CatalogItem } from '../../domain/item.js';
import type { Profile } from '../../domain/profile.js';
import { isEmptyConstraints } from '../constraints-merge.js';
import { meetsWatch } from '../constraints-watch.js';
import type { Candidate, Constraints, Filter, RecQuery, WatchFacts } from '../types.js';
import type { ItemId } from '../../domain/item.js';
import { canonicalTags, tagMatches } from './tags.js';
import { cosine } from '../index/dot.js';

type Split = { kept: Candidate[]; removed: Candidate[] };

function split(cs: Candidate[], keep: (c: Candidate) => boolean): Split {
  const kept: Candidate[] = [];
  const removed: Candidate[] = [];
  for (const c of cs) (keep(c) ? kept : removed).push(c);
  return { kept, removed };
}

/** A filter from a predicate over the candidate id (the cheap kind: set lookups). */
class IdFilter implements Filter {
  constructor(
    readonly id: string,
    private readonly drop: (q: RecQuery) => Set<ItemId> | null,
  ) {}

  async apply(q: RecQuery, cs: Candidate[]): Promise<Split> {
    const ids = this.drop(q);
    if (!ids || ids.size === 0) return { kept: cs, removed: [] };
    return split(cs, (c) => !ids.has(c.itemId));
  }
}

/** Drops anything in the user's watch history. */
export function alreadyWatchedFilter(profile: Profile | undefined): Filter {
  const ids = new Set(profile?.history.map((h) => h.itemId) ?? []);
  return new IdFilter('already-watched', () => ids);
}

/** Drops anything the user has rated. */
export function alreadyRatedFilter(profile: Profile | undefined): Filter {
  const ids = new Set(Object.keys(profile?.ratings ?? {}));
  return new IdFilter('already-rated', () => ids);
}

/** Drops what the user marked "not interested". */
export function notInterestedFilter(profile: Profile | undefined): Filter {
  const ids = new Set(profile?.notInterested ?? []);
  return new IdFilter('not-interested', () => ids);
}

/** Drops `q.exclude` (items rejected or already shown in the conversation) and `q.seeds`. */
export function excludedFilter(): Filter {
  return new IdFilter('excluded', (q) => new Set([...(q.exclude ?? []), ...(q.seeds ?? [])]));
}

/** Keeps only `q.candidates` when the query has such a list (e.g. /rank); a no-op otherwise. */
export function allowListFilter(): Filter {
  return {
    id: 'allow-list',
    async apply(q, cs) {
      if (!q.candidates) return { kept: cs, removed: [] };
      const allow = new Set(q.candidates);
      return split(cs, (c) => allow.has(c.itemId));
    },
  };
}

/**
 * Whether an item satisfies constraints. Decisions:
 * - includeTags: the item must match EVERY include tag (each one narrows; "romcom" means both);
 *   an item with no tags cannot show it matches and is dropped.
 * - excludeTags: the item must match none; an item with no tags passes.
 * - minYear/maxYear are inclusive. An item with no year PASSES year constraints: many uploaded catalogs
 *   (board games, books without dates) have no year at all, and "older than 2000" should not empty them.
 * - excludeYears: inclusive ranges; an item whose year falls in one fails, an item with no year passes.
 */
export function satisfies(item: CatalogItem, c: Constraints): boolean {
  if (c.minYear !== undefined && item.year !== undefined && item.year < c.minYear) return false;
  if (c.maxYear !== undefined && item.year !== undefined && item.year > c.maxYear) return false;
  const year = item.year;
  if (year !== undefined && c.excludeYears?.some(([from, to]) => year >= from && year <= to)) return false;
  const tags = item.tags ?? [];
  for (const t of c.excludeTags ?? []) {
    for (const canon of canonicalTags(t)) if (tagMatches(canon, tags)) return false;
  }
  for (const t of c.includeTags ?? []) {
    for (const canon of canonicalTags(t)) if (!tagMatches(canon, tags)) return false;
  }
  return true;
}

/**
 * Applies `q.constraints` to catalog items; unknown items are dropped (nothing to show for them). Watch
 * wishes ("on Netflix", "under 2 hours") are checked against `facts`; an item without facts fails them.
 */
export function constraintsFilter(items: (id: ItemId) => CatalogItem | undefined, facts: (id: ItemId) => WatchFacts | undefined = () => undefined): Filter {
  return {
    id: 'constraints',
    async apply(q, cs) {
      const c = q.constraints;
      if (isEmptyConstraints(c) || !c) return { kept: cs, removed: [] };
      return split(cs, (cand) => {
        const item = items(cand.itemId);
        return item !== undefined && satisfies(item, c) && meetsWatch(facts(cand.itemId), c);
      });
    },
  };
}

/** The usual filter list for a user, cheapest first. */
export function defaultFilters(opts: { profile?: Profile; items: (id: ItemId) => CatalogItem | undefined }): Filter[] {
  return [
    allowListFilter(),
    excludedFilter(),
    alreadyWatchedFilter(opts.profile),
    alreadyRatedFilter(opts.profile),
    notInterestedFilter(opts.profile),
    constraintsFilter(opts.items),
  ];
}

/**
 * A list answers what it was asked from, in content: a request with words keeps what its words found
 * (`embedding`), one that names titles keeps what is like them (the same source, searching by the seeds),
 * and one with neither keeps what is near the member's own taste: in content (`taste`) or in what members
 * like them rate highly (`community`, the member folded into the prior's factors; without it `/recommend
 * something for tonight` scored NDCG@10 0.0369 against 0.077 for popularity on the cold-server protocol).
 * Candidates only the crowd's favourites or co-watch counts brought in are dropped (those still rank what was
 * found), so "like Toy Story" is not Forrest Gump because everyone watched both. A no-op when those sources
 * found fewer than the list needs (a new member has no taste yet; a failed search finds nothing).
 *
 * With `near` (the catalog's vectors), a request that names titles also keeps what members watch with them
 * when it is nearly as close in content as what the search found: at least `reach` x the cosine of the
 * farthest item the search kept (0.9 reaches about 200 deep where the search returned 80). "Like Spirited
 * Away" then keeps Howl's Moving Castle and Princess Mononoke, which the search alone ranked 119th and
 * 200th below other animated fantasy, and still drops Forrest Gump for "like Toy Story" (cosine 0.38 there,
 * against 0.62 for the 80th hit).
 */
export function contentMatchFilter(
  sources: { query: string; taste: readonly string[] } = { query: 'embedding', taste: ['taste', 'community'] },
  near?: { vectors: (id: ItemId) => Float32Array | undefined; reach?: number },
): Filter {
  return {
    id: 'content-match',
    async apply(q, cs) {
      const wanted: readonly string[] = q.text || q.seeds?.length ? [sources.query] : sources.taste;
      const found = (c: Candidate) => c.sources.some((s) => wanted.includes(s));
      const fits = near && q.seeds?.length && !q.text ? nearSeeds(q.seeds, cs, found, near.vectors, near.reach ?? 0.9) : found;
      if (cs.filter(fits).length < q.count) return { kept: cs, removed: [] };
      return split(cs, fits);
    },
  };
}

/** Found by the search, or at least `reach` x as close to a seed (best cosine) as the farthest item the search found. */
function nearSeeds(
  seeds: readonly ItemId[],
  cs: Candidate[],
  found: (c: Candidate) => boolean,
  vectors: (id: ItemId) => Float32Array | undefined,
  reach: number,
): (c: Candidate) => boolean {
  const seedVecs = seeds.map(vectors).filter((v): v is Float32Array => v !== undefined);
  const closeness = (id: ItemId): number => {
    const v = vectors(id);
    let best = Number.NEGATIVE_INFINITY;
    if (v) for (const s of seedVecs) best = Math.max(best, cosine(s, v));
    return best;
  };
  const close = new Map(cs.map((c) => [c.itemId, closeness(c.itemId)]));
  let floor = Number.POSITIVE_INFINITY;
  for (const c of cs) if (found(c)) floor = Math.min(floor, close.get(c.itemId)!);
  if (!Number.isFinite(floor) || floor <= 0) return found;
  return (c) => found(c) || close.get(c.itemId)! >= reach * floor;
}
