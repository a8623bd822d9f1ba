import type { Embedder } from './types.js';

/** Where embeddings are kept between uploads (keyed by model and text; the store hashes the text). */
export interface EmbeddingCacheLike {
  getMany(model: string, texts: string[]): Promise<(Float32Array | undefined)[]>;
  setMany(model: string, texts: string[], vectors: Float32Array[]): Promise<void>;
}

export interface CachedEmbedderStats {
  /** `embed` calls on the inner embedder: one per batch of at most `batchSize` missing texts. */
  requests: number;
  /** Texts answered from the cache. */
  cached: number;
  /** Texts sent to the inner embedder. */
  embedded: number;
}

export type CachedEmbedder = Embedder & { stats(): CachedEmbedderStats };

/**
 * Embeds only the texts the cache lacks (each distinct text once), stores them, and answers the rest from the
 * cache: re-uploading an unchanged catalog costs no embedding request. Missing texts go to `inner` in batches
 * of `batchSize` (default 100, Gemini's per-request limit), so `requests` equals API requests. `stats()` counts
 * since creation.
 */
export function createCachedEmbedder(inner: Embedder, cache: EmbeddingCacheLike, opts: { batchSize?: number } = {}): CachedEmbedder {
  const batchSize = opts.batchSize ?? 100;
  const stats: CachedEmbedderStats = { requests: 0, cached: 0, embedded: 0 };
  return {
    get model() {
      return inner.model;
    },
    get dims() {
      return inner.dims;
    },
    stats: () => ({ ...stats }),
    async embed(texts, o) {
      if (texts.length === 0) return [];
      const model = inner.model;
      const found = await cache.getMany(model, texts);
      const missing = [...new Set(texts.filter((_, i) => !found[i]))];
      stats.cached += texts.length - texts.filter((_, i) => !found[i]).length;
      const fresh = new Map<string, Float32Array>();
      for (let s = 0; s < missing.length; s += batchSize) {
        const batch = missing.slice(s, s + batchSize);
        const vectors = await inner.embed(batch, o);
        stats.requests++;
        stats.embedded += batch.length;
        batch.forEach((t, i) => fresh.set(t, vectors[i]));
        await cache.setMany(inner.model, batch, vectors); // saved per batch: a failure later keeps the work done
      }
      return texts.map((t, i) => found[i] ?? fresh.get(t)!);
    },
  };
}

/** In-memory EmbeddingCacheLike, for tests and the bench. */
export function createMemoryEmbeddingCache(): EmbeddingCacheLike & { size(): number } {
  const map = new Map<string, Float32Array>();
  return {
    async getMany(model, texts) {
      return texts.map((t) => map.get(`${model}\u0000${t}`));
    },
    async setMany(model, texts, vectors) {
      texts.forEach((t, i) => map.set(`${model}\u0000${t}`, vectors[i]));
    },
    size: () => map.size,
  };
}
