import { choleskyInPlace, choleskySolveInPlace } from './linalg.js';
import { clipRating } from './types.js';

/** What folding a member in needs from a prior: its item factors and biases. */
export interface PriorFactors {
  mu: number;
  factors: number;
  index: ReadonlyMap<string, number>;
  bias: ArrayLike<number>;
  Q: ArrayLike<number>;
}

export interface FoldInOptions {
  /** Ridge penalty of the member's factors and of their bias (per member, not per rating). */
  lambdaFactors?: number;
  lambdaBias?: number;
  /** Per-item offsets added to the prior's bias (e.g. the server's own residuals), by prior index. */
  itemOffset?: ArrayLike<number>;
}

/** Tuned for RMSE with the cold-server protocol on ml-latest-small (seed 7; see PRIOR_MODEL_DEFAULTS). */
export const FOLD_IN_DEFAULTS: Required<Omit<FoldInOptions, 'itemOffset'>> = { lambdaFactors: 5, lambdaBias: 15 };

/** A member folded into the prior: r(i) = mu + b_i + b_u + p . q_i, with the item side fixed. */
export interface FoldedMember {
  bu: number;
  p: Float64Array;
  /** Ratings that matched a prior item. */
  used: number;
}

/**
 * Closed-form ridge regression of a member's bias and factors on the prior's fixed item factors:
 * minimise sum (r - mu - b_i - b_u - p.q_i)^2 + lambdaBias b_u^2 + lambdaFactors |p|^2 over the member's
 * ratings of prior items. With no such rating the member is the average one (b_u = 0, p = 0).
 */
export function foldIn(prior: PriorFactors, ratings: Iterable<{ item: string; value: number }>, opts: FoldInOptions = {}): FoldedMember {
  const lf = opts.lambdaFactors ?? FOLD_IN_DEFAULTS.lambdaFactors;
  const lb = opts.lambdaBias ?? FOLD_IN_DEFAULTS.lambdaBias;
  const k = prior.factors;
  const m = k + 1;
  const offset = opts.itemOffset;
  // the member's rated prior items (their factor rows) and targets, in rating order
  const rows: number[] = [];
  const ys: number[] = [];
  for (const r of ratings) {
    const i = prior.index.get(r.item);
    if (i === undefined) continue;
    rows.push(i);
    ys.push(r.value - prior.mu - prior.bias[i] - (offset ? offset[i] : 0));
  }
  const used = rows.length;
  if (used === 0) return { bu: 0, p: new Float64Array(k), used };
  const { A, b } = normalEquations(prior.Q, k, rows, ys);
  for (let x = 0; x < m; x++) for (let z = x + 1; z < m; z++) A[x * m + z] = A[z * m + x];
  A[0] += lb;
  for (let x = 1; x < m; x++) A[x * m + x] += lf;
  choleskyInPlace(A, m);
  choleskySolveInPlace(A, m, b, 1);
  return { bu: b[0], p: b.subarray(1), used };
}

/**
 * A = sum over ratings t of phi_t phi_t^T (lower triangle) and b = sum of phi_t y_t, with phi_t = (1, q_t):
 * each entry summed over t in rating order from 0, so exactly the sums of adding one rating's outer product
 * at a time, but four entries at once (independent sums the CPU overlaps) over phi stored feature-major.
 */
function normalEquations(Q: ArrayLike<number>, k: number, rows: readonly number[], ys: readonly number[]): { A: Float64Array; b: Float64Array } {
  const m = k + 1;
  const n = rows.length;
  const phi = new Float64Array(m * n);
  for (let t = 0; t < n; t++) {
    phi[t] = 1;
    for (let f = 0, o = rows[t] * k; f < k; f++) phi[(f + 1) * n + t] = Q[o + f];
  }
  const A = new Float64Array(m * m);
  const b = new Float64Array(m);
  for (let x = 0; x < m; x++) {
    const ox = x * n;
    let bx = 0;
    for (let t = 0; t < n; t++) bx += phi[ox + t] * ys[t];
    b[x] = bx;
    let z = 0;
    for (; z + 3 <= x; z += 4) {
      const o0 = z * n;
      const o1 = o0 + n;
      const o2 = o1 + n;
      const o3 = o2 + n;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let t = 0; t < n; t++) {
        const px = phi[ox + t];
        s0 += px * phi[o0 + t];
        s1 += px * phi[o1 + t];
        s2 += px * phi[o2 + t];
        s3 += px * phi[o3 + t];
      }
      A[x * m + z] = s0;
      A[x * m + z + 1] = s1;
      A[x * m + z + 2] = s2;
      A[x * m + z + 3] = s3;
    }
    for (; z <= x; z++) {
      const oz = z * n;
      let s = 0;
      for (let t = 0; t < n; t++) s += phi[ox + t] * phi[oz + t];
      A[x * m + z] = s;
    }
  }
  return { A, b };
}

/** The folded member's predicted rating of prior item index `i` (unclipped, without b_u when `noBias`). */
export function foldedScore(prior: PriorFactors, u: FoldedMember, i: number, itemOffset?: ArrayLike<number>, noBias = false): number {
  const k = prior.factors;
  let s = prior.mu + prior.bias[i] + (itemOffset ? itemOffset[i] : 0) + (noBias ? 0 : u.bu);
  for (let f = 0; f < k; f++) s += u.p[f] * prior.Q[i * k + f];
  return s;
}

/** Predicted rating of any item: unknown items get mu + b_u. Clipped to the rating scale. */
export function foldedPredict(prior: PriorFactors, u: FoldedMember, item: string, itemOffset?: ArrayLike<number>): number {
  const i = prior.index.get(item);
  return clipRating(i === undefined ? prior.mu + u.bu : foldedScore(prior, u, i, itemOffset));
}

/**
 * Bayesian average of an item's ratings: (sum + m mu) / (n + m), the mean shrunk to the global mean `mu`
 * as if `m` more ratings at the mean had been given (m = the prior count; the default 10 is about the mean
 * number of ratings per item of ml-latest-small).
 */
export function bayesianAverage(sum: number, n: number, mu: number, m = 10): number {
  return (sum + m * mu) / (n + m);
}

/**
 * How much a server's own statistics weigh against the prior's, for something the server has seen `n`
 * times: n / (n + tau). 0 with nothing of its own, 1/2 at n = tau, towards 1 as the server grows.
 */
export function blendWeight(n: number, tau: number): number {
  if (n <= 0) return 0;
  if (tau <= 0) return 1;
  return n / (n + tau);
}

/** An item's factor vector in the prior, unit length (a collaborative "what kind of film" for similarity), if the prior has it. */
export function priorItemVector(prior: { index: Map<string, number>; factors: number; Q: Float32Array }, item: string): Float32Array | undefined {
  const i = prior.index.get(item);
  if (i === undefined) return undefined;
  const v = prior.Q.slice(i * prior.factors, (i + 1) * prior.factors);
  let n = 0;
  for (const x of v) n += x * x;
  if (n === 0) return undefined;
  const s = 1 / Math.sqrt(n);
  for (let f = 0; f < v.length; f++) v[f] *= s;
  return v;
}

/**
 * What a server thinks of each prior item beyond the prior: the mean residual of its members' ratings
 * against their own fold-in, shrunk by `shrink` pseudo-ratings (per prior index; 0 where none rated it).
 */
export function serverOffsets(prior: PriorFactors & { ids: readonly string[] }, members: Iterable<readonly { item: string; value: number }[]>, opts: FoldInOptions, shrink: number): Float64Array {
  const sum = new Float64Array(prior.ids.length);
  const cnt = new Float64Array(prior.ids.length);
  for (const rs of members) {
    const u = foldIn(prior, rs, opts);
    for (const r of rs) {
      const i = prior.index.get(r.item);
      if (i === undefined) continue;
      sum[i] += r.value - foldedPredict(prior, u, r.item);
      cnt[i]++;
    }
  }
  return sum.map((x, i) => (cnt[i] > 0 ? x / (cnt[i] + shrink) : 0));
}
