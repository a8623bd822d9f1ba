import { errorMessage } from '../kit/index.js';
import type { CatalogItem } from '../domain/item.js';
import { createLocalEmbedder, localEmbedderKindOf } from '../embed/semantic/factory.js';
import type { Embedder } from '../embed/types.js';
import type { Logger } from '../log.js';
import { createCatalogIndex, type CatalogIndex } from '../recsys/index/catalog-index.js';
import type { CatalogVersion } from '../store/types.js';
import { itemText } from '../domain/item.js';
import { TitleIndex, type Popularity } from '../catalog/titles.js';
import { CoreExtras } from './core-extras.js';

/** A scope's catalog as the engine uses it: items, a vector index of the current embedder, titles, tags. */
export interface ScopeCatalog {
  version: number;
  items: CatalogItem[];
  byId: Map<string, CatalogItem>;
  /** float32, or float16 for a catalog above FLOAT16_ABOVE_ITEMS (recsys/index/catalog-index.ts). */
  index: CatalogIndex;
  /** The embedder the index was built with: queries must use this one (vectors of two models never meet). */
  embedder: Embedder;
  titles: TitleIndex;
  /** Every tag in the catalog, most used first (for the constraint parser). */
  tags: string[];
  /**
   * Set when items, index, titles and tags are a core other servers with the same content share
   * (catalog-share.ts): then nothing of them may be changed in place (copy first).
   */
  sharedKey?: string;
  /** Indexes derived later from the items (the title-word index), weighed with them (core-extras.ts). */
  extras?: CoreExtras;
}

/**
 * Builds the in-memory catalog. Stored vectors are used only when they come from the same embedding
 * model; otherwise items are embedded again (the cached embedder makes that free for remote models).
 * When a remote embedder fails, the catalog is built with the local one instead, so the engine keeps
 * answering (the next load tries the remote one again).
 */
export async function buildScopeCatalog(
  v: CatalogVersion | null,
  embedder: Embedder,
  opts: { fallback?: Embedder; logger?: Logger; index?: CatalogIndex; popularity?: Popularity } = {},
): Promise<ScopeCatalog> {
  const items = v?.items ?? [];
  let used = embedder;
  let vectors: Float32Array[];
  if (v?.vectors && v.pointer.embedModel === embedder.model && v.vectors.length === items.length) vectors = v.vectors;
  else {
    try {
      vectors = items.length ? await embedInBatches(embedder, items.map(itemText)) : [];
    } catch (e) {
      const fallback = opts.fallback ?? localFallback(embedder);
      if (!fallback) throw e;
      opts.logger?.warn({ err: errorMessage(e), model: embedder.model, fallback: fallback.model }, 'embedding failed: catalog built with the local embedder');
      used = fallback;
      vectors = await embedInBatches(fallback, items.map(itemText));
    }
  }
  // An index already holding exactly these vectors (a merge upserted into the live one) is kept as is.
  const reuse = opts.index && opts.index.model === used.model && opts.index.size === items.length ? opts.index : undefined;
  const index = reuse ?? createCatalogIndex({ model: used.model, dims: used.dims, items: items.length });
  if (!reuse && items.length) index.upsert(items.map((i) => i.id), vectors);
  const tagCount = new Map<string, number>();
  for (const it of items) for (const t of it.tags ?? []) tagCount.set(t, (tagCount.get(t) ?? 0) + 1);
  return {
    version: v?.pointer.version ?? 0,
    items,
    byId: new Map(items.map((i) => [i.id, i])),
    index,
    embedder: used,
    titles: new TitleIndex(items, { popularity: opts.popularity }),
    tags: [...tagCount.entries()].sort((a, b) => b[1] - a[1]).map(([t]) => t),
    extras: new CoreExtras(),
  };
}

/** The local embedder, as the fallback of any other one (none for the local one itself). */
export function localFallback(embedder: Embedder): Embedder | undefined {
  return localEmbedderKindOf(embedder.model) ? undefined : createLocalEmbedder('semantic');
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
