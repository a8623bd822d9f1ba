/** Small dense linear algebra for ridge regressions (row-major Float64Array). */

/** In-place Cholesky of a symmetric positive-definite n x n matrix: lower factor L in the lower triangle. */
export function choleskyInPlace(a: Float64Array, n: number): void {
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j];
    for (let k = 0; k < j; k++) d -= a[j * n + k] * a[j * n + k];
    if (d <= 0) throw new RangeError('matrix is not positive definite');
    const ljj = Math.sqrt(d);
    a[j * n + j] = ljj;
    const rj = j * n;
    let i = j + 1;
    // four rows at a time: independent sums the CPU overlaps, each subtracting in the same order as alone
    for (; i + 3 < n; i += 4) {
      const r0 = i * n;
      const r1 = r0 + n;
      const r2 = r1 + n;
      const r3 = r2 + n;
      let s0 = a[r0 + j];
      let s1 = a[r1 + j];
      let s2 = a[r2 + j];
      let s3 = a[r3 + j];
      for (let k = 0; k < j; k++) {
        const l = a[rj + k];
        s0 -= a[r0 + k] * l;
        s1 -= a[r1 + k] * l;
        s2 -= a[r2 + k] * l;
        s3 -= a[r3 + k] * l;
      }
      a[r0 + j] = s0 / ljj;
      a[r1 + j] = s1 / ljj;
      a[r2 + j] = s2 / ljj;
      a[r3 + j] = s3 / ljj;
    }
    for (; i < n; i++) {
      let s = a[i * n + j];
      const ri = i * n;
      for (let k = 0; k < j; k++) s -= a[ri + k] * a[rj + k];
      a[i * n + j] = s / ljj;
    }
  }
}

/** Solves L L^T X = B for the m columns of B (n x m, row-major), in place. */
export function choleskySolveInPlace(l: Float64Array, n: number, b: Float64Array, m: number): void {
  // forward: L Y = B
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let k = 0; k < i; k++) {
      const lik = l[ri + k];
      if (lik === 0) continue;
      for (let c = 0; c < m; c++) b[i * m + c] -= lik * b[k * m + c];
    }
    const inv = 1 / l[ri + i];
    for (let c = 0; c < m; c++) b[i * m + c] *= inv;
  }
  // backward: L^T X = Y
  for (let i = n - 1; i >= 0; i--) {
    for (let k = i + 1; k < n; k++) {
      const lki = l[k * n + i];
      if (lki === 0) continue;
      for (let c = 0; c < m; c++) b[i * m + c] -= lki * b[k * m + c];
    }
    const inv = 1 / l[i * n + i];
    for (let c = 0; c < m; c++) b[i * m + c] *= inv;
  }
}
