import { encodeRatings } from './encode.js';
import { gaussianArray, mulberry32, shuffleInPlace } from './rng.js';
import { buildSparseRows, RidgeSolver } from './text-features.js';
import { biasFactorState, ratingModelFromState, type RatingModelState, type SerialisableRatingModel } from './rating-state.js';
import type { RatingTriple } from './types.js';

export interface HybridMfOptions {
  /** Item text embeddings (any dims, all the same). Items here but unrated still get predictions. */
  itemVectors?: ReadonlyMap<string, Float32Array>;
  factors?: number;
  /** SGD passes; default 40, or 20 below 20,000 ratings. */
  epochs?: number;
  lr?: number;
  /** Models trained from seeds seed, seed + 1, ... and averaged (default 1). */
  ensemble?: number;
  /**
   * Train on the ratings sorted by user then item id, so that the model does not depend on the order the
   * ratings come in (the order members were stored in): the same ratings, the same model. Default false.
   */
  orderFree?: boolean;
  lrBias?: number;
  /** Regularisation of user factors and of item factors' distance to their text prior. */
  regUser?: number;
  regItem?: number;
  regUserBias?: number;
  regItemBias?: number;
  /** Ridge penalty of the text projection W. */
  ridge?: number;
  /** Item weight in the projection fit: n / (n + shrink) for an item with n ratings. */
  shrink?: number;
  /** Only each text vector's largest entries enter the projection (bounds training time on long texts). */
  maxTextFeatures?: number;
  /** Refit W every this many epochs. */
  refitEvery?: number;
  initStd?: number;
  seed?: number;
  /** Model id (default `tastemaker`, or `tastemaker-no-text` without vectors). */
  id?: string;
  clock?: () => number;
}

/**
 * Tastemaker's rating model: biased MF, r = mu + b_u + b_i + p_u . q_i, whose item parameters have a
 * text prior (RLFM style): q_i = W^T x_i + d_i and b_i = w^T x_i + e_i, with x_i the item's text embedding,
 * W (d_text x k) and w learned by ridge regression on the current item parameters, and d_i, e_i free
 * offsets shrunk to 0. An item with no ratings gets q_i = W^T x_i and b_i = w^T x_i.
 */
/** Tastemaker's settings, tuned by 5-fold CV on ml-latest-small; the app and the eval both use them. */
export const TASTEMAKER_MF_OPTIONS: Readonly<HybridMfOptions> = { factors: 64, regUser: 0.04, regItem: 0.04, refitEvery: 5 };

export function trainHybridMf(input: readonly RatingTriple[], opts: HybridMfOptions = {}): SerialisableRatingModel {
  const ratings = opts.orderFree ? byUserThenItem(input) : input;
  const n = Math.max(1, Math.floor(opts.ensemble ?? 1));
  if (n === 1) return trainOne(ratings, opts);
  const clock = opts.clock ?? (() => performance.now());
  const t0 = clock();
  const seed = opts.seed ?? 7;
  const states = Array.from({ length: n }, (_, s) => trainOne(ratings, { ...opts, seed: seed + s }).toState());
  return ratingModelFromState({ ...averageStates(states), trainingTimeMs: clock() - t0 });
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The ratings sorted by user id, then item id (a stable sort: a pair rated twice keeps its order). */
function byUserThenItem(ratings: readonly RatingTriple[]): RatingTriple[] {
  return ratings.slice().sort((a, b) => cmp(a.user, b.user) || cmp(a.item, b.item));
}

/**
 * The average of models trained on the same ratings (same ids in the same order): biases averaged, factors
 * side by side scaled by 1 / sqrt(n), so p . q is the mean of the models' dot products.
 */
function averageStates(states: readonly RatingModelState[]): RatingModelState {
  const n = states.length;
  const first = states[0];
  const k = first.factors;
  const K = k * n;
  const scale = 1 / Math.sqrt(n);
  const avg = (pick: (s: RatingModelState) => Float64Array) => pick(first).map((_, i) => states.reduce((t, s) => t + pick(s)[i], 0) / n);
  const side = (pick: (s: RatingModelState) => Float32Array, rows: number) => {
    const out = new Float32Array(rows * K);
    states.forEach((s, m) => {
      const a = pick(s);
      for (let r = 0; r < rows; r++) for (let f = 0; f < k; f++) out[r * K + m * k + f] = a[r * k + f] * scale;
    });
    return out;
  };
  return {
    ...first,
    mu: states.reduce((t, s) => t + s.mu, 0) / n,
    factors: K,
    bu: avg((s) => s.bu),
    bi: avg((s) => s.bi),
    P: side((s) => s.P, first.userIds.length),
    Q: side((s) => s.Q, first.itemIds.length),
  };
}

function trainOne(ratings: readonly RatingTriple[], opts: HybridMfOptions): SerialisableRatingModel {
  const {
    itemVectors,
    factors: k = 48,
    epochs: epochsOpt,
    lr = 0.006,
    lrBias = 0.006,
    regUser = 0.06,
    regItem = 0.06,
    regUserBias = 0.02,
    regItemBias = 0.05,
    ridge = 1,
    shrink = 5,
    refitEvery = 2,
    maxTextFeatures = 64,
    initStd = 0.05,
    seed = 7,
  } = opts;
  const clock = opts.clock ?? (() => performance.now());
  const t0 = clock();
  const enc = encodeRatings(ratings, itemVectors ? itemVectors.keys() : []);
  const nU = enc.userIndex.size;
  const nI = enc.itemIndex.size;
  const nR = enc.values.length;
  // fewer SGD passes on small data (a server's own ratings): acts as early stopping against overfitting
  const epochs = epochsOpt ?? (nR < 20_000 ? 20 : 40);
  const rng = mulberry32(seed);
  // Same draws, same order as before (P then Q): seeded results are unchanged.
  const P = gaussianArray(nU * k, initStd, rng);
  const Q = gaussianArray(nI * k, initStd, rng);
  const bu = new Float64Array(nU);
  const bi = new Float64Array(nI);
  const mu = enc.globalMean;
  // text prior of item parameters: columns 0..k-1 factors, column k bias
  const m = k + 1;
  const prior = new Float64Array(nI * m);
  const count = new Float64Array(nI);
  for (let r = 0; r < nR; r++) count[enc.items[r]]++;

  let solver: RidgeSolver | undefined;
  if (itemVectors && itemVectors.size > 0) {
    const ids: string[] = new Array(nI);
    for (const [id, i] of enc.itemIndex) ids[i] = id;
    const dims = itemVectors.values().next().value!.length;
    const rows = buildSparseRows(nI, dims, (i) => itemVectors.get(ids[i]), { maxPerRow: maxTextFeatures });
    const w = new Float64Array(nI);
    for (let i = 0; i < nI; i++) w[i] = count[i] / (count[i] + shrink);
    solver = new RidgeSolver(rows, w, ridge, m);
  }
  const refit = (): void => {
    if (!solver) return;
    solver.fitPredict((i, out) => {
      for (let f = 0; f < k; f++) out[f] = Q[i * k + f];
      out[k] = bi[i];
    }, prior);
  };

  const order = new Int32Array(nR);
  for (let r = 0; r < nR; r++) order[r] = r;
  for (let e = 0; e < epochs; e++) {
    shuffleInPlace(order, rng);
    for (let o = 0; o < nR; o++) {
      const r = order[o];
      const u = enc.users[r];
      const i = enc.items[r];
      const pu = u * k;
      const qi = i * k;
      const pr = i * m;
      let dot = 0;
      for (let f = 0; f < k; f++) dot += P[pu + f] * Q[qi + f];
      const err = enc.values[r] - (mu + bu[u] + bi[i] + dot);
      bu[u] += lrBias * (err - regUserBias * bu[u]);
      bi[i] += lrBias * (err - regItemBias * (bi[i] - prior[pr + k]));
      for (let f = 0; f < k; f++) {
        const p = P[pu + f];
        const q = Q[qi + f];
        P[pu + f] += lr * (err * q - regUser * p);
        Q[qi + f] += lr * (err * p - regItem * (q - prior[pr + f]));
      }
    }
    if ((e + 1) % refitEvery === 0 || e === epochs - 1) refit();
  }
  // items never rated take their text prior
  if (solver) {
    for (let i = 0; i < nI; i++) {
      if (count[i] > 0) continue;
      for (let f = 0; f < k; f++) Q[i * k + f] = prior[i * m + f];
      bi[i] = prior[i * m + k];
    }
  }
  const id = opts.id ?? (itemVectors ? 'tastemaker' : 'tastemaker-no-text');
  const state = biasFactorState(id, clock() - t0, { mu, factors: k, userIndex: enc.userIndex, itemIndex: enc.itemIndex, bu, bi, P, Q });
  return ratingModelFromState(state, enc);
}
