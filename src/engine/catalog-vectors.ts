import { errorMessage } from '../kit/index.js';
import type { CatalogItem } from '../domain/item.js';
import type { Embedder } from '../embed/types.js';
import type { Logger } from '../log.js';
import { itemText } from '../domain/item.js';
import { embedInBatches, localFallback, type ScopeCatalog } from './scope-catalog.js';

export interface CatalogVectors {
  embedder: Embedder;
  /** One per item, same order. */
  vectors: Float32Array[];
  /** Ids whose vector was (re)computed: new items, and items whose text changed. */
  embedded: string[];
}

/**
 * Vectors for a new catalog version. Items whose text is unchanged keep the vector the current catalog
 * already has (same model), so a merge or a re-upload embeds only what is new or edited. If the provider
 * fails, everything is embedded locally instead: vectors of two models are never mixed.
 */
export async function vectorsFor(
  d: { embedder: Embedder; logger: Logger },
  items: CatalogItem[],
  current: ScopeCatalog,
  progress: (done: number, total: number) => void,
): Promise<CatalogVectors> {
  const attempt = async (embedder: Embedder): Promise<CatalogVectors> => {
    const reuse = current.embedder.model === embedder.model;
    const old = new Map(current.items.map((it) => [it.id, it]));
    const vectors: (Float32Array | undefined)[] = items.map((it) => {
      const prev = reuse ? old.get(it.id) : undefined;
      return prev && itemText(prev) === itemText(it) ? current.index.vector(it.id)?.slice() : undefined;
    });
    const todo = vectors.flatMap((v, i) => (v ? [] : [i]));
    const fresh = await embedInBatches(embedder, todo.map((i) => itemText(items[i])), progress);
    todo.forEach((i, k) => (vectors[i] = fresh[k]));
    if (todo.length === 0) progress(items.length, items.length);
    return { embedder, vectors: vectors as Float32Array[], embedded: todo.map((i) => items[i].id) };
  };
  try {
    return await attempt(d.embedder);
  } catch (e) {
    // The provider is down: the catalog is still replaced, with local vectors; the next load retries it.
    const fallback = localFallback(d.embedder);
    if (!fallback) throw e;
    d.logger.warn({ err: errorMessage(e) }, 'embedding failed during upload: using the local embedder');
    return attempt(fallback);
  }
}
