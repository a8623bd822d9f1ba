import { cosine, dotAt } from '../index/dot.js';
import type { RecQuery, ScoredCandidate, Selector } from '../types.js';
import type { ItemId } from '../../domain/item.js';

function byScore(a: ScoredCandidate, b: ScoredCandidate): number {
  return b.score - a.score || (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0);
}

/** The `count` best by score (ties by id, so the order is stable). */
export class TopKSelector implements Selector {
  readonly id = 'top-k';

  select(_q: RecQuery, scored: ScoredCandidate[], count: number): ScoredCandidate[] {
    return scored.slice().sort(byScore).slice(0, Math.max(0, count));
  }
}

export interface MmrOptions {
  vectors: (id: ItemId) => Float32Array | undefined;
  /** 1 = pure relevance, 0 = pure diversity. Default 0.7. */
  lambda?: number;
  /** Only the best `pool` by score are considered (cost is count x pool). Default 200. */
  pool?: number;
  /** The vectors are unit length (an index's rows): similarity is a plain dot product, 3x cheaper. */
  normalized?: boolean;
  /**
   * With `normalized`: the dot products of a vector with the rows of `ids` in one call (the index's kernel,
   * `SearchIndex.dots`; NaN for an id without a row), instead of one JS loop per candidate.
   */
  dots?: (query: Float32Array, ids: readonly ItemId[]) => Float64Array;
}

/**
 * Maximal marginal relevance (Carbonell & Goldstein 1998): greedily picks the candidate maximising
 * lambda * relevance - (1 - lambda) * (highest cosine to anything already picked), relevance being the
 * score min-max-normalised over the pool. Items without a vector count as unlike everything.
 */
export class MmrSelector implements Selector {
  readonly id = 'mmr';
  private readonly lambda: number;

  constructor(private readonly opts: MmrOptions) {
    this.lambda = opts.lambda ?? 0.7;
    if (!(this.lambda >= 0 && this.lambda <= 1)) throw new RangeError(`lambda must be in [0, 1], got ${opts.lambda}`);
  }

  select(_q: RecQuery, scored: ScoredCandidate[], count: number): ScoredCandidate[] {
    const pool = scored.slice().sort(byScore).slice(0, this.opts.pool ?? 200);
    if (pool.length === 0 || count <= 0) return [];
    const hi = pool[0].score;
    const lo = pool[pool.length - 1].score;
    const span = hi - lo;
    const rel = pool.map((c) => (span > 0 ? (c.score - lo) / span : 1));
    const vecs = pool.map((c) => this.opts.vectors(c.itemId));
    const dots = this.opts.normalized ? this.opts.dots : undefined;
    const ids = pool.map((c) => c.itemId);
    const maxSim = new Float64Array(pool.length); // to the picked set
    const taken = new Uint8Array(pool.length);
    const out: ScoredCandidate[] = [];
    while (out.length < Math.min(count, pool.length)) {
      let best = -1;
      let bestV = -Infinity;
      for (let i = 0; i < pool.length; i++) {
        if (taken[i]) continue;
        const v = this.lambda * rel[i] - (1 - this.lambda) * (out.length ? maxSim[i] : 0);
        if (v > bestV) {
          bestV = v;
          best = i;
        }
      }
      taken[best] = 1;
      out.push(pool[best]);
      const bv = vecs[best];
      if (bv && dots) {
        const d = dots(bv, ids);
        for (let i = 0; i < pool.length; i++) if (!taken[i] && vecs[i] && d[i] > maxSim[i]) maxSim[i] = d[i];
      } else if (bv) {
        for (let i = 0; i < pool.length; i++) {
          const v = vecs[i];
          if (taken[i] || !v) continue;
          const s = this.opts.normalized ? dotAt(v, 0, bv, bv.length) : cosine(bv, v);
          if (s > maxSim[i]) maxSim[i] = s;
        }
      }
    }
    return out;
  }
}
