import { ItemGraphBuilder, type ItemGraph } from './item-graph.js';
import type { CommunityPrior } from './prior-format.js';
import type { RatingTriple } from './types.js';

/** What a server has of its own: its members' ratings and ordered watch histories, over its catalog. */
export interface ServerData {
  /** Catalog item ids: the items that may be recommended, and the order of every score vector. */
  items: readonly string[];
  ratings: readonly RatingTriple[];
  /** Each member's watch history, oldest first (rated items included). */
  histories: ReadonlyMap<string, readonly string[]>;
}

export interface ServerStatsOptions {
  /** Items after each one that count as "watched next", and the weight d^-lagPower at lag d (as the prior). */
  window?: number;
  lagPower?: number;
  /** Only each member's last `maxPerUser` items enter the co-watch counts. */
  maxPerUser?: number;
}

/**
 * A server's own counts over its catalog (catalog index order), and where each catalog item sits in the
 * prior (-1 when the prior does not know it, or there is no prior).
 */
export interface ServerStats {
  items: readonly string[];
  index: Map<string, number>;
  /** Catalog index -> prior index, or -1. */
  toPrior: Int32Array;
  /** Members who watched or rated each item; ratings per item and their sum. */
  members: Float64Array;
  ratingCount: Float64Array;
  ratingSum: Float64Array;
  /** Mean of all the server's ratings (NaN without any). */
  mean: number;
  /** Co-watch counts (members) and lag-weighted watch-next counts between catalog items. */
  cowatch: ItemGraph;
  next: ItemGraph;
  /** Ratings per member, and each member's history (catalog indices, oldest first, deduplicated). */
  memberRatings: Map<string, RatingTriple[]>;
  memberHistory: Map<string, Int32Array>;
}

/** Counts a server's interactions (items outside the catalog are ignored). */
export function serverStats(data: ServerData, prior: CommunityPrior | undefined, opts: ServerStatsOptions = {}): ServerStats {
  const { window = 10, lagPower = 0.7, maxPerUser = 200 } = opts;
  const n = data.items.length;
  const index = new Map<string, number>();
  data.items.forEach((id, i) => index.set(id, i));
  const toPrior = Int32Array.from(data.items, (id) => prior?.index.get(id) ?? -1);
  const ratingCount = new Float64Array(n);
  const ratingSum = new Float64Array(n);
  const memberRatings = new Map<string, RatingTriple[]>();
  let total = 0;
  let kept = 0;
  for (const r of data.ratings) {
    const i = index.get(r.item);
    if (i === undefined) continue;
    ratingCount[i]++;
    ratingSum[i] += r.value;
    total += r.value;
    kept++;
    let l = memberRatings.get(r.user);
    if (!l) memberRatings.set(r.user, (l = []));
    l.push(r);
  }
  const members = new Float64Array(n);
  const memberHistory = new Map<string, Int32Array>();
  const cw = new ItemGraphBuilder(n);
  const nx = new ItemGraphBuilder(n);
  const lagW = Array.from({ length: window + 1 }, (_, d) => (d === 0 ? 0 : d ** -lagPower));
  const users = new Set([...data.histories.keys(), ...memberRatings.keys()]);
  for (const user of users) {
    const seen = new Set<number>();
    const seq: number[] = [];
    for (const id of data.histories.get(user) ?? []) {
      const i = index.get(id);
      if (i === undefined || seen.has(i)) continue;
      seen.add(i);
      seq.push(i);
    }
    // rated items missing from the history still count as watched (at the end, in rating order)
    for (const r of memberRatings.get(user) ?? []) {
      const i = index.get(r.item)!;
      if (seen.has(i)) continue;
      seen.add(i);
      seq.push(i);
    }
    memberHistory.set(user, Int32Array.from(seq));
    for (const i of seq) members[i]++;
    const last = seq.slice(-maxPerUser);
    for (const a of last) for (const b of last) if (a !== b) cw.add(a, b, 1);
    for (let t = 0; t < seq.length; t++) {
      for (let u = t + 1; u < Math.min(seq.length, t + window + 1); u++) nx.add(seq[t], seq[u], lagW[u - t]);
    }
  }
  return {
    items: data.items, index, toPrior, members, ratingCount, ratingSum, mean: kept > 0 ? total / kept : Number.NaN,
    cowatch: cw.freeze(), next: nx.freeze(), memberRatings, memberHistory,
  };
}
