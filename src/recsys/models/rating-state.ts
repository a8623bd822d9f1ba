import { clipRating, type RatingModel } from './types.js';

/**
 * A trained bias + factor rating model as plain data (typed arrays, arrays, strings, numbers): what a
 * worker thread posts back. r = mu + b_u + b_i + p_u . q_i; `factors` 0 is BaselineOnly (P and Q empty).
 * User and item indices follow `userIds` / `itemIds` order.
 */
export interface RatingModelState {
  kind: 'bias-factor';
  id: string;
  trainingTimeMs: number;
  mu: number;
  factors: number;
  userIds: string[];
  itemIds: string[];
  bu: Float64Array;
  bi: Float64Array;
  /** userIds.length x factors, row-major. */
  P: Float32Array;
  /** itemIds.length x factors, row-major. */
  Q: Float32Array;
}

/** A rating model that can be turned into plain data and rebuilt with `ratingModelFromState`. */
export interface SerialisableRatingModel extends RatingModel {
  /** The model's own arrays, not copies: transferring them to another thread detaches this model. */
  toState(): RatingModelState;
}

/** Index of each id by position (ids are unique). */
export function indexOf(ids: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  ids.forEach((id, i) => m.set(id, i));
  return m;
}

/**
 * Rebuilds the model from its state; predictions are identical (same arrays, same arithmetic). Trainers
 * pass their own id maps in `maps` to skip rebuilding them.
 */
export function ratingModelFromState(
  s: RatingModelState,
  maps?: { userIndex: ReadonlyMap<string, number>; itemIndex: ReadonlyMap<string, number> },
): SerialisableRatingModel {
  if (s.kind !== 'bias-factor') throw new TypeError(`unknown rating model state ${String(s.kind)}`);
  const k = s.factors;
  if (s.bu.length !== s.userIds.length || s.bi.length !== s.itemIds.length) throw new RangeError('rating model state: bias lengths differ from ids');
  if (s.P.length !== s.userIds.length * k || s.Q.length !== s.itemIds.length * k) throw new RangeError('rating model state: factor sizes differ from ids');
  const userIndex = maps?.userIndex ?? indexOf(s.userIds);
  const itemIndex = maps?.itemIndex ?? indexOf(s.itemIds);
  const { mu, bu, bi, P, Q } = s;
  return {
    id: s.id,
    trainingTimeMs: s.trainingTimeMs,
    toState: () => s,
    predict(user, item) {
      const u = userIndex.get(user);
      const i = itemIndex.get(item);
      let est = mu;
      if (u !== undefined) est += bu[u];
      if (i !== undefined) est += bi[i];
      if (k > 0 && u !== undefined && i !== undefined) {
        let dot = 0;
        for (let f = 0; f < k; f++) dot += P[u * k + f] * Q[i * k + f];
        est += dot;
      }
      return clipRating(est);
    },
  };
}

/** The state of a trained model from its parts (ids in index order, as the encoders assign them). */
export function biasFactorState(
  id: string,
  trainingTimeMs: number,
  p: { mu: number; factors: number; userIndex: ReadonlyMap<string, number>; itemIndex: ReadonlyMap<string, number>; bu: Float64Array; bi: Float64Array; P?: Float32Array; Q?: Float32Array },
): RatingModelState {
  return {
    kind: 'bias-factor',
    id,
    trainingTimeMs,
    mu: p.mu,
    factors: p.factors,
    userIds: idsInIndexOrder(p.userIndex),
    itemIds: idsInIndexOrder(p.itemIndex),
    bu: p.bu,
    bi: p.bi,
    P: p.P ?? new Float32Array(0),
    Q: p.Q ?? new Float32Array(0),
  };
}

function idsInIndexOrder(index: ReadonlyMap<string, number>): string[] {
  const ids: string[] = new Array(index.size);
  for (const [id, i] of index) ids[i] = id;
  return ids;
}
