/** One explicit rating. `value` is on the 0.5..5 scale; `at` is a timestamp (ms or s, only the order matters). */
export interface RatingTriple {
  user: string;
  item: string;
  value: number;
  at?: number;
}

/** A trained rating model. `predict` always answers (unknown users/items fall back to biases/mean), clipped. */
export interface RatingModel {
  readonly id: string;
  /** Wall-clock milliseconds the training took. */
  readonly trainingTimeMs: number;
  predict(user: string, item: string): number;
}

export const MIN_RATING = 0.5;
export const MAX_RATING = 5;

export function clipRating(x: number): number {
  return x < MIN_RATING ? MIN_RATING : x > MAX_RATING ? MAX_RATING : x;
}
