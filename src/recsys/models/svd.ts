import { encodeRatings, userGroupedOrder } from './encode.js';
import { gaussianArray, mulberry32 } from './rng.js';
import { biasFactorState, ratingModelFromState, type SerialisableRatingModel } from './rating-state.js';
import type { RatingTriple } from './types.js';

export interface SvdOptions {
  factors?: number;
  epochs?: number;
  lr?: number;
  reg?: number;
  initStd?: number;
  seed?: number;
  clock?: () => number;
}

/**
 * Surprise's SVD (Funk MF with biases), same defaults: 100 factors, 20 epochs, lr 0.005, reg 0.02,
 * factors ~ N(0, 0.1), biases start at 0, one SGD pass over the (shuffled) ratings per epoch.
 * Unknown user or item: their terms are dropped, as Surprise does.
 */
export function trainSvd(ratings: readonly RatingTriple[], opts: SvdOptions = {}): SerialisableRatingModel {
  const { factors: k = 100, epochs = 20, lr = 0.005, reg = 0.02, initStd = 0.1, seed = 42 } = opts;
  const clock = opts.clock ?? (() => performance.now());
  const t0 = clock();
  const enc = encodeRatings(ratings);
  const nU = enc.userIndex.size;
  const nI = enc.itemIndex.size;
  const rng = mulberry32(seed);
  // Same draws, same order as before (P then Q): seeded results are unchanged.
  const P = gaussianArray(nU * k, initStd, rng);
  const Q = gaussianArray(nI * k, initStd, rng);
  const bu = new Float64Array(nU);
  const bi = new Float64Array(nI);
  const mu = enc.globalMean;
  // Surprise walks the trainset user by user (users in first-seen order, each user's ratings in input order)
  const order = userGroupedOrder(enc.users, nU);
  for (let e = 0; e < epochs; e++) {
    for (let o = 0; o < order.length; o++) {
      const r = order[o];
      const u = enc.users[r];
      const i = enc.items[r];
      const pu = u * k;
      const qi = i * k;
      let dot = 0;
      for (let f = 0; f < k; f++) dot += P[pu + f] * Q[qi + f];
      const err = enc.values[r] - (mu + bu[u] + bi[i] + dot);
      bu[u] += lr * (err - reg * bu[u]);
      bi[i] += lr * (err - reg * bi[i]);
      for (let f = 0; f < k; f++) {
        const p = P[pu + f];
        const q = Q[qi + f];
        P[pu + f] += lr * (err * q - reg * p);
        Q[qi + f] += lr * (err * p - reg * q);
      }
    }
  }
  const state = biasFactorState('svd-reference', clock() - t0, { mu, factors: k, userIndex: enc.userIndex, itemIndex: enc.itemIndex, bu, bi, P, Q });
  return ratingModelFromState(state, enc);
}
