import type { Embedder } from './types.js';
import { DEFAULT_WEIGHTS, forEachFeature, type FeatureWeights } from './tokenize.js';

export interface LocalEmbedderOptions {
  /** Output dimensions (default 512). */
  dims?: number;
  weights?: FeatureWeights;
}

/**
 * Offline, deterministic, stateless text embedder: signed feature hashing of word unigrams, bigrams and
 * character 3-5-grams, sublinear term frequency (1 + log tf), fixed per-kind weights (common English
 * words down-weighted), L2-normalised. The same text always gives the same vector, whatever else is embedded.
 */
export function createLocalEmbedder(opts: LocalEmbedderOptions = {}): Embedder {
  const dims = opts.dims ?? 512;
  if (!Number.isInteger(dims) || dims < 8) throw new RangeError(`dims must be an integer >= 8, got ${dims}`);
  const weights = opts.weights ?? DEFAULT_WEIGHTS;
  const model = `local-hash-v1-${dims}`;
  // per-text scratch: feature -> (count, weight); reused across texts
  const counts = new Map<number, number>();
  const kindWeight = new Map<number, number>();

  function embedOne(text: string): Float32Array {
    counts.clear();
    kindWeight.clear();
    forEachFeature(
      text,
      (h, w) => {
        counts.set(h, (counts.get(h) ?? 0) + 1);
        if (!kindWeight.has(h)) kindWeight.set(h, w);
      },
      weights,
    );
    const v = new Float32Array(dims);
    for (const [h, tf] of counts) {
      const w = (kindWeight.get(h) ?? 1) * (1 + Math.log(tf));
      const idx = h % dims;
      const sign = (h >>> 31) === 1 ? -1 : 1;
      v[idx] += sign * w;
    }
    let norm = 0;
    for (let i = 0; i < dims; i++) norm += v[i] * v[i];
    if (norm > 0) {
      const inv = 1 / Math.sqrt(norm);
      for (let i = 0; i < dims; i++) v[i] *= inv;
    }
    return v;
  }

  return {
    model,
    dims,
    async embed(texts: string[], o?: { signal?: AbortSignal }): Promise<Float32Array[]> {
      const out: Float32Array[] = new Array(texts.length);
      for (let i = 0; i < texts.length; i++) {
        if ((i & 1023) === 0) o?.signal?.throwIfAborted();
        out[i] = embedOne(texts[i]);
      }
      return out;
    },
  };
}
