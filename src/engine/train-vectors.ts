import { LRUCache } from '../kit/index.js';
import type { ItemVectors } from './scope-models.js';

/** Default bytes of item vectors the training worker keeps: the starter catalog's (~24 MB) twice, and room. */
export const DEFAULT_WORKER_VECTOR_BYTES = 64 * 1024 * 1024;

/** How a training job names its catalog's item vectors: the catalog's content key, and how to collect them. */
export interface VectorsSource {
  /** The catalog core's content key (catalog-share.ts `catalogKey`), read when the job is posted; without one, the vectors go with every job. */
  readonly key?: string;
  collect: () => ItemVectors;
}

/** What a job sends of its vectors: the vectors (kept under `key` when it has one), or only the key. */
export interface VectorsWire {
  key?: string;
  vectors?: ItemVectors;
}

const bytesOf = (v: ItemVectors): number => v.vectors.byteLength + v.hasVector.byteLength;

/**
 * The pool's record of which catalogs' vectors the training worker holds, by content key, within
 * `maxBytes` (least recently used dropped first). The worker does exactly what the jobs tell it (keep
 * these, drop those), so this record and the worker's store (`WorkerVectorStore`) always agree; both start
 * empty with each worker.
 */
export class WorkerVectorShelf {
  private readonly held: LRUCache<string, number>;
  private dropped: string[] = [];
  /** Jobs that carried vectors (first training of a catalog in this worker, or no key): a test and bench count. */
  sent = 0;

  constructor(maxBytes: number = DEFAULT_WORKER_VECTOR_BYTES) {
    this.held = new LRUCache<string, number>({
      maxSize: maxBytes,
      sizeCalculation: (bytes) => Math.max(1, bytes),
      dispose: (_bytes, key, reason) => {
        if (reason !== 'set') this.dropped.push(key);
      },
    });
  }

  /** What a job about to be posted sends (collecting the vectors only when the worker lacks them), and the keys the worker drops first. */
  wire(source: VectorsSource): { wire: VectorsWire; drop: string[] } {
    const { key } = source;
    let wire: VectorsWire;
    if (key !== undefined && this.held.get(key) !== undefined) wire = { key };
    else {
      const vectors = source.collect();
      this.sent++;
      // heavier than the whole budget: sent, used once, not kept
      if (key !== undefined && bytesOf(vectors) <= this.held.maxSize) this.held.set(key, bytesOf(vectors));
      wire = { key: key !== undefined && this.held.has(key) ? key : undefined, vectors };
    }
    return { wire, drop: this.take() };
  }

  /** The catalog with this content key is gone from the engine: the worker may drop its vectors (sent with the next message). */
  forget(key: string): void {
    this.held.delete(key);
  }

  /** Keys dropped since the last call (the worker drops them too). */
  take(): string[] {
    const d = this.dropped;
    this.dropped = [];
    return d;
  }

  /** The worker is gone (crash, close): a fresh one holds nothing. */
  reset(): void {
    this.held.clear();
    this.dropped = [];
  }
}

/** The worker's side: the vectors it was sent, by key, kept and dropped exactly as the jobs say. */
export class WorkerVectorStore {
  private readonly byKey = new Map<string, ItemVectors>();

  /** The job's vectors: those it carries (kept under its key), or those kept under its key before. */
  resolve(wire: VectorsWire, drop: readonly string[]): ItemVectors {
    for (const k of drop) this.byKey.delete(k);
    if (wire.vectors) {
      if (wire.key !== undefined) this.byKey.set(wire.key, wire.vectors);
      return wire.vectors;
    }
    const kept = wire.key === undefined ? undefined : this.byKey.get(wire.key);
    if (!kept) throw new Error(`the training worker holds no item vectors for catalog ${wire.key?.slice(0, 12) ?? '(no key)'}`);
    return kept;
  }

  drop(keys: readonly string[]): void {
    for (const k of keys) this.byKey.delete(k);
  }

  get size(): number {
    return this.byKey.size;
  }
}
