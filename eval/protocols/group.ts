import { aggregate, FAIR_DEFAULTS, standardise, type FairOptions, type GroupRule } from '../../src/recsys/group-aggregate.js';
import { mulberry32 } from '../../src/recsys/models/rng.js';
import { PriorAwareModels } from '../../src/recsys/models/prior-models.js';
import { timeOrdered } from '../../src/recsys/models/prior-train.js';
import { topKIndices } from '../../src/recsys/models/topk.js';
import type { RatingTriple } from '../../src/recsys/models/types.js';
import { pickHeldOut, priorThroughArtifact } from './cold-server-data.js';
import { summarise, versusAverage, type GroupRow } from './group-stats.js';

/**
 * The group protocol ("watch together"): random groups of held-out MovieLens users get ONE list of 10, scored
 * by every member's own held-out ratings.
 *
 * `users` users (seeded, each with `minRatings`+ ratings) are held out; the community prior is learnt from
 * everyone else (no leakage) and sent through the artifact's binary form, as the bot's is. Each held-out
 * user reveals the first half of their ratings in time (the server's history); the second half is their
 * test set, and an item they rated `likedFrom`+ there is relevant to them. For each size (2, 4, 8), `groups`
 * groups are drawn (seeded). Every member's taste score of the whole catalog comes from the same model the
 * bot's `community` source uses (members folded in against the prior); each is standardised per member and
 * the group's list is the top 10 of the aggregate, leaving out what any member revealed. Metrics per group:
 * the members' mean NDCG@10, the worst member's NDCG@10, and how many of the 10 some member rated
 * `dislikedTo` or less in their held-out half (misery; solo counts the whole group's dislikes in each member's
 * own list), averaged over the groups. Systems: the rules of
 * src/recsys/group-aggregate.ts, `popularity` (the prior users' rating counts), and `solo` (each member's
 * own top 10: what a list for them alone would score, the ceiling the group list gives up from).
 */

export interface GroupEvalOptions {
  users?: number;
  sizes?: number[];
  groups?: number;
  minRatings?: number;
  likedFrom?: number;
  dislikedTo?: number;
  seed?: number;
  /** Candidates per member (the pool is their union), as the bot's pipeline retrieves before ranking. */
  pool?: number;
  fair?: FairOptions;
  log?: (msg: string) => void;
}

export interface GroupScores {
  'ndcg@10': number;
  'worst@10': number;
  /** Items of the list some member rated `dislikedTo` or less in their held-out half, per list of 10. */
  'disliked@10': number;
}

export type GroupSystem = GroupRule | 'popularity' | 'solo';
export const GROUP_SYSTEMS: GroupSystem[] = ['average', 'fair', 'least-misery', 'popularity', 'solo'];

export interface GroupEvalReport {
  users: number;
  trainUsers: number;
  items: number;
  groups: number;
  relevant: string;
  disliked: string;
  results: Record<string, Record<GroupSystem, GroupScores>>;
  /** Per size: each rule minus averaging over the same groups (mean and standard error). */
  versusAverage: Record<string, Record<'fair' | 'least-misery', ReturnType<typeof versusAverage>>>;
}

/** NDCG@10 of a top list against one member's relevant items (binary gains). */
function ndcgAt(top: readonly number[], relevant: ReadonlySet<number>): number {
  let dcg = 0;
  top.forEach((i, r) => {
    if (relevant.has(i)) dcg += 1 / Math.log2(r + 2);
  });
  let idcg = 0;
  for (let r = 0; r < Math.min(top.length, relevant.size); r++) idcg += 1 / Math.log2(r + 2);
  return idcg > 0 ? dcg / idcg : 0;
}

/** `k` distinct picks of `from` (seeded). */
function draw<T>(from: readonly T[], k: number, rng: () => number): T[] {
  const pool = from.slice();
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, k);
}

export function runGroupEval(ratings: readonly RatingTriple[], opts: GroupEvalOptions = {}): GroupEvalReport {
  const { users = 150, sizes = [2, 4, 8], groups = 500, minRatings = 40, likedFrom = 4, dislikedTo = 2, seed = 7, pool = 100, fair = FAIR_DEFAULTS, log = () => {} } = opts;
  const byUser = timeOrdered(ratings);
  const held = pickHeldOut(byUser, users, minRatings, seed);
  if (held.length < Math.max(...sizes)) throw new Error(`group eval needs ${Math.max(...sizes)} users with ${minRatings}+ ratings, found ${held.length}`);
  const heldSet = new Set(held);
  const train = ratings.filter((r) => !heldSet.has(r.user));
  const items = [...new Set(ratings.map((r) => r.item))].sort();
  const index = new Map(items.map((id, i) => [id, i]));
  const t0 = performance.now();
  const { prior } = priorThroughArtifact(train);
  log(`group: prior from ${byUser.size - held.length} users in ${(performance.now() - t0).toFixed(0)} ms`);

  const revealed = new Map<string, RatingTriple[]>();
  const relevant = new Map<string, Set<number>>();
  const disliked = new Map<string, Set<number>>();
  for (const u of held) {
    const all = byUser.get(u)!;
    const half = Math.floor(all.length / 2);
    revealed.set(u, all.slice(0, half));
    relevant.set(u, new Set(all.slice(half).filter((r) => r.value >= likedFrom).map((r) => index.get(r.item)!)));
    disliked.set(u, new Set(all.slice(half).filter((r) => r.value <= dislikedTo).map((r) => index.get(r.item)!)));
  }
  const models = new PriorAwareModels({ items, ratings: [...revealed.values()].flat(), histories: new Map([...revealed].map(([u, rs]) => [u, rs.map((r) => r.item)])) }, prior);
  const taste = new Map<string, Float64Array>();
  for (const u of held) {
    const raw = new Float64Array(items.length);
    models.scoreTaste(u, raw);
    taste.set(u, raw);
  }
  const popularity = new Float64Array(items.length);
  for (const r of train) popularity[index.get(r.item)!]++;

  const results: GroupEvalReport['results'] = {};
  const versus: GroupEvalReport['versusAverage'] = {};
  const rng = mulberry32(seed + 1);
  for (const size of sizes) {
    const rows = Object.fromEntries(GROUP_SYSTEMS.map((s) => [s, [] as GroupRow[]])) as Record<GroupSystem, GroupRow[]>;
    for (let g = 0; g < groups; g++) {
      const members = draw(held, size, rng);
      const seen = new Set(members.flatMap((u) => revealed.get(u)!.map((r) => index.get(r.item)!)));
      const skip = (i: number) => seen.has(i);
      const score = (top: (u: string) => number[]): GroupRow => {
        const per = members.map((u) => ndcgAt(top(u), relevant.get(u)!));
        const bad = members.reduce((n, u) => n + top(u).filter((i) => members.some((v) => disliked.get(v)!.has(i))).length, 0) / members.length;
        return { mean: per.reduce((a, b) => a + b, 0) / per.length, worst: Math.min(...per), disliked: bad };
      };
      // The candidate pool, as the bot's pipeline has one: each member's own top `pool`; scores standardised over it.
      const cands = [...new Set(members.flatMap((u) => topKIndices(taste.get(u)!, pool, skip)))];
      const zs = members.map((u) => standardise(cands.map((i) => taste.get(u)![i])));
      for (const rule of ['fair', 'average', 'least-misery'] as const) {
        const agg = aggregate(rule, zs, cands.length, fair);
        const top = topKIndices(agg, 10).map((k) => cands[k]);
        rows[rule].push(score(() => top));
      }
      const popTop = topKIndices(popularity, 10, skip);
      rows.popularity.push(score(() => popTop));
      rows.solo.push(score((u) => topKIndices(taste.get(u)!, 10, skip)));
    }
    results[String(size)] = Object.fromEntries(GROUP_SYSTEMS.map((s) => [s, summarise(rows[s])])) as Record<GroupSystem, GroupScores>;
    versus[String(size)] = { fair: versusAverage(rows.fair, rows.average), 'least-misery': versusAverage(rows['least-misery'], rows.average) };
    log(`group size ${size}: ${JSON.stringify(results[String(size)])}`);
  }
  return {
    users: held.length, trainUsers: byUser.size - held.length, items: items.length, groups,
    relevant: `second half in time, rated ${likedFrom}+`,
    disliked: `rated ${dislikedTo} or less in their second half`, results, versusAverage: versus,
  };
}
