import { readFile } from 'node:fs/promises';
import { diffCatalogs, mergeCatalogs } from '../catalog/diff.js';
import { parseCatalog } from '../catalog/parse.js';
import type { CatalogIssue } from '../catalog/types.js';
import { withoutOverview, type CatalogItem } from '../domain/item.js';
import type { AppDeps } from './deps.js';
import { vectorsFor } from '../engine/catalog-vectors.js';
import { buildScopeCatalog, type ScopeCatalog } from '../engine/scope-catalog.js';
import type { CatalogIndex } from '../recsys/index/catalog-index.js';
import type { Caller, CatalogInfo, UploadProgress, UploadReport } from './types.js';

const adminKey = (scope: string) => `catalog-admin:${scope}`;

export interface UploadInput {
  bytes: Uint8Array;
  filename: string;
  mode: 'replace' | 'merge';
  onProgress?: (p: UploadProgress) => void;
  source?: string;
}

/**
 * Parses, validates, embeds (batched; the cache makes unchanged texts free) and swaps the catalog
 * atomically. Nothing is changed unless at least one row is valid and the file as a whole is readable.
 */
export async function uploadCatalog(d: AppDeps, c: Caller, input: UploadInput): Promise<UploadReport> {
  return d.store.withLock(adminKey(c.scope), async () => {
    input.onProgress?.({ phase: 'parsing', done: 0, total: 1 });
    const parsed = parseCatalog(input.bytes, {
      filename: input.filename,
      limits: { maxBytes: d.config.CATALOG_MAX_BYTES, maxItems: d.config.CATALOG_MAX_ITEMS },
    });
    // The catalog in memory is the current version (the engine reloads after every change): no store read.
    const live = await d.engines.catalog(c.scope);
    const current = live.items;
    const pointer = await d.catalogs.pointer(c.scope);
    const rejectedRows = new Set(parsed.errors.filter((e) => e.row > 0).map((e) => e.row)).size;
    const base = { mode: input.mode, errors: parsed.errors, warnings: parsed.warnings, rejected: rejectedRows, embedRequests: 0 };
    const fatal = parsed.errors.some((e) => e.row === 0);
    if (fatal || parsed.items.length === 0) {
      const errors: CatalogIssue[] = parsed.errors.length
        ? parsed.errors
        : [{ row: 0, code: 'file.no-items', message: 'The file has no valid items.' }];
      return { ...base, errors, added: 0, updated: 0, removed: 0, total: fatal ? 0 : rejectedRows, catalogSize: current.length, applied: false, version: pointer?.version ?? 0 };
    }
    const items = input.mode === 'merge' ? mergeCatalogs(current, parsed.items) : parsed.items;
    if (items.length > d.config.CATALOG_MAX_ITEMS) {
      const err = { row: 0, code: 'file.too-many-items', message: `Merged, the catalog would hold ${items.length} items; the limit is ${d.config.CATALOG_MAX_ITEMS}.` };
      return { ...base, errors: [err, ...parsed.errors], added: 0, updated: 0, removed: 0, total: parsed.items.length + rejectedRows, catalogSize: current.length, applied: false, version: pointer?.version ?? 0 };
    }
    const diff = diffCatalogs(current, items);
    const applied = await writeCatalog(d, c, items, { source: input.source ?? input.mode, mode: input.mode, current: live, onProgress: input.onProgress });
    return {
      ...base,
      added: diff.added.length,
      updated: diff.updated.length,
      removed: diff.removed.length,
      total: parsed.items.length + rejectedRows,
      catalogSize: items.length,
      applied: true,
      embedRequests: applied.embedRequests,
      version: applied.version,
    };
  });
}

/**
 * Embeds what changed and stores a full new version, then hands the engine the new catalog without
 * reloading it. A merge updates the live vector index in place (upserts); a replace builds a new one.
 */
async function writeCatalog(
  d: AppDeps,
  c: Caller,
  items: CatalogItem[],
  w: { source: string; mode: 'replace' | 'merge'; current: ScopeCatalog; onProgress?: (p: UploadProgress) => void },
): Promise<{ version: number; embedRequests: number }> {
  const before = d.embedStats?.().requests ?? 0;
  items = (await d.itemText?.withText(items)) ?? items; // cached TMDB overviews: embedded once, with the rest
  const { embedder, vectors, embedded } = await vectorsFor(d, items, w.current, (done, total) => w.onProgress?.({ phase: 'embedding', done, total }));
  const embedRequests = (d.embedStats?.().requests ?? 0) - before;
  // Local vectors are cheap to recompute: only a provider's vectors are worth their storage.
  const keepVectors = d.embedStats !== undefined && embedder === d.embedder;
  const pointer = await d.catalogs.write(
    c.scope,
    items,
    keepVectors ? vectors : null,
    { updatedBy: c.userId, source: w.source, embedModel: keepVectors ? embedder.model : null },
    { onChunk: (done, total) => w.onProgress?.({ phase: 'saving', done, total }) },
  );
  const version = { pointer: { ...pointer, embedModel: embedder.model }, items, vectors };
  let index: CatalogIndex | undefined;
  // an index other servers share (engine/catalog-share.ts) is never changed in place: a new one is built
  if (w.mode === 'merge' && w.current.index.model === embedder.model && d.engines.claimIndex(c.scope, w.current)) {
    const at = new Map(items.map((it, i) => [it.id, i]));
    w.current.index.upsert(embedded, embedded.map((id) => vectors[at.get(id)!]));
    index = w.current.index;
  }
  d.engines.setCatalog(c.scope, await buildScopeCatalog(version, embedder, { index, popularity: d.engines.popularity(c.scope) }));
  return { version: pointer.version, embedRequests };
}

export async function starterCatalog(d: AppDeps, c: Caller, onProgress?: (p: UploadProgress) => void): Promise<UploadReport> {
  const bytes = await readFile(d.starterPath);
  return uploadCatalog(d, c, { bytes, filename: 'starter-movies.csv', mode: 'replace', source: 'starter', onProgress });
}

export async function catalogInfo(d: AppDeps, scope: string): Promise<CatalogInfo | null> {
  const p = await d.catalogs.pointer(scope);
  if (!p) return null;
  return { itemCount: p.itemCount, version: p.version, embedModel: p.embedModel ?? d.embedder.model, updatedBy: p.updatedBy, updatedAt: p.updatedAt, source: p.source };
}

export async function exportCatalog(d: AppDeps, scope: string): Promise<CatalogItem[]> {
  return (await d.engines.catalog(scope)).items.map(withoutOverview);
}

export async function removeItem(d: AppDeps, c: Caller, itemId: string): Promise<boolean> {
  return d.store.withLock(adminKey(c.scope), async () => {
    const cur = await d.catalogs.load(c.scope);
    if (!cur || !cur.items.some((i) => i.id === itemId)) return false;
    const keep = cur.items.map((it, i) => ({ it, v: cur.vectors?.[i] })).filter((x) => x.it.id !== itemId);
    const vectors = cur.vectors ? keep.map((x) => x.v as Float32Array) : null;
    await d.catalogs.write(c.scope, keep.map((x) => x.it), vectors, { updatedBy: c.userId, source: 'remove', embedModel: cur.pointer.embedModel });
    d.engines.invalidateCatalog(c.scope);
    return true;
  });
}

export async function clearCatalog(d: AppDeps, c: Caller): Promise<boolean> {
  return d.store.withLock(adminKey(c.scope), async () => {
    const had = await d.catalogs.clear(c.scope);
    d.engines.invalidateCatalog(c.scope);
    return had;
  });
}
