import type { Candidate, RecQuery, Scorer } from '../types.js';

export interface FusionOptions {
  /** Weight per source id; sources not listed weigh `defaultWeight`. */
  weights?: Record<string, number>;
  defaultWeight?: number;
  /** RRF constant (Cormack et al. use 60). */
  k?: number;
  id?: string;
}

/** Reciprocal-rank fusion: sum over the sources that found a candidate of weight / (k + rank + 1). */
export class FusionScorer implements Scorer {
  readonly id: string;

  constructor(private readonly opts: FusionOptions = {}) {
    this.id = opts.id ?? 'fusion';
  }

  async score(_q: RecQuery, cs: Candidate[]): Promise<number[]> {
    return cs.map((c) => rrf(c, this.opts));
  }
}

export function rrf(c: Candidate, opts: FusionOptions = {}): number {
  const k = opts.k ?? 60;
  let s = 0;
  for (const [src, rank] of Object.entries(c.sourceRanks)) {
    const w = opts.weights?.[src] ?? opts.defaultWeight ?? 1;
    s += w / (k + rank + 1);
  }
  return s;
}
