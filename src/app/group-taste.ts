import type { Profile } from '../domain/profile.js';
import { aggregate, DEFAULT_GROUP_RULE, standardise, type GroupRule } from '../recsys/group-aggregate.js';
import { fitLevel, type FitCounts, type GroupTaste } from '../recsys/group-scorer.js';
import { topKIndices } from '../recsys/models/topk.js';
import { personalPredictor } from './personal-rating.js';
import type { Loaded } from './scope-data.js';

/** A member whose taste counts: allowed, with some history or ratings. */
export interface CountedMember {
  userId: string;
  profile: Profile;
}

/** Each member's own best items the group's pool is drawn from (as the group eval does). */
const POOL_PER_MEMBER = 100;
/** A member's mean rating when they have rated nothing (history only). */
const DEFAULT_MEAN = 3.5;

/** Items a member has seen or turned down. */
export function seenBy(p: Profile): string[] {
  return [...p.history.map((h) => h.itemId), ...Object.keys(p.ratings), ...p.notInterested];
}

/**
 * The group's taste over a scope's catalog and models. Each member's score of every item is their taste
 * score from the blended models (what the `community` source ranks by; the group eval measures the same),
 * or, without those models, their personal rating prediction. Fit words come from the personal rating
 * prediction against the member's own mean rating.
 */
export function groupTaste(
  l: Pick<Loaded, 'catalog' | 'models'>,
  members: CountedMember[],
  o: { rule?: GroupRule; alsoExclude?: readonly string[] } = {},
): GroupTaste {
  const rule = o.rule ?? DEFAULT_GROUP_RULE;
  const community = l.models.community;
  const exclude = [...new Set([...members.flatMap((m) => seenBy(m.profile)), ...(o.alsoExclude ?? [])])];
  const excluded = new Set(exclude);
  const vectors = new Map<string, Float64Array>();
  const vectorOf = (userId: string): Float64Array | undefined => {
    if (!community) return undefined;
    let v = vectors.get(userId);
    if (!v) {
      v = new Float64Array(community.stats.items.length);
      community.scoreTaste(userId, v);
      vectors.set(userId, v);
    }
    return v;
  };
  const predictors = new Map<string, (id: string) => number>();
  const predict = (m: CountedMember, id: string): number => {
    let p = predictors.get(m.userId);
    if (!p) predictors.set(m.userId, (p = personalPredictor(m.userId, { ...l, profile: m.profile })));
    return p(id);
  };
  const raw = (m: CountedMember, id: string): number => {
    const v = vectorOf(m.userId);
    if (!v) return predict(m, id);
    const i = community!.stats.index.get(id);
    return i === undefined ? Number.NEGATIVE_INFINITY : v[i];
  };
  const score = (ids: readonly string[]): number[] => {
    if (members.length === 0) return ids.map(() => 0);
    const zs = members.map((m) => standardise(floorUnknown(ids.map((id) => raw(m, id)))));
    return Array.from(aggregate(rule, zs, ids.length));
  };
  return {
    counted: members.length,
    exclude,
    score,
    fits(ids) {
      return ids.map((id) => {
        const out: FitCounts = { love: 0, like: 0, lukewarm: 0 };
        for (const m of members) out[fitLevel(predict(m, id), meanRating(m.profile))]++;
        return out;
      });
    },
    top(k) {
      if (!community || members.length === 0) return [];
      const pool = new Set<string>();
      for (const m of members) {
        const v = vectorOf(m.userId)!;
        for (const i of topKIndices(v, Math.max(k, POOL_PER_MEMBER), (i) => excluded.has(community.stats.items[i]))) pool.add(community.stats.items[i]);
      }
      const ids = [...pool].filter((id) => l.catalog.byId.has(id));
      const s = score(ids);
      return topKIndices(s, k).map((i) => ids[i]);
    },
  };
}

/** An item a model does not know scores as the member's lowest known score (never above what they were scored on). */
function floorUnknown(xs: number[]): number[] {
  const known = xs.filter(Number.isFinite);
  const lo = known.length ? Math.min(...known) : 0;
  return xs.map((x) => (Number.isFinite(x) ? x : lo));
}

/** The member's mean rating (their own scale: a harsh rater's 3.5 is a good film). */
export function meanRating(p: Profile): number {
  const vs = Object.values(p.ratings).map((r) => r.value);
  return vs.length ? vs.reduce((a, b) => a + b, 0) / vs.length : DEFAULT_MEAN;
}
