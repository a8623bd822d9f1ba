import type { CatalogItem } from '../catalog/types.js';
import type { Embedder } from '../embed/types.js';
import { VectorIndex } from '../recsys/index/vector-index.js';
import type { CatalogVersion } from '../store/types.js';
import { itemText } from './item-text.js';
import { TitleIndex } from './titles.js';

/** A scope's catalog as the engine uses it: items, a vector index of the current embedder, titles, tags. */
export interface ScopeCatalog {
  version: number;
  items: CatalogItem[];
  byId: Map<string, CatalogItem>;
  index: VectorIndex;
  titles: TitleIndex;
  /** Every tag in the catalog, most used first (for the constraint parser). */
  tags: string[];
}

/**
 * Builds the in-memory catalog. Stored vectors are used only when they come from the same embedding
 * model; otherwise items are embedded again (the cached embedder makes that free for remote models).
 */
export async function buildScopeCatalog(v: CatalogVersion | null, embedder: Embedder): Promise<ScopeCatalog> {
  const items = v?.items ?? [];
  let vectors: Float32Array[];
  if (v?.vectors && v.pointer.embedModel === embedder.model && v.vectors.length === items.length) vectors = v.vectors;
  else vectors = items.length ? await embedInBatches(embedder, items.map(itemText)) : [];
  const index = new VectorIndex({ model: embedder.model, dims: embedder.dims, initialCapacity: Math.max(16, items.length) });
  if (items.length) index.upsert(items.map((i) => i.id), vectors);
  const tagCount = new Map<string, number>();
  for (const it of items) for (const t of it.tags ?? []) tagCount.set(t, (tagCount.get(t) ?? 0) + 1);
  return {
    version: v?.pointer.version ?? 0,
    items,
    byId: new Map(items.map((i) => [i.id, i])),
    index,
    titles: new TitleIndex(items),
    tags: [...tagCount.entries()].sort((a, b) => b[1] - a[1]).map(([t]) => t),
  };
}

export async function embedInBatches(
  embedder: Embedder,
  texts: string[],
  onProgress?: (done: number, total: number) => void,
  batch = 500,
): Promise<Float32Array[]> {
  const out: Float32Array[] = [];
  for (let i = 0; i < texts.length; i += batch) {
    out.push(...(await embedder.embed(texts.slice(i, i + batch))));
    onProgress?.(Math.min(texts.length, i + batch), texts.length);
  }
  return out;
}
