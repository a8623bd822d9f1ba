import type { ItemGraph } from './item-graph.js';
import { pruneRows } from './graph-prune.js';
import type { CommunityPrior } from './prior-format.js';
import type { RatingTriple } from './types.js';
import { watchOrder } from './watch-order.js';

/** What a server has of its own: its members' ratings and ordered watch histories, over its catalog. */
export interface ServerData {
  /** Catalog item ids: the items that may be recommended, and the order of every score vector. */
  items: readonly string[];
  ratings: readonly RatingTriple[];
  /** Each member's watch history, oldest first (rated items included). */
  histories: ReadonlyMap<string, readonly string[]>;
  /**
   * The counts already made from these same ratings and histories (the training worker makes them,
   * `serverCounts`), used when made with the same options; otherwise they are counted here.
   */
  counts?: ServerCounts;
}

export interface ServerStatsOptions {
  /** Items after each one that count as "watched next", and the weight d^-lagPower at lag d (as the prior). */
  window?: number;
  lagPower?: number;
  /** Only each member's last `maxPerUser` items enter the co-watch counts. */
  maxPerUser?: number;
  /**
   * Each item's co-watch and watch-next rows keep their `maxNeighbours` strongest neighbours, ranked as the
   * models rank them: co-watch by count / n_b^(1 - cowatchAlpha), watch-next by count / (n_b + 1)^0.3.
   */
  maxNeighbours?: number;
  /** Co-watch score of b for seed a: co(a, b) / (n_a^alpha n_b^(1 - alpha)); lower favours popular b. */
  cowatchAlpha?: number;
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

/** One member's interactions as catalog indices: ratings oldest first (values alike), and the watch history. */
export interface MemberEvents {
  ratedItems: ArrayLike<number>;
  ratedValues: ArrayLike<number>;
  history: ArrayLike<number>;
}

/**
 * The heavy part of `ServerStats`, as plain typed arrays (a worker thread makes them and transfers them):
 * per item counts, the two graphs, and each member's history (member k's is historyItem[historyStart[k]..
 * historyStart[k+1]], members in the order they were given).
 */
export interface ServerCounts {
  options: Required<ServerStatsOptions>;
  members: Float64Array;
  ratingCount: Float64Array;
  ratingSum: Float64Array;
  mean: number;
  cowatch: ItemGraph;
  next: ItemGraph;
  historyStart: Int32Array;
  historyItem: Int32Array;
}

const optionsOf = (o: ServerStatsOptions): Required<ServerStatsOptions> => ({
  window: o.window ?? 10, lagPower: o.lagPower ?? 0.7, maxPerUser: o.maxPerUser ?? 200, maxNeighbours: o.maxNeighbours ?? 200, cowatchAlpha: o.cowatchAlpha ?? 0.3,
});

/**
 * Counts `n` catalog items' interactions, members in order: what every member watched or rated, ratings per
 * item, co-watch (each member's last `maxPerUser` items, pairwise) and lag-weighted watch-next counts. A rated
 * item missing from the history counts as watched, at the end, in rating order. Pure CPU, no strings: runs
 * in the training worker as well as here.
 */
export function serverCounts(n: number, members: Iterable<MemberEvents>, opts: ServerStatsOptions = {}): ServerCounts {
  const options = optionsOf(opts);
  const { window, lagPower, maxPerUser } = options;
  const ratingCount = new Float64Array(n);
  const ratingSum = new Float64Array(n);
  const memberCount = new Float64Array(n);
  const lagW = Array.from({ length: window + 1 }, (_, d) => (d === 0 ? 0 : d ** -lagPower));
  const starts: number[] = [0];
  const items: number[] = [];
  let total = 0;
  let kept = 0;
  const seen = new Uint8Array(n);
  for (const m of members) {
    for (let r = 0; r < m.ratedItems.length; r++) {
      ratingCount[m.ratedItems[r]]++;
      ratingSum[m.ratedItems[r]] += m.ratedValues[r];
      total += m.ratedValues[r];
      kept++;
    }
    const seq = watchOrder(m.history, m.ratedItems, seen);
    items.push(...seq);
    starts.push(items.length);
    for (const i of seq) memberCount[i]++;
  }
  const historyStart = Int32Array.from(starts);
  const historyItem = Int32Array.from(items);
  const h = { n, historyStart, historyItem };
  // co-watch: every pair among a member's last `maxPerUser` items; watch-next: each item and the `window` after it
  const allCowatch = rowGraph(h, (k, t) => {
    const from = Math.max(historyStart[k], historyStart[k + 1] - maxPerUser);
    return t < from ? null : [from, historyStart[k + 1], () => 1];
  });
  const allNext = rowGraph(h, (k, t) => [t + 1, Math.min(historyStart[k + 1], t + window + 1), (u) => lagW[u - t]]);
  const { maxNeighbours: keep, cowatchAlpha: alpha } = options;
  const cowatch = pruneRows(allCowatch, keep, (b) => memberCount[b] ** (alpha - 1));
  const next = pruneRows(allNext, keep, (b) => (memberCount[b] + 1) ** -0.3);
  return {
    options, members: memberCount, ratingCount, ratingSum, mean: kept > 0 ? total / kept : Number.NaN, cowatch, next, historyStart, historyItem,
  };
}

/** For the item at `t` of member `k`'s history: the history positions [from, to) it adds to, and the weight of each (null: none). */
type Span = (k: number, t: number) => [from: number, to: number, weight: (u: number) => number] | null;

/**
 * An item graph built row by row over typed arrays: row a sums, member by member (in order), the weights of the
 * items in each span of a's position, columns in the order they first appear. That is exactly what adding every
 * pair member by member into `ItemGraphBuilder` gives (same columns in the same order, same sums added in the
 * same order, so the same float results), without a Map per row: 200 members x 200 items count in a fraction
 * of the time.
 */
function rowGraph(h: { n: number; historyStart: Int32Array; historyItem: Int32Array }, span: Span): ItemGraph {
  const { n, historyStart, historyItem } = h;
  // where each item sits: (member, position) pairs, members in order
  const occStart = new Int32Array(n + 1);
  for (let p = 0; p < historyItem.length; p++) occStart[historyItem[p] + 1]++;
  for (let i = 0; i < n; i++) occStart[i + 1] += occStart[i];
  const occMember = new Int32Array(historyItem.length);
  const occPos = new Int32Array(historyItem.length);
  const fill = occStart.slice(0, n);
  for (let k = 0; k + 1 < historyStart.length; k++) {
    for (let p = historyStart[k]; p < historyStart[k + 1]; p++) {
      const at = fill[historyItem[p]]++;
      occMember[at] = k;
      occPos[at] = p;
    }
  }
  const start = new Int32Array(n + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  const rowSum = new Float64Array(n);
  const acc = new Float64Array(n);
  const slot = new Int32Array(n).fill(-1);
  for (let a = 0; a < n; a++) {
    const first = cols.length;
    for (let o = occStart[a]; o < occStart[a + 1]; o++) {
      const s = span(occMember[o], occPos[o]);
      if (!s) continue;
      const [from, to, weight] = s;
      for (let u = from; u < to; u++) {
        const b = historyItem[u];
        if (b === a) continue;
        if (slot[b] < 0) {
          slot[b] = cols.length;
          cols.push(b);
        }
        acc[b] += weight(u);
      }
    }
    for (let p = first; p < cols.length; p++) {
      const b = cols[p];
      vals.push(acc[b]);
      rowSum[a] += acc[b];
      acc[b] = 0;
      slot[b] = -1;
    }
    start[a + 1] = cols.length;
  }
  return { size: n, start, col: Int32Array.from(cols), val: Float32Array.from(vals), rowSum };
}

/** Counts a server's interactions (items outside the catalog are ignored), or takes `data.counts` made alike. */
export function serverStats(data: ServerData, prior: CommunityPrior | undefined, opts: ServerStatsOptions = {}): ServerStats {
  const index = new Map<string, number>();
  data.items.forEach((id, i) => index.set(id, i));
  const toPrior = Int32Array.from(data.items, (id) => prior?.index.get(id) ?? -1);
  const memberRatings = new Map<string, RatingTriple[]>();
  for (const r of data.ratings) {
    if (!index.has(r.item)) continue;
    let l = memberRatings.get(r.user);
    if (!l) memberRatings.set(r.user, (l = []));
    l.push(r);
  }
  const users = [...new Set([...data.histories.keys(), ...memberRatings.keys()])];
  const options = optionsOf(opts);
  const given = data.counts;
  const reuse = given && given.historyStart.length === users.length + 1 && given.members.length === data.items.length
    && (Object.keys(options) as (keyof typeof options)[]).every((k) => given.options[k] === options[k]);
  const c = reuse ? given : serverCounts(data.items.length, users.map((user) => {
    const rs = memberRatings.get(user) ?? [];
    const history: number[] = [];
    for (const id of data.histories.get(user) ?? []) {
      const i = index.get(id);
      if (i !== undefined) history.push(i);
    }
    return { ratedItems: rs.map((r) => index.get(r.item)!), ratedValues: rs.map((r) => r.value), history };
  }), options);
  const memberHistory = new Map<string, Int32Array>();
  users.forEach((user, k) => memberHistory.set(user, c.historyItem.subarray(c.historyStart[k], c.historyStart[k + 1])));
  return {
    items: data.items, index, toPrior, members: c.members, ratingCount: c.ratingCount, ratingSum: c.ratingSum, mean: c.mean,
    cowatch: c.cowatch, next: c.next, memberRatings, memberHistory,
  };
}
