import { createHash } from 'node:crypto';
import type { CatalogItem } from '../domain/item.js';
import type { Popularity } from '../catalog/titles.js';
import type { Embedder } from '../embed/types.js';
import type { Logger } from '../log.js';
import type { CatalogVersion } from '../store/types.js';
import { buildScopeCatalog, type ScopeCatalog } from './scope-catalog.js';

/**
 * What servers with the same catalog content share: one immutable copy of the items, their vector index,
 * title index and tags (the starter catalog's index alone is ~24 MB). Only the version and the title
 * index's popularity (each server's own) differ per server.
 */
export type CatalogCore = Pick<ScopeCatalog, 'items' | 'byId' | 'index' | 'embedder' | 'titles' | 'tags' | 'extras'>;

/** Where cores live while some server holds them (the engine's scope cache, which also weighs them once). */
export interface CatalogShelf {
  core(key: string): CatalogCore | undefined;
  keep(key: string, core: CatalogCore): void;
}

/**
 * The key of a catalog's content under an embedding model: sha256 over the model and every item as JSON.
 * Two catalogs with the same key have equal items (same order) and vectors of the same model for equal
 * texts, so one index serves both. Items that differ only in key order hash apart (a missed share, never a
 * wrong one).
 */
export function catalogKey(model: string, items: readonly CatalogItem[]): string {
  const h = createHash('sha256').update(model).update('\n');
  for (const it of items) h.update(JSON.stringify(it)).update('\n');
  return h.digest('hex');
}

/** The core of a built catalog (what may be shared). */
export function coreOf(c: ScopeCatalog): CatalogCore {
  return { items: c.items, byId: c.byId, index: c.index, embedder: c.embedder, titles: c.titles, tags: c.tags, extras: c.extras };
}

/** A server's catalog over a shared core: its own version, and its own popularity for title ties. */
export function fromCore(core: CatalogCore, key: string, version: number, popularity?: Popularity): ScopeCatalog {
  return { ...core, version, titles: core.titles.withPopularity(popularity), sharedKey: key };
}

/**
 * The catalog `c` with an already shared core of the same content in place of its own (its own is then
 * garbage), or `c` itself made the shared core of its content. Nothing is shared without content: an empty
 * catalog stays its own.
 */
export function shareCatalog(shelf: CatalogShelf, c: ScopeCatalog, popularity?: Popularity): ScopeCatalog {
  if (c.sharedKey || c.items.length === 0) return c;
  const key = catalogKey(c.index.model, c.items);
  const found = shelf.core(key);
  if (found) return fromCore(found, key, c.version, popularity);
  const core = coreOf(c);
  shelf.keep(key, core);
  return fromCore(core, key, c.version, popularity);
}

/**
 * A stored version as the engine loads it: over the shared core of its content when one is held (nothing
 * embedded, no index built), otherwise built (`buildScopeCatalog`) and made the core of its content.
 */
export async function buildSharedCatalog(v: CatalogVersion | null, embedder: Embedder, shelf: CatalogShelf, o: { logger?: Logger; popularity?: Popularity }): Promise<ScopeCatalog> {
  if (v?.items.length) {
    const key = catalogKey(embedder.model, v.items);
    const core = shelf.core(key);
    if (core) return fromCore(core, key, v.pointer.version, o.popularity);
  }
  return shareCatalog(shelf, await buildScopeCatalog(v, embedder, o), o.popularity);
}
