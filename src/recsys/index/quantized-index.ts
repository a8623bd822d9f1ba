import { normalized } from './dot.js';
import { removeRows, rowFor } from './rows.js';
import { halfTable, toHalf } from './half.js';
import { TopK } from './topk.js';
import { IndexMismatchError, type SearchHit, type SearchIndex, type SearchOptions } from './types.js';
import { WasmHalfRows } from './wasm-half.js';

export type Precision = 'float16' | 'int8';

export interface QuantizedIndexOptions {
  model: string;
  dims: number;
  precision: Precision;
  initialCapacity?: number;
  /** float16 only: 'auto' (default) scans with WebAssembly SIMD when dims are a multiple of 8, 'js' never. */
  kernel?: 'auto' | 'js';
}

/**
 * Exact top-k cosine search over vectors kept at reduced precision, for catalogs too big to hold as float32:
 * float16 (2 bytes a dimension; halves in a Uint16Array, read through a table) or int8 (1 byte a dimension
 * plus one float32 scale a row: each normalised row is scaled so its largest component is 127). Queries stay
 * float32; float16 rows are scanned by a WebAssembly SIMD kernel (wasm-half.ts) where available. Same contract as VectorIndex (normalised on insert, removal moves the last row into the hole),
 * except that `vector(id)` returns a fresh float32 COPY of the stored row, not a view.
 * `npm run bench -- memory` measures bytes per item and recall@10 of both against float32.
 */
export class QuantizedIndex implements SearchIndex {
  readonly model: string;
  readonly dims: number;
  readonly precision: Precision;
  private capacity: number;
  private rows: Int8Array | Uint16Array;
  private scales: Float32Array;
  private ids: string[] = [];
  private rowOf = new Map<string, number>();
  private readonly wasm: WasmHalfRows | null;

  constructor(o: QuantizedIndexOptions) {
    if (!Number.isInteger(o.dims) || o.dims <= 0) throw new RangeError(`dims must be a positive integer, got ${o.dims}`);
    this.model = o.model;
    this.dims = o.dims;
    this.precision = o.precision;
    this.capacity = Math.max(1, o.initialCapacity ?? 16);
    this.wasm = o.precision === 'float16' && o.kernel !== 'js' && WasmHalfRows.available(o.dims) ? new WasmHalfRows(o.dims, this.capacity) : null;
    this.rows = this.wasm ? this.wasm.data : this.alloc(this.capacity);
    this.scales = new Float32Array(this.precision === 'int8' ? this.capacity : 0);
  }

  get size(): number {
    return this.ids.length;
  }

  has(id: string): boolean {
    return this.rowOf.has(id);
  }

  keys(): string[] {
    return this.ids.slice();
  }

  /** The stored row, decoded to float32 (a copy: it is not kept in that form). */
  vector(id: string): Float32Array | undefined {
    const r = this.rowOf.get(id);
    if (r === undefined) return undefined;
    const out = new Float32Array(this.dims);
    const off = r * this.dims;
    if (this.rows instanceof Int8Array) {
      const s = this.scales[r];
      for (let i = 0; i < this.dims; i++) out[i] = this.rows[off + i] * s;
    } else {
      const t = halfTable();
      for (let i = 0; i < this.dims; i++) out[i] = t[this.rows[off + i]];
    }
    return out;
  }

  upsert(ids: readonly string[], vectors: readonly ArrayLike<number>[], model?: string): void {
    if (model !== undefined && model !== this.model) throw new IndexMismatchError(`index holds ${this.model} vectors, refused ${model}`);
    if (ids.length !== vectors.length) throw new RangeError(`${ids.length} ids but ${vectors.length} vectors`);
    for (const v of vectors) if (v.length !== this.dims) throw new IndexMismatchError(`index has ${this.dims} dims, refused a vector of ${v.length}`);
    let fresh = 0;
    for (const id of new Set(ids)) if (!this.rowOf.has(id)) fresh++;
    if (this.ids.length + fresh > this.capacity) this.grow(this.ids.length + fresh);
    for (let j = 0; j < ids.length; j++) this.store(rowFor({ ids: this.ids, rowOf: this.rowOf }, ids[j]), normalized(vectors[j]));
  }

  remove(ids: readonly string[]): number {
    return removeRows({ ids: this.ids, rowOf: this.rowOf }, ids, (from, to) => {
      this.rows.copyWithin(to * this.dims, from * this.dims, (from + 1) * this.dims);
      if (this.scales.length) this.scales[to] = this.scales[from];
    });
  }

  search(query: ArrayLike<number>, k: number, opts: SearchOptions = {}): SearchHit[] {
    if (query.length !== this.dims) throw new IndexMismatchError(`query has ${query.length} dims, index ${this.dims}`);
    if (k <= 0 || this.ids.length === 0) return [];
    const q = normalized(query);
    this.wasm?.query.set(q);
    const heap = new TopK(k);
    const { exclude, allow } = opts;
    const rows: Iterable<number> = allow
      ? [...allow].flatMap((id) => {
          const r = this.rowOf.get(id);
          return r === undefined || exclude?.has(id) ? [] : [r];
        })
      : this.allRows(exclude);
    for (const r of rows) {
      const s = this.dot(r, q);
      if (s > heap.threshold) heap.push(r, s);
    }
    return heap.sorted().map((h) => ({ id: this.ids[h.row], score: h.score }));
  }

  private *allRows(exclude: Set<string> | undefined): Generator<number> {
    const skip = exclude && exclude.size ? new Set([...exclude].map((id) => this.rowOf.get(id))) : undefined;
    for (let r = 0; r < this.ids.length; r++) if (!skip?.has(r)) yield r;
  }

  /** Dot product of row `r` with the (normalised, float32) query, four accumulators as in dot.ts. */
  private dot(r: number, q: Float32Array): number {
    if (this.wasm) return this.wasm.dotRow(r); // the query is already in its memory
    const dims = this.dims;
    const off = r * dims;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let i = 0;
    const end4 = dims - (dims & 3);
    if (this.rows instanceof Int8Array) {
      const d = this.rows;
      for (; i < end4; i += 4) {
        s0 += d[off + i] * q[i];
        s1 += d[off + i + 1] * q[i + 1];
        s2 += d[off + i + 2] * q[i + 2];
        s3 += d[off + i + 3] * q[i + 3];
      }
      for (; i < dims; i++) s0 += d[off + i] * q[i];
      return (s0 + s1 + s2 + s3) * this.scales[r];
    }
    const d = this.rows;
    const t = halfTable();
    for (; i < end4; i += 4) {
      s0 += t[d[off + i]] * q[i];
      s1 += t[d[off + i + 1]] * q[i + 1];
      s2 += t[d[off + i + 2]] * q[i + 2];
      s3 += t[d[off + i + 3]] * q[i + 3];
    }
    for (; i < dims; i++) s0 += t[d[off + i]] * q[i];
    return s0 + s1 + s2 + s3;
  }

  private store(r: number, v: Float32Array): void {
    const off = r * this.dims;
    if (this.rows instanceof Int8Array) {
      let max = 0;
      for (let i = 0; i < v.length; i++) max = Math.max(max, Math.abs(v[i]));
      const inv = max > 0 ? 127 / max : 0;
      for (let i = 0; i < v.length; i++) this.rows[off + i] = Math.round(v[i] * inv);
      this.scales[r] = max > 0 ? max / 127 : 0;
    } else {
      for (let i = 0; i < v.length; i++) this.rows[off + i] = toHalf(v[i]);
    }
  }

  private alloc(rows: number): Int8Array | Uint16Array {
    return this.precision === 'int8' ? new Int8Array(rows * this.dims) : new Uint16Array(rows * this.dims);
  }

  private grow(needed: number): void {
    while (this.capacity < needed) this.capacity *= 2;
    if (this.wasm) {
      this.wasm.resize(this.capacity, this.ids.length * this.dims);
      this.rows = this.wasm.data;
    } else {
      const next = this.alloc(this.capacity);
      next.set(this.rows.subarray(0, this.ids.length * this.dims));
      this.rows = next;
    }
    if (this.scales.length) {
      const s = new Float32Array(this.capacity);
      s.set(this.scales.subarray(0, this.ids.length));
      this.scales = s;
    }
  }
}
