/**
 * Truncated SVD of a sparse matrix by randomized range finding (Halko, Martinsson & Tropp 2011), in typed
 * arrays: the top `rank` right singular vectors and singular values of an n x m matrix given as CSR rows.
 * Deterministic (seeded Gaussian test matrix). Cost: (2 + 2 * powerIterations) sparse products with
 * rank + oversample columns, a Gram-Schmidt of n x l, and a Jacobi eigen-solve of l x l.
 */
import { mulberry32 } from '../../src/recsys/models/rng.js';

/** Rows of a sparse matrix: row r holds `cols[rowStart[r]..rowStart[r+1])` with `values` alike. */
export interface CsrMatrix {
  rows: number;
  cols: number;
  rowStart: Uint32Array;
  colIndex: Uint32Array;
  values: Float32Array;
}

export interface TruncatedSvd {
  rank: number;
  /** Singular values, largest first. */
  sigma: Float64Array;
  /** Right singular vectors, column-major by term: v[col * rank + j] is component j of column `col`. */
  v: Float32Array;
}

export interface SvdOptions {
  rank: number;
  oversample?: number;
  powerIterations?: number;
  seed?: number;
}

/** out (rows x l, row-major) = A * X, X (cols x l, row-major). */
function times(a: CsrMatrix, x: Float64Array, l: number): Float64Array {
  const out = new Float64Array(a.rows * l);
  for (let r = 0; r < a.rows; r++) {
    const o = r * l;
    for (let p = a.rowStart[r]; p < a.rowStart[r + 1]; p++) {
      const w = a.values[p];
      const xo = a.colIndex[p] * l;
      for (let j = 0; j < l; j++) out[o + j] += w * x[xo + j];
    }
  }
  return out;
}

/** out (cols x l, row-major) = A^T * Y, Y (rows x l, row-major). */
function timesTransposed(a: CsrMatrix, y: Float64Array, l: number): Float64Array {
  const out = new Float64Array(a.cols * l);
  for (let r = 0; r < a.rows; r++) {
    const yo = r * l;
    for (let p = a.rowStart[r]; p < a.rowStart[r + 1]; p++) {
      const w = a.values[p];
      const o = a.colIndex[p] * l;
      for (let j = 0; j < l; j++) out[o + j] += w * y[yo + j];
    }
  }
  return out;
}

/**
 * Orthonormalises the l columns of Y (n x l, row-major) in place: Cholesky QR, twice (CholeskyQR2), with a
 * tiny ridge so that a rank-deficient Y gives zero columns instead of failing. Row-wise passes only.
 */
function orthonormalise(y: Float64Array, n: number, l: number, passes = 2): void {
  for (let pass = 0; pass < passes; pass++) {
    const g = new Float64Array(l * l);
    for (let r = 0; r < n; r++) {
      const o = r * l;
      for (let i = 0; i < l; i++) {
        const yi = y[o + i];
        if (yi === 0) continue;
        for (let j = i; j < l; j++) g[i * l + j] += yi * y[o + j];
      }
    }
    let trace = 0;
    for (let i = 0; i < l; i++) trace += g[i * l + i];
    const ridge = 1e-12 * (trace / l || 1);
    // upper Cholesky factor R (G = R^T R), stored in g's upper triangle
    const keep = new Uint8Array(l);
    for (let i = 0; i < l; i++) {
      let d = g[i * l + i] + ridge;
      for (let k = 0; k < i; k++) d -= g[k * l + i] ** 2;
      if (d <= ridge * 10) {
        for (let j = i; j < l; j++) g[i * l + j] = 0;
        continue;
      }
      keep[i] = 1;
      const rii = Math.sqrt(d);
      g[i * l + i] = rii;
      for (let j = i + 1; j < l; j++) {
        let s = g[i * l + j];
        for (let k = 0; k < i; k++) s -= g[k * l + i] * g[k * l + j];
        g[i * l + j] = s / rii;
      }
    }
    // R^-1 (upper triangular; dropped columns stay zero), then Y <- Y R^-1 row by row with contiguous reads
    const inv = new Float64Array(l * l);
    for (let j = l - 1; j >= 0; j--) {
      if (!keep[j]) continue;
      inv[j * l + j] = 1 / g[j * l + j];
      for (let c = j + 1; c < l; c++) {
        let s = 0;
        for (let k = j + 1; k <= c; k++) s += g[j * l + k] * inv[k * l + c];
        inv[j * l + c] = -s / g[j * l + j];
      }
    }
    const row = new Float64Array(l);
    for (let r = 0; r < n; r++) {
      const o = r * l;
      row.fill(0);
      for (let k = 0; k < l; k++) {
        const yk = y[o + k];
        if (yk === 0) continue;
        const ko = k * l;
        for (let j = k; j < l; j++) row[j] += yk * inv[ko + j];
      }
      y.set(row, o);
    }
  }
}

/** Eigen-decomposition of the symmetric l x l matrix `s` (row-major) by cyclic Jacobi: values, vectors as columns. */
function symmetricEigen(s: Float64Array, l: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(s);
  const v = new Float64Array(l * l);
  for (let i = 0; i < l; i++) v[i * l + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    let diag = 0;
    for (let p = 0; p < l; p++) {
      diag += a[p * l + p] ** 2;
      for (let q = p + 1; q < l; q++) off += a[p * l + q] ** 2;
    }
    if (off <= 1e-24 * diag || off < 1e-300) break;
    for (let p = 0; p < l; p++) {
      for (let q = p + 1; q < l; q++) {
        const apq = a[p * l + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * l + q] - a[p * l + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const sn = t * c;
        for (let k = 0; k < l; k++) {
          const akp = a[k * l + p];
          const akq = a[k * l + q];
          a[k * l + p] = c * akp - sn * akq;
          a[k * l + q] = sn * akp + c * akq;
        }
        for (let k = 0; k < l; k++) {
          const apk = a[p * l + k];
          const aqk = a[q * l + k];
          a[p * l + k] = c * apk - sn * aqk;
          a[q * l + k] = sn * apk + c * aqk;
        }
        for (let k = 0; k < l; k++) {
          const vkp = v[k * l + p];
          const vkq = v[k * l + q];
          v[k * l + p] = c * vkp - sn * vkq;
          v[k * l + q] = sn * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(l);
  for (let i = 0; i < l; i++) values[i] = a[i * l + i];
  return { values, vectors: v };
}

/** The top `rank` singular values and right singular vectors of `a` (fewer when the matrix is smaller). */
export function truncatedSvd(a: CsrMatrix, o: SvdOptions): TruncatedSvd {
  const rank = Math.max(0, Math.min(o.rank, a.rows, a.cols));
  const l = Math.min(rank + (o.oversample ?? 10), a.rows, a.cols);
  if (rank === 0 || l === 0) return { rank: 0, sigma: new Float64Array(0), v: new Float32Array(0) };
  const rnd = mulberry32(o.seed ?? 0x5eed);
  const omega = new Float64Array(a.cols * l);
  for (let i = 0; i < omega.length; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - rnd()));
    const t = 2 * Math.PI * rnd();
    omega[i] = r * Math.cos(t);
    if (i + 1 < omega.length) omega[i + 1] = r * Math.sin(t);
  }
  let y = times(a, omega, l);
  orthonormalise(y, a.rows, l, (o.powerIterations ?? 2) > 0 ? 1 : 2);
  for (let it = 0; it < (o.powerIterations ?? 2); it++) {
    const z = timesTransposed(a, y, l);
    orthonormalise(z, a.cols, l, 1);
    y = times(a, z, l);
    orthonormalise(y, a.rows, l, it === (o.powerIterations ?? 2) - 1 ? 2 : 1);
  }
  // B^T = A^T Q (cols x l); B B^T = (A^T Q)^T (A^T Q) (l x l) = U_b S^2 U_b^T; V = B^T U_b S^-1
  const bt = timesTransposed(a, y, l);
  const gram = new Float64Array(l * l);
  for (let c = 0; c < a.cols; c++) {
    const o2 = c * l;
    for (let i = 0; i < l; i++) {
      const bi = bt[o2 + i];
      if (bi === 0) continue;
      for (let j = i; j < l; j++) gram[i * l + j] += bi * bt[o2 + j];
    }
  }
  for (let i = 0; i < l; i++) for (let j = 0; j < i; j++) gram[i * l + j] = gram[j * l + i];
  const { values, vectors } = symmetricEigen(gram, l);
  const order = [...values.keys()].sort((p, q) => values[q] - values[p]).slice(0, rank);
  const sigma = Float64Array.from(order, (i) => Math.sqrt(Math.max(values[i], 0)));
  const v = new Float32Array(a.cols * rank);
  for (let c = 0; c < a.cols; c++) {
    const o2 = c * l;
    for (let j = 0; j < rank; j++) {
      const e = order[j];
      if (sigma[j] <= 0) continue;
      let s = 0;
      for (let i = 0; i < l; i++) s += bt[o2 + i] * vectors[i * l + e];
      v[c * rank + j] = s / sigma[j];
    }
  }
  return { rank, sigma, v };
}
