import type { HybridMfOptions } from '../recsys/models/hybrid-mf.js';
import { TASTEMAKER_MF_OPTIONS } from '../recsys/models/hybrid-mf.js';
import type { SequentialOptions } from '../recsys/models/sequential.js';
import { TASTEMAKER_SEQ_OPTIONS } from '../recsys/models/sequential.js';
import { TASTEMAKER_SKNN_OPTIONS, type SessionKnnOptions } from '../recsys/models/session-knn.js';

/** How a scope's models are trained (`trainFromInput`): one set of settings for the bot and the eval. */
export interface ScopeTrainOptions {
  /** The rating model once the server has `mfMinRatings` ratings (text side features from the item vectors). */
  mf: Readonly<HybridMfOptions>;
  /** The rating model with fewer ratings than that (but at least one): few factors, the text prior does the rest. */
  fewRatingsMf: Readonly<HybridMfOptions>;
  mfMinRatings: number;
  /** The sequence model (no item vectors: content similarity to recent items comes from the taste source). */
  sequential: Readonly<SequentialOptions>;
  /** The session-kNN model (members whose last items overlap). */
  sessionKnn: Readonly<SessionKnnOptions>;
  /** Half-life of the popularity decay. */
  popularityHalfLifeMs: number;
}

const DAY = 86_400_000;

/**
 * What the bot trains with; the MF and sequence settings were tuned by the eval (`npm run eval`). The MF is
 * the average of two 32-factor models from two seeds (64 factors side by side: the same size and prediction
 * cost as one 64-factor model; training takes about 30% longer, since each fits its own text projection): on folds 1-2 of the eval's 5, RMSE 0.8406
 * against 0.8435 for one model of 64 (two of 64: 0.8401; four of 16: 0.8421). `orderFree`: the same members'
 * ratings train the same model whatever order the store lists the members in.
 */
export const SCOPE_TRAIN_OPTIONS: Readonly<ScopeTrainOptions> = {
  mf: { ...TASTEMAKER_MF_OPTIONS, factors: 32, ensemble: 2, orderFree: true },
  fewRatingsMf: { factors: 8, epochs: 20 },
  mfMinRatings: 50,
  sequential: TASTEMAKER_SEQ_OPTIONS,
  sessionKnn: TASTEMAKER_SKNN_OPTIONS,
  popularityHalfLifeMs: 60 * DAY,
};
