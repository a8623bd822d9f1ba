import type { CatalogItem } from '../src/domain/item.js';
import type { Embedder } from '../src/embed/types.js';
import { buildScopeCatalog, type ScopeCatalog } from '../src/engine/scope-catalog.js';
import { VectorIndex } from '../src/recsys/index/vector-index.js';
import type { MovieInfo } from './load.js';

/**
 * A movie as a catalog item: the title (with its year, as MovieLens writes it), genres then the most used
 * tags, and the overview when one is given. The bot's `itemText` of it reads "title. genres, tags. overview".
 */
export function movieItem(m: MovieInfo, overview?: string, maxTags = 10): CatalogItem {
  const tags = [...m.genres, ...m.tags.slice(0, maxTags)];
  return { id: m.id, title: m.title, ...(tags.length ? { tags } : {}), ...(overview ? { description: overview } : {}) };
}

/**
 * The scope catalog the bot would build for these items (`buildScopeCatalog`: vector index, titles, tags),
 * embedding each item's `itemText` with `embedder`; `vectors` (same order) skips the embedding.
 */
export function evalCatalog(items: CatalogItem[], embedder: Embedder, vectors?: Float32Array[]): Promise<ScopeCatalog> {
  const pointer = {
    version: 1, itemCount: items.length, chunkCount: 1, embedModel: vectors ? embedder.model : null, dims: embedder.dims,
    updatedBy: 'eval', updatedAt: 0, source: 'upload',
  };
  return buildScopeCatalog({ pointer, items, vectors: vectors ?? null }, embedder);
}

/** The same catalog restricted to `ids` (in that order), with the vectors it already has. */
export function subCatalog(c: ScopeCatalog, ids: readonly string[]): Promise<ScopeCatalog> {
  const items = ids.map((id) => c.byId.get(id)).filter((it): it is CatalogItem => it !== undefined);
  return evalCatalog(items, c.embedder, items.map((it) => c.index.vector(it.id)!));
}

/** The same items with no vectors: what the models learn without text side features. */
export function withoutVectors(c: ScopeCatalog): ScopeCatalog {
  return { ...c, index: new VectorIndex({ model: c.index.model, dims: c.index.dims }) };
}

/** The catalog's item vectors by id (as stored: unit length). */
export function catalogVectors(c: ScopeCatalog): Map<string, Float32Array> {
  const out = new Map<string, Float32Array>();
  for (const it of c.items) {
    const v = c.index.vector(it.id);
    if (v) out.set(it.id, v);
  }
  return out;
}
