import { mulberry32 } from '../../src/recsys/models/rng.js';
import { rankMetrics, round } from '../metrics.js';
import type { SequenceData } from './sequential.js';

export interface SimilarOptions {
  negatives?: number;
  context?: number;
  seed?: number;
  k?: number;
}

/**
 * For each user: the last item hidden among `negatives` random items the user never saw (seeded), all
 * ranked by cosine to the mean vector of the user's previous `context` items. Returns NDCG@k.
 */
export function evaluateSimilar(data: SequenceData, vectors: ReadonlyMap<string, Float32Array>, opts: SimilarOptions = {}): { 'ndcg@10': number; users: number } {
  const { negatives = 19, context = 5, seed = 3, k = 10 } = opts;
  const rng = mulberry32(seed);
  const pool = data.items.filter((id) => vectors.has(id));
  let total = 0;
  let n = 0;
  for (const h of data.histories.values()) {
    const target = h[h.length - 1];
    const prev = h.slice(Math.max(0, h.length - 1 - context), h.length - 1).filter((id) => vectors.has(id));
    if (!vectors.has(target) || prev.length === 0) continue;
    const dims = vectors.get(target)!.length;
    const q = new Float64Array(dims);
    for (const id of prev) {
      const v = vectors.get(id)!;
      for (let f = 0; f < dims; f++) q[f] += v[f];
    }
    const seen = new Set(h);
    const cands: string[] = [];
    const picked = new Set<string>();
    while (cands.length < negatives && picked.size < pool.length) {
      const id = pool[Math.floor(rng() * pool.length)];
      if (seen.has(id) || picked.has(id)) continue;
      picked.add(id);
      cands.push(id);
    }
    const cos = (id: string): number => {
      const v = vectors.get(id)!;
      let s = 0;
      for (let f = 0; f < dims; f++) s += v[f] * q[f];
      return s;
    };
    const t = cos(target);
    let rank = 0;
    for (const c of cands) if (cos(c) >= t) rank++; // ties count against the target
    total += rankMetrics(rank, k).ndcg;
    n++;
  }
  return { 'ndcg@10': round(total / Math.max(n, 1)), users: n };
}
