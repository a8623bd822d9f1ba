/**
 * The co-watch statistics exactly as src/recsys/models/prior-server.ts computed them before the counting moved
 * into the training worker (commit 85a98b0): the oracle that the new split computation must equal.
 */
import { ItemGraphBuilder } from '../../../src/recsys/models/item-graph.js';
import type { CommunityPrior } from '../../../src/recsys/models/prior-format.js';
import type { RatingTriple } from '../../../src/recsys/models/types.js';
import type { ServerData, ServerStats, ServerStatsOptions } from '../../../src/recsys/models/prior-server.js';

/** Counts a server's interactions (items outside the catalog are ignored). */
export function referenceServerStats(data: ServerData, prior: CommunityPrior | undefined, opts: ServerStatsOptions = {}): ServerStats {
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
