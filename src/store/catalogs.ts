import { withoutOverview, type CatalogItem } from '../domain/item.js';
import type { Logger } from '../log.js';
import type { Metrics } from '../kit/metrics.js';
import { StoreError, ValidationError } from './errors.js';
import { keys } from './keys.js';
import type { Store } from './kv.js';
import type { CatalogPointer, CatalogVersion } from './types.js';
import type { Scope } from '../domain/profile.js';
import { decodeFloat32Rows, encodeFloat32Rows } from './vectors.js';

export interface CatalogRepoOptions {
  clock?: () => number;
  /** Items per chunk. */
  chunkSize?: number;
  logger?: Logger;
  /** Fault injection for tests: runs before chunk `i` is written; throw to simulate a failure. */
  beforeChunkWrite?: (i: number) => void | Promise<void>;
  /** Counts versions written and abandoned (default: none). */
  metrics?: Metrics;
}

export interface CatalogMeta {
  updatedBy: string;
  source: string;
  /** Required when vectors are given. */
  embedModel?: string | null;
}

export interface WriteOptions {
  /** Called after each chunk is stored (awaited), with chunks written and the total. */
  onChunk?: (written: number, total: number) => void | Promise<void>;
}

interface Chunk {
  version: number;
  index: number;
  items: CatalogItem[];
  dims: number;
  /** base64 of `items.length * dims` little-endian Float32 values, or null. */
  vectors: string | null;
}

const LOAD_RETRIES = 3;

/**
 * Versioned catalogs. `catalog:{scope}` points at the current version; its items live in chunks
 * `catalog:{scope}:v{n}:{i}`. A write stores every chunk of a new version, then flips the pointer,
 * then deletes the old chunks: a failure or a killed process at any point leaves the previous
 * version whole. Leftovers of unfinished or replaced versions are removed by the next write.
 */
export class CatalogRepo {
  private readonly clock: () => number;
  private readonly chunkSize: number;

  constructor(private readonly store: Store, private readonly opts: CatalogRepoOptions = {}) {
    this.clock = opts.clock ?? Date.now;
    this.chunkSize = opts.chunkSize ?? 500;
  }

  async pointer(scope: Scope): Promise<CatalogPointer | null> {
    return (await this.store.get<CatalogPointer>(keys.catalogPointer(scope))) ?? null;
  }

  async write(scope: Scope, items: CatalogItem[], vectors: Float32Array[] | null, meta: CatalogMeta, wopts: WriteOptions = {}): Promise<CatalogPointer> {
    if (vectors && vectors.length !== items.length) {
      throw new ValidationError('catalog.vectors', `got ${vectors.length} vectors for ${items.length} items`);
    }
    if (vectors && vectors.length > 0 && !meta.embedModel) throw new ValidationError('catalog.model', 'vectors need an embedModel');
    const dims = vectors?.[0]?.length ?? 0;
    if (vectors?.some((v) => v.length !== dims)) throw new ValidationError('catalog.dims', 'vectors differ in length');

    const result = this.store.withLock(keys.catalogPointer(scope), async () => {
      const current = await this.pointer(scope);
      const leftovers = await this.versionsOnDisk(scope);
      await this.deleteVersions(scope, [...leftovers.keys()].filter((v) => v !== current?.version), leftovers);
      const version = Math.max(current?.version ?? 0, ...leftovers.keys()) + 1;
      const chunkCount = Math.ceil(items.length / this.chunkSize);

      const written: string[] = [];
      try {
        for (let i = 0; i < chunkCount; i += 1) {
          await this.opts.beforeChunkWrite?.(i);
          // an overview merged in from TMDB is never stored with the catalog (it lives in TMDB's cache, with a TTL)
          const slice = items.slice(i * this.chunkSize, (i + 1) * this.chunkSize).map(withoutOverview);
          const vecs = vectors ? encodeFloat32Rows(vectors.slice(i * this.chunkSize, (i + 1) * this.chunkSize)) : null;
          const chunk: Chunk = { version, index: i, items: slice, dims, vectors: vecs ? vecs.data : null };
          const key = keys.catalogChunk(scope, version, i);
          written.push(key);
          await this.store.set(key, chunk);
          await wopts.onChunk?.(i + 1, chunkCount);
        }
      } catch (error) {
        // Best effort; whatever stays behind is removed by the next write.
        await this.store.deleteMany(written).catch(() => {});
        throw error;
      }

      const pointer: CatalogPointer = {
        version,
        itemCount: items.length,
        chunkCount,
        embedModel: vectors ? (meta.embedModel ?? null) : null,
        dims: vectors ? dims : 0,
        updatedBy: meta.updatedBy,
        updatedAt: this.clock(),
        source: meta.source,
      };
      await this.store.set(keys.catalogPointer(scope), pointer);

      if (current) {
        try {
          await this.deleteVersions(scope, [current.version]);
        } catch (error) {
          this.opts.logger?.warn({ scope, version: current.version, err: String(error) }, 'old catalog chunks left for the next write');
        }
      }
      return pointer;
    });
    const m = this.opts.metrics;
    if (m) result.then(() => m.catalogWrite('ok', items.length), () => m.catalogWrite('failed', items.length));
    return result;
  }

  /** The current version, whole, or null when there is none. A missing or damaged chunk throws StoreError. */
  async load(scope: Scope): Promise<CatalogVersion | null> {
    for (let attempt = 1; ; attempt += 1) {
      const pointer = await this.pointer(scope);
      if (!pointer) return null;
      try {
        return await this.loadVersion(scope, pointer);
      } catch (error) {
        // A write may have replaced this version while we read it: retry with the new pointer.
        const now = await this.pointer(scope);
        if (attempt >= LOAD_RETRIES || now?.version === pointer.version) throw error;
      }
    }
  }

  /** Removes the catalog: the pointer first (readers see none), then every chunk. */
  async clear(scope: Scope): Promise<boolean> {
    return this.store.withLock(keys.catalogPointer(scope), async () => {
      const existed = await this.store.delete(keys.catalogPointer(scope));
      const onDisk = await this.versionsOnDisk(scope);
      await this.deleteVersions(scope, [...onDisk.keys()], onDisk);
      return existed;
    });
  }

  private async loadVersion(scope: Scope, p: CatalogPointer): Promise<CatalogVersion> {
    const chunkKeys = Array.from({ length: p.chunkCount }, (_, i) => keys.catalogChunk(scope, p.version, i));
    const items: CatalogItem[] = [];
    const vectors: Float32Array[] | null = p.embedModel ? [] : null;
    const corrupt = (key: string, message: string) =>
      new StoreError({ code: 'store.corrupt', op: 'catalog.load', key, backend: this.store.backend, message });
    // A few chunks per round trip keeps memory bounded on big catalogs.
    for (let start = 0; start < chunkKeys.length; start += 8) {
      const part = chunkKeys.slice(start, start + 8);
      const chunks = await this.store.getMany<Chunk>(part);
      chunks.forEach((c, j) => {
        const key = part[j];
        if (!c) throw corrupt(key, `chunk missing (version ${p.version}, ${p.chunkCount} chunks)`);
        if (c.version !== p.version || c.index !== start + j || !Array.isArray(c.items)) throw corrupt(key, 'chunk does not match its key');
        items.push(...c.items);
        if (vectors) {
          if (!c.vectors || c.dims !== p.dims) throw corrupt(key, 'chunk has no vectors or wrong dims');
          try {
            vectors.push(...decodeFloat32Rows(c.vectors, c.dims, c.items.length));
          } catch (error) {
            throw corrupt(key, String(error));
          }
        }
      });
    }
    if (items.length !== p.itemCount) throw corrupt(keys.catalogPointer(scope), `expected ${p.itemCount} items, found ${items.length}`);
    return { pointer: p, items, vectors };
  }

  /** Chunk keys on disk, by version. */
  private async versionsOnDisk(scope: Scope): Promise<Map<number, string[]>> {
    const prefix = keys.catalogChunkPrefix(scope);
    const out = new Map<number, string[]>();
    for await (const key of this.store.keys(prefix)) {
      const m = /^(\d+):(\d+)$/.exec(key.slice(prefix.length));
      if (!m) continue;
      const v = Number(m[1]);
      out.set(v, [...(out.get(v) ?? []), key]);
    }
    return out;
  }

  private async deleteVersions(scope: Scope, versions: number[], known?: Map<number, string[]>): Promise<void> {
    if (versions.length === 0) return;
    const onDisk = known ?? (await this.versionsOnDisk(scope));
    const doomed = versions.flatMap((v) => onDisk.get(v) ?? []);
    await this.store.deleteMany(doomed);
  }
}
