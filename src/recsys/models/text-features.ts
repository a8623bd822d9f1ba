import { choleskyInPlace, choleskySolveInPlace } from './linalg.js';

/** Item text vectors as a sparse row matrix (CSR) with a constant intercept column appended. */
export interface SparseRows {
  rows: number;
  cols: number;
  start: Int32Array;
  index: Int32Array;
  value: Float32Array;
}

/**
 * Builds rows for items 0..n-1 (`vectorOf(i)` may be undefined: the row then holds only the intercept).
 * Entries with |v| below `epsilon` are dropped. Column `dims` is the intercept (value `intercept`).
 */
export function buildSparseRows(
  n: number,
  dims: number,
  vectorOf: (i: number) => Float32Array | undefined,
  opts: { epsilon?: number; intercept?: number; maxPerRow?: number } = {},
): SparseRows {
  const eps = opts.epsilon ?? 1e-6;
  const intercept = opts.intercept ?? 1;
  const maxPerRow = opts.maxPerRow ?? dims;
  const order: number[] = [];
  const start = new Int32Array(n + 1);
  const idx: number[] = [];
  const val: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = vectorOf(i);
    if (v) {
      if (v.length !== dims) throw new RangeError(`item vector has ${v.length} dims, expected ${dims}`);
      // keep the row's `maxPerRow` largest entries (bounds the cost of long texts), in column order
      order.length = 0;
      for (let c = 0; c < dims; c++) if (Math.abs(v[c]) > eps) order.push(c);
      if (order.length > maxPerRow) {
        order.sort((a, b) => Math.abs(v[b]) - Math.abs(v[a]) || a - b);
        order.length = maxPerRow;
        order.sort((a, b) => a - b);
      }
      for (const c of order) {
        idx.push(c);
        val.push(v[c]);
      }
    }
    idx.push(dims);
    val.push(intercept);
    start[i + 1] = idx.length;
  }
  return { rows: n, cols: dims + 1, start, index: Int32Array.from(idx), value: Float32Array.from(val) };
}

/**
 * Weighted ridge regression Y ~ X B, solved repeatedly for new Y with the same X and weights:
 * B = (X^T C X + lambda I)^-1 X^T C Y. The Cholesky factor is computed once.
 */
export class RidgeSolver {
  private readonly chol: Float64Array;
  private readonly rhs: Float64Array;

  constructor(
    private readonly x: SparseRows,
    private readonly weights: Float64Array,
    lambda: number,
    private readonly m: number,
  ) {
    const d = x.cols;
    const a = new Float64Array(d * d);
    for (let i = 0; i < x.rows; i++) {
      const w = weights[i];
      if (w === 0) continue;
      for (let p = x.start[i]; p < x.start[i + 1]; p++) {
        const a1 = x.index[p];
        const v1 = x.value[p] * w;
        const row = a1 * d;
        for (let q = x.start[i]; q <= p; q++) a[row + x.index[q]] += v1 * x.value[q];
      }
    }
    for (let r = 0; r < d; r++) a[r * d + r] += lambda;
    // make sure the lower triangle holds the sums whatever the column order inside rows
    for (let r = 0; r < d; r++) {
      for (let c = r + 1; c < d; c++) {
        if (a[r * d + c] !== 0) {
          a[c * d + r] += a[r * d + c];
          a[r * d + c] = 0;
        }
      }
    }
    choleskyInPlace(a, d);
    this.chol = a;
    this.rhs = new Float64Array(d * m);
  }

  /** Fits B (cols x m) to targets Y (rows x m, `y(i, out)` writes row i into out) and writes X B into `pred`. */
  fitPredict(y: (i: number, out: Float64Array) => void, pred: Float64Array): void {
    const { x, m, rhs } = this;
    rhs.fill(0);
    const row = new Float64Array(m);
    for (let i = 0; i < x.rows; i++) {
      const w = this.weights[i];
      if (w === 0) continue;
      y(i, row);
      for (let p = x.start[i]; p < x.start[i + 1]; p++) {
        const base = x.index[p] * m;
        const v = x.value[p] * w;
        for (let c = 0; c < m; c++) rhs[base + c] += v * row[c];
      }
    }
    choleskySolveInPlace(this.chol, x.cols, rhs, m);
    pred.fill(0);
    for (let i = 0; i < x.rows; i++) {
      const out = i * m;
      for (let p = x.start[i]; p < x.start[i + 1]; p++) {
        const base = x.index[p] * m;
        const v = x.value[p];
        for (let c = 0; c < m; c++) pred[out + c] += v * rhs[base + c];
      }
    }
  }
}
