/**
 * The member fold-in (closed-form ridge against the prior's item factors) gives exactly the numbers of the plain
 * computation: one rating's outer product added at a time, and a textbook Cholesky factorisation (then the same solve).
 */
import { describe, expect, it } from 'vitest';
import { choleskyInPlace, choleskySolveInPlace } from '../../../src/recsys/models/linalg.js';
import { foldIn, type PriorFactors } from '../../../src/recsys/models/prior-fold.js';
import { mulberry32 } from '../../../src/recsys/models/rng.js';

function plainCholesky(a: Float64Array, n: number): void {
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j];
    for (let k = 0; k < j; k++) d -= a[j * n + k] * a[j * n + k];
    const ljj = Math.sqrt(d);
    a[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= a[i * n + k] * a[j * n + k];
      a[i * n + j] = s / ljj;
    }
  }
}

function plainFoldIn(prior: PriorFactors, ratings: { item: string; value: number }[], lf: number, lb: number): { bu: number; p: number[] } {
  const k = prior.factors;
  const m = k + 1;
  const A = new Float64Array(m * m);
  const b = new Float64Array(m);
  for (const r of ratings) {
    const i = prior.index.get(r.item);
    if (i === undefined) continue;
    const phi = [1, ...Array.from({ length: k }, (_, f) => prior.Q[i * k + f])];
    const y = r.value - prior.mu - prior.bias[i];
    for (let x = 0; x < m; x++) {
      b[x] += phi[x] * y;
      for (let z = 0; z <= x; z++) A[x * m + z] += phi[x] * phi[z];
    }
  }
  for (let x = 0; x < m; x++) for (let z = x + 1; z < m; z++) A[x * m + z] = A[z * m + x];
  A[0] += lb;
  for (let x = 1; x < m; x++) A[x * m + x] += lf;
  plainCholesky(A, m);
  choleskySolveInPlace(A, m, b, 1);
  return { bu: b[0], p: Array.from(b.subarray(1)) };
}

function prior(items: number, factors: number): PriorFactors {
  const rng = mulberry32(9);
  const ids = Array.from({ length: items }, (_, i) => `ml-${i}`);
  return {
    mu: 3.5,
    factors,
    index: new Map(ids.map((id, i) => [id, i])),
    bias: Float32Array.from({ length: items }, () => rng() - 0.5),
    Q: Float32Array.from({ length: items * factors }, () => (rng() < 0.1 ? 0 : rng() - 0.5)),
  };
}

describe('foldIn', () => {
  it('GIVEN members with 1 to 40 ratings (some of unknown items) THEN their bias and factors equal the plain computation bit for bit', () => {
    const p = prior(300, 16);
    const rng = mulberry32(4);
    for (let u = 1; u <= 40; u++) {
      const ratings = Array.from({ length: u }, () => ({ item: `ml-${Math.floor(rng() * 320)}`, value: Math.ceil(rng() * 10) / 2 }));
      const got = foldIn(p, ratings, { lambdaFactors: 5, lambdaBias: 15 });
      const want = plainFoldIn(p, ratings, 5, 15);
      expect(got.bu).toBe(want.bu);
      expect(Array.from(got.p)).toEqual(want.p);
    }
  });

  it('GIVEN a symmetric positive-definite matrix THEN the Cholesky factor equals the textbook loop bit for bit', () => {
    const rng = mulberry32(2);
    for (const n of [1, 3, 4, 5, 9, 17]) {
      const a = new Float64Array(n * n);
      for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) a[i * n + j] = a[j * n + i] = (i === j ? n : 0) + rng() - 0.5;
      const want = a.slice();
      plainCholesky(want, n);
      choleskyInPlace(a, n);
      for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) expect(a[i * n + j]).toBe(want[i * n + j]);
    }
  });
});
