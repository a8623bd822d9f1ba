import { dotAt, normalized } from './dot.js';
import { removeRows, rowFor, type RowIds } from './rows.js';
import { TopK } from './topk.js';
import { WasmRows, wasmSimdAvailable } from './wasm-dot.js';
import { IndexMismatchError, type PairedQuery, type SearchHit, type SearchIndex, type SearchOptions } from './types.js';

export interface VectorIndexOptions {
  model: string;
  dims: number;
  /** Rows allocated up front; grows by doubling. */
  initialCapacity?: number;
  /**
   * Dot-product kernel: 'wasm' (SIMD, dims divisible by 16), 'js' (unrolled loop), or 'auto' (wasm when
   * possible). Default 'auto'. Results are the same up to float rounding.
   */
  kernel?: 'auto' | 'wasm' | 'js';
}

/**
 * Exact top-k cosine search. Vectors are normalised on insert and kept in one contiguous Float32Array
 * (row-major); removal moves the last row into the hole. Model id and dims are fixed at creation.
 */
export class VectorIndex implements SearchIndex {
  readonly model: string;
  readonly dims: number;
  /** Counts upserts and removals (`SearchIndex.version`). */
  version = 0;
  private data: Float32Array;
  private capacity: number;
  private ids: string[] = [];
  private rowOf = new Map<string, number>();
  private readonly wasm: WasmRows | null;

  constructor(opts: VectorIndexOptions) {
    if (!Number.isInteger(opts.dims) || opts.dims <= 0) throw new RangeError(`dims must be a positive integer, got ${opts.dims}`);
    this.model = opts.model;
    this.dims = opts.dims;
    this.capacity = Math.max(1, opts.initialCapacity ?? 16);
    const kernel = opts.kernel ?? 'auto';
    const wasmOk = this.dims % 16 === 0 && wasmSimdAvailable();
    if (kernel === 'wasm' && !wasmOk) throw new RangeError('the wasm kernel needs WebAssembly SIMD and dims divisible by 16');
    this.wasm = kernel !== 'js' && wasmOk ? new WasmRows(this.dims, this.capacity) : null;
    this.data = this.wasm ? this.wasm.data : new Float32Array(this.capacity * this.dims);
  }

  get size(): number {
    return this.ids.length;
  }

  has(id: string): boolean {
    return this.rowOf.has(id);
  }

  /**
   * The stored row as a read-only VIEW (no copy: this is on every hot path). Do not write to it, and copy
   * it (`.slice()`) to keep it past the next upsert, which may move the storage.
   */
  vector(id: string): Float32Array | undefined {
    const r = this.rowOf.get(id);
    return r === undefined ? undefined : this.data.subarray(r * this.dims, (r + 1) * this.dims);
  }

  /** All ids, in storage order. */
  keys(): string[] {
    return this.ids.slice();
  }

  /**
   * Insert or replace. `model`, when given, must equal the index's model (vectors of two models are
   * never mixed); every vector must have `dims` entries.
   */
  upsert(ids: readonly string[], vectors: readonly ArrayLike<number>[], model?: string): void {
    this.version++;
    if (model !== undefined && model !== this.model) {
      throw new IndexMismatchError(`index holds ${this.model} vectors, refused ${model}`);
    }
    if (ids.length !== vectors.length) throw new RangeError(`${ids.length} ids but ${vectors.length} vectors`);
    for (const v of vectors) {
      if (v.length !== this.dims) throw new IndexMismatchError(`index has ${this.dims} dims, refused a vector of ${v.length}`);
    }
    let fresh = 0;
    for (const id of new Set(ids)) if (!this.rowOf.has(id)) fresh++;
    if (this.ids.length + fresh > this.capacity) this.grow(this.ids.length + fresh);
    for (let j = 0; j < ids.length; j++) this.data.set(normalized(vectors[j]), rowFor(this.table(), ids[j]) * this.dims);
  }

  /** The id <-> row maps, shared in place with rows.ts. */
  private table(): RowIds {
    return { ids: this.ids, rowOf: this.rowOf };
  }

  remove(ids: readonly string[]): number {
    this.version++;
    return removeRows(this.table(), ids, (from, to) => this.data.copyWithin(to * this.dims, from * this.dims, (from + 1) * this.dims));
  }

  search(query: ArrayLike<number>, k: number, opts: SearchOptions = {}): SearchHit[] {
    if (query.length !== this.dims) throw new IndexMismatchError(`query has ${query.length} dims, index ${this.dims}`);
    if (k <= 0 || this.ids.length === 0) return [];
    const q = normalized(query);
    const { exclude, allow } = opts;
    if (!allow && this.wasm) {
      this.wasm.query.set(q);
      return this.hits(this.wasm.dotAll(this.ids.length), k, exclude);
    }
    const heap = new TopK(k);
    const dims = this.dims;
    const data = this.data;
    if (allow) {
      for (const id of allow) {
        const r = this.rowOf.get(id);
        if (r === undefined || exclude?.has(id)) continue;
        heap.push(r, dotAt(data, r * dims, q, dims));
      }
    } else {
      const n = this.ids.length;
      const skip = this.excludedRows(exclude);
      for (let r = 0, off = 0; r < n; r++, off += dims) {
        if (skip !== null && skip[r] === 1) continue;
        const s = dotAt(data, off, q, dims);
        if (s > heap.threshold) heap.push(r, s);
      }
    }
    return heap.sorted().map((h) => ({ id: this.ids[h.row], score: h.score }));
  }

  /**
   * Two searches in one pass over the rows when both scan the whole index (the WebAssembly kernel, no
   * `allow`): the same hits as `search` twice, reading the rows once. Otherwise two plain searches.
   */
  searchPair(a: PairedQuery, b: PairedQuery): [SearchHit[], SearchHit[]] {
    const scans = this.wasm !== null && !a.opts?.allow && !b.opts?.allow && a.k > 0 && b.k > 0 && this.ids.length > 0;
    if (!scans || !this.wasm) return [this.search(a.query, a.k, a.opts), this.search(b.query, b.k, b.opts)];
    for (const { query } of [a, b]) if (query.length !== this.dims) throw new IndexMismatchError(`query has ${query.length} dims, index ${this.dims}`);
    this.wasm.query.set(normalized(a.query));
    this.wasm.query2.set(normalized(b.query));
    const [sa, sb] = this.wasm.dotAll2(this.ids.length);
    return [this.hits(sa, a.k, a.opts?.exclude), this.hits(sb, b.k, b.opts?.exclude)];
  }

  /** The best k rows of a whole-index scan's scores (excluded ids skipped), best first. */
  private hits(scores: Float32Array, k: number, exclude: Set<string> | undefined): SearchHit[] {
    const heap = new TopK(k);
    const skip = this.excludedRows(exclude);
    let floor = heap.threshold;
    for (let r = 0; r < scores.length; r++) {
      const s = scores[r];
      if (!(s > floor) || (skip !== null && skip[r] === 1)) continue;
      heap.push(r, s);
      floor = heap.threshold;
    }
    return heap.sorted().map((h) => ({ id: this.ids[h.row], score: h.score }));
  }

  dots(query: Float32Array, ids: readonly string[]): Float64Array {
    if (query.length !== this.dims) throw new IndexMismatchError(`query has ${query.length} dims, index ${this.dims}`);
    const out = new Float64Array(ids.length);
    if (this.wasm) this.wasm.query.set(query);
    for (let j = 0; j < ids.length; j++) {
      const r = this.rowOf.get(ids[j]);
      out[j] = r === undefined ? Number.NaN : this.wasm ? this.wasm.dotRow(r) : dotAt(this.data, r * this.dims, query, this.dims);
    }
    return out;
  }

  private excludedRows(exclude: Set<string> | undefined): Uint8Array | null {
    if (!exclude || exclude.size === 0) return null;
    const mask = new Uint8Array(this.ids.length);
    let any = false;
    for (const id of exclude) {
      const r = this.rowOf.get(id);
      if (r !== undefined) {
        mask[r] = 1;
        any = true;
      }
    }
    return any ? mask : null;
  }

  /** Doubles capacity until `needed` rows fit. */
  private grow(needed: number): void {
    while (this.capacity < needed) this.capacity *= 2;
    if (this.wasm) {
      this.wasm.resize(this.capacity, this.ids.length * this.dims);
      this.data = this.wasm.data;
    } else {
      const next = new Float32Array(this.capacity * this.dims);
      next.set(this.data.subarray(0, this.ids.length * this.dims));
      this.data = next;
    }
  }
}
