import { encodeRatings } from './encode.js';
import { biasFactorState, ratingModelFromState, type SerialisableRatingModel } from './rating-state.js';
import type { RatingTriple } from './types.js';

export interface BaselineOptions {
  /** ALS sweeps (Surprise default 10). */
  epochs?: number;
  /** Regularisation of item biases (Surprise reg_i = 10) and user biases (reg_u = 15). */
  regItem?: number;
  regUser?: number;
  clock?: () => number;
}

/** Fitted biases, reusable by other models (kNN-baseline, blends). */
export interface Biases {
  mu: number;
  bu: Float64Array;
  bi: Float64Array;
  userIndex: Map<string, number>;
  itemIndex: Map<string, number>;
}

/** Surprise's BaselineOnly with ALS: r = mu + b_u + b_i. */
export function fitBiases(ratings: readonly RatingTriple[], opts: BaselineOptions = {}): Biases {
  const { epochs = 10, regItem = 10, regUser = 15 } = opts;
  const enc = encodeRatings(ratings);
  const nU = enc.userIndex.size;
  const nI = enc.itemIndex.size;
  const bu = new Float64Array(nU);
  const bi = new Float64Array(nI);
  const cntU = new Float64Array(nU);
  const cntI = new Float64Array(nI);
  for (let r = 0; r < enc.values.length; r++) {
    cntU[enc.users[r]]++;
    cntI[enc.items[r]]++;
  }
  const acc = new Float64Array(Math.max(nU, nI));
  const mu = enc.globalMean;
  for (let e = 0; e < epochs; e++) {
    acc.fill(0);
    for (let r = 0; r < enc.values.length; r++) acc[enc.items[r]] += enc.values[r] - mu - bu[enc.users[r]];
    for (let i = 0; i < nI; i++) bi[i] = acc[i] / (regItem + cntI[i]);
    acc.fill(0);
    for (let r = 0; r < enc.values.length; r++) acc[enc.users[r]] += enc.values[r] - mu - bi[enc.items[r]];
    for (let u = 0; u < nU; u++) bu[u] = acc[u] / (regUser + cntU[u]);
  }
  return { mu, bu, bi, userIndex: enc.userIndex, itemIndex: enc.itemIndex };
}

export function trainBaseline(ratings: readonly RatingTriple[], opts: BaselineOptions = {}): SerialisableRatingModel {
  const clock = opts.clock ?? (() => performance.now());
  const t0 = clock();
  const b = fitBiases(ratings, opts);
  const state = biasFactorState('baseline', clock() - t0, { ...b, factors: 0 });
  return ratingModelFromState(state, b);
}
