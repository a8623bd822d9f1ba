import type { FoldInOptions } from './prior-fold.js';
import type { ServerStatsOptions } from './prior-server.js';

/** The settings of `PriorAwareModels` (prior-models.ts), their tuned defaults, and its fallback rating model's shape. */

export interface PriorModelOptions extends ServerStatsOptions {
  /** Server counts at which its own co-watch / watch-next row of an item weighs as much as the prior's. */
  tauCowatch?: number;
  tauNext?: number;
  /** Server interactions at which its own popularity weighs as much as the prior's. */
  tauPopularity?: number;
  /** Bayesian-average prior count m of the quality score. */
  qualityCount?: number;
  /** Cold-start order: popularity (log, 0..1) + qualityWeight x (quality - mean). */
  qualityWeight?: number;
  /**
   * Taste score: cold-start order + cowatchWeight x co-watch neighbours of the member's items + followWeight x
   * their watch-next neighbours (items often watched soon after each of them, whatever the member's own order)
   * + factorWeight x p.q_i (the folded-in member's factors).
   */
  cowatchWeight?: number;
  followWeight?: number;
  factorWeight?: number;
  /** A prior row of an item rated n times weighs n / (n + seedShrink): few co-watchers, noisy neighbours. */
  seedShrink?: number;
  /** Next score: taste score + nextWeight x watch-next transitions from the last `recent` items (decay per step). */
  nextWeight?: number;
  recent?: number;
  recentDecay?: number;
  /** Ratings below this weigh `dislikedWeight` as co-watch seeds (a watch, not a like). */
  likedFrom?: number;
  dislikedWeight?: number;
  /** Server item offsets to the prior's biases: residual sum / (n + offsetShrink). */
  offsetShrink?: number;
  foldIn?: FoldInOptions;
}

/** The options that only change how a server's interactions are counted (`cowatchAlpha` also scores with them). */
export type CountingOptions = Exclude<keyof ServerStatsOptions, 'cowatchAlpha'>;

/**
 * Settings tuned with the cold-server protocol on ml-latest-small, seed 7 (`npm run eval -- --protocol
 * cold-server` reports seed 20240; with 500 of 610 users held out per run, the two runs share most users).
 */
export const PRIOR_MODEL_DEFAULTS: Required<Omit<PriorModelOptions, 'foldIn' | CountingOptions>> = {
  tauCowatch: 10, tauNext: 30, tauPopularity: 2000, qualityCount: 10, qualityWeight: 0.1,
  cowatchWeight: 1, followWeight: 2, factorWeight: 0.3, cowatchAlpha: 0.3, nextWeight: 3, seedShrink: 20,
  recent: 5, recentDecay: 0.7, likedFrom: 3.5, dislikedWeight: 0.3,
  offsetShrink: 10,
};

/** Anything that predicts a rating (a server's own rating model, when there is no prior). */
export interface RatingPredictorLike {
  predict(user: string, item: string): number;
}
