import { clipRating, type RatingModel, type RatingTriple } from './types.js';

/** Predicts the mean of all training ratings for everyone: the floor every model must beat. */
export function trainGlobalMean(ratings: readonly RatingTriple[], opts: { clock?: () => number } = {}): RatingModel {
  const clock = opts.clock ?? (() => performance.now());
  const t0 = clock();
  let sum = 0;
  for (const r of ratings) sum += r.value;
  const mean = clipRating(ratings.length > 0 ? sum / ratings.length : 3.5);
  return { id: 'global-mean', trainingTimeMs: clock() - t0, predict: () => mean };
}
