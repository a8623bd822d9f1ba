import { QuantizedIndex } from './quantized-index.js';
import type { SearchIndex } from './types.js';
import { VectorIndex } from './vector-index.js';

/** What a scope's catalog keeps its vectors in: an exact float32 VectorIndex, or a QuantizedIndex for big catalogs. */
export interface CatalogIndex extends SearchIndex {
  upsert(ids: readonly string[], vectors: readonly ArrayLike<number>[], model?: string): void;
  remove(ids: readonly string[]): number;
  keys(): string[];
}

/**
 * A catalog whose float32 vectors would take more than this keeps them as float16 instead: half the bytes,
 * recall@10 1.000 against float32 at 50,000 x 768 (`npm run bench -- memory`), searched in about twice the
 * float32 kernel's time (SIMD both: 73 vs 39 ms p50 there, on a loaded machine), so only where the memory
 * matters: 96 MB is about 32,000 items of 768 dims. Smaller catalogs, the starter one (9,742 x 624, 24 MB)
 * among them, stay float32.
 */
export const FLOAT16_ABOVE_BYTES = 96 * 2 ** 20;

/** The index for a catalog of `items` vectors of `dims`: float32 up to FLOAT16_ABOVE_BYTES of them, float16 beyond. */
export function createCatalogIndex(o: { model: string; dims: number; items: number; float16AboveBytes?: number }): CatalogIndex {
  const initialCapacity = Math.max(16, o.items);
  return o.items * o.dims * 4 > (o.float16AboveBytes ?? FLOAT16_ABOVE_BYTES)
    ? new QuantizedIndex({ model: o.model, dims: o.dims, precision: 'float16', initialCapacity })
    : new VectorIndex({ model: o.model, dims: o.dims, initialCapacity });
}
