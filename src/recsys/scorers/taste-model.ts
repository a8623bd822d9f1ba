import type { Candidate, RecQuery, Scorer } from '../types.js';

/** The blended models' taste scores of a member over the catalog (PriorAwareModels.tasteScores), structurally. */
export interface TasteModel {
  readonly stats: { readonly index: ReadonlyMap<string, number> };
  tasteScores(user: string): Float64Array;
}

/**
 * Each candidate's score in the member's own taste order of the blended models (their folded-in factors, what
 * people who watched their films watch, quality and popularity): `community` finds the top of that order, and
 * this scorer lets its scores, not only its ranks, decide among what every source found. A member with
 * nothing yet gets the cold-start order (popularity and quality). Constant (no effect) without the models.
 */
export class TasteModelScorer implements Scorer {
  readonly id = 'taste-model';
  constructor(private readonly model: TasteModel | undefined) {}
  async score(q: RecQuery, cs: Candidate[]): Promise<number[]> {
    const m = this.model;
    if (!m) return cs.map(() => 0);
    const s = m.tasteScores(q.userId);
    let lo = Infinity;
    for (const c of cs) {
      const i = m.stats.index.get(c.itemId);
      if (i !== undefined && s[i] < lo) lo = s[i];
    }
    return cs.map((c) => {
      const i = m.stats.index.get(c.itemId);
      return i === undefined ? (Number.isFinite(lo) ? lo : 0) : s[i];
    });
  }
}
