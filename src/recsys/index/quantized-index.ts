import { dotAt, dotAtI8, normalized } from './dot.js';
import { TopK } from './topk.js';
import { IndexMismatchError, type SearchHit, type SearchOptions } from './types.js';
import { VectorIndex, type VectorIndexOptions } from './vector-index.js';

export interface QuantizedIndexOptions extends VectorIndexOptions {
  /** Candidates re-scored in float per result wanted (at least `minRescore`). Default 4. */
  rescoreFactor?: number;
  minRescore?: number;
}

function quantize(src: Float32Array, srcOff: number, dims: number, dst: Int8Array, dstOff: number): number {
  let max = 0;
  for (let i = 0; i < dims; i++) max = Math.max(max, Math.abs(src[srcOff + i]));
  const scale = max > 0 ? 127 / max : 0;
  for (let i = 0; i < dims; i++) dst[dstOff + i] = Math.round(src[srcOff + i] * scale);
  return max > 0 ? max / 127 : 0;
}

/**
 * Int8 variant: a first pass over per-row symmetric Int8 codes (a quarter of the bytes), then the best
 * `k * rescoreFactor` candidates re-scored exactly in float. Keeps the float rows too (1.25x memory).
 */
export class QuantizedIndex extends VectorIndex {
  private codes: Int8Array;
  private scales: Float32Array;
  private readonly rescoreFactor: number;
  private readonly minRescore: number;

  constructor(opts: QuantizedIndexOptions) {
    super(opts);
    this.codes = new Int8Array(this.capacity * this.dims);
    this.scales = new Float32Array(this.capacity);
    this.rescoreFactor = opts.rescoreFactor ?? 4;
    this.minRescore = opts.minRescore ?? 40;
  }

  protected override rowWritten(row: number): void {
    this.scales[row] = quantize(this.data, row * this.dims, this.dims, this.codes, row * this.dims);
  }

  protected override rowMoved(from: number, to: number): void {
    this.codes.copyWithin(to * this.dims, from * this.dims, (from + 1) * this.dims);
    this.scales[to] = this.scales[from];
  }

  protected override grown(): void {
    const codes = new Int8Array(this.capacity * this.dims);
    codes.set(this.codes.subarray(0, Math.min(this.codes.length, codes.length)));
    this.codes = codes;
    const scales = new Float32Array(this.capacity);
    scales.set(this.scales.subarray(0, Math.min(this.scales.length, scales.length)));
    this.scales = scales;
  }

  override search(query: ArrayLike<number>, k: number, opts: SearchOptions = {}): SearchHit[] {
    if (opts.allow) return super.search(query, k, opts); // small sets: exact is cheaper
    if (query.length !== this.dims) throw new IndexMismatchError(`query has ${query.length} dims, index ${this.dims}`);
    if (k <= 0 || this.ids.length === 0) return [];
    const q = normalized(query);
    const qc = new Int8Array(this.dims);
    quantize(q, 0, this.dims, qc, 0);
    const first = new TopK(Math.max(this.minRescore, k * this.rescoreFactor));
    const exclude = opts.exclude && opts.exclude.size > 0 ? opts.exclude : null;
    const dims = this.dims;
    const n = this.ids.length;
    const codes = this.codes;
    const scales = this.scales;
    for (let r = 0, off = 0; r < n; r++, off += dims) {
      const s = dotAtI8(codes, off, qc, dims) * scales[r];
      if (s > first.threshold) {
        if (exclude !== null && exclude.has(this.ids[r])) continue;
        first.push(r, s);
      }
    }
    const final = new TopK(k);
    for (const c of first.sorted()) final.push(c.row, dotAt(this.data, c.row * dims, q, dims));
    return final.sorted().map((h) => ({ id: this.ids[h.row], score: h.score }));
  }
}
