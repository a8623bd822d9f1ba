/** Weighted item -> item edges, accumulated row by row then frozen into CSR for fast scoring. */
export class ItemGraphBuilder {
  private readonly rows: Array<Map<number, number> | undefined>;
  constructor(readonly size: number) {
    this.rows = new Array(size);
  }
  add(from: number, to: number, w: number): void {
    let row = this.rows[from];
    if (!row) this.rows[from] = row = new Map();
    row.set(to, (row.get(to) ?? 0) + w);
  }
  freeze(): ItemGraph {
    const start = new Int32Array(this.size + 1);
    for (let i = 0; i < this.size; i++) start[i + 1] = start[i] + (this.rows[i]?.size ?? 0);
    const col = new Int32Array(start[this.size]);
    const val = new Float32Array(start[this.size]);
    const rowSum = new Float64Array(this.size);
    for (let i = 0; i < this.size; i++) {
      const row = this.rows[i];
      if (!row) continue;
      let p = start[i];
      for (const [c, v] of row) {
        col[p] = c;
        val[p++] = v;
        rowSum[i] += v;
      }
    }
    return { size: this.size, start, col, val, rowSum };
  }
}

export interface ItemGraph {
  size: number;
  start: Int32Array;
  col: Int32Array;
  val: Float32Array;
  rowSum: Float64Array;
}

/** out[c] += scale * val(from, c) * colWeight[c] for every edge of `from`. */
export function addRow(g: ItemGraph, from: number, scale: number, out: Float64Array, colWeight?: Float64Array): void {
  for (let p = g.start[from]; p < g.start[from + 1]; p++) {
    const c = g.col[p];
    out[c] += scale * g.val[p] * (colWeight ? colWeight[c] : 1);
  }
}
