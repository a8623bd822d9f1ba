import type { Candidate, RecQuery, Scorer } from '../types.js';

/** Anything that predicts a rating (e.g. the rating model); structural so recsys imports no model. */
export interface RatingPredictor {
  predict(userId: string, itemId: string): number;
}

/** Predicted rating of each candidate for `q.userId`. */
export class RatingModelScorer implements Scorer {
  readonly id: string;
  readonly timeoutMs: number | undefined;

  constructor(private readonly opts: { model: RatingPredictor; id?: string; timeoutMs?: number }) {
    this.id = opts.id ?? 'rating-model';
    this.timeoutMs = opts.timeoutMs;
  }

  async score(q: RecQuery, cs: Candidate[]): Promise<number[]> {
    return cs.map((c) => {
      const p = this.opts.model.predict(q.userId, c.itemId);
      return Number.isFinite(p) ? p : 0;
    });
  }
}
