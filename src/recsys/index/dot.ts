/**
 * Dot product of `q` with the row starting at `off` in `data`, unrolled by 8 with four accumulators
 * (V8 does not vectorise; independent accumulators let the CPU overlap the multiplies).
 */
export function dotAt(data: Float32Array, off: number, q: Float32Array, dims: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  const end8 = dims - (dims & 7);
  for (; i < end8; i += 8) {
    const o = off + i;
    s0 += data[o] * q[i] + data[o + 4] * q[i + 4];
    s1 += data[o + 1] * q[i + 1] + data[o + 5] * q[i + 5];
    s2 += data[o + 2] * q[i + 2] + data[o + 6] * q[i + 6];
    s3 += data[o + 3] * q[i + 3] + data[o + 7] * q[i + 7];
  }
  for (; i < dims; i++) s0 += data[off + i] * q[i];
  return s0 + s1 + s2 + s3;
}

/** L2-normalised copy (a zero vector stays zero). */
export function normalized(v: ArrayLike<number>): Float32Array {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  const out = new Float32Array(v.length);
  const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
  for (let i = 0; i < v.length; i++) out[i] = v[i] * inv;
  return out;
}

/** Cosine of two vectors of any scale (0 when either is zero). */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  let na = 0;
  let nb = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    d += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na > 0 && nb > 0 ? d / Math.sqrt(na * nb) : 0;
}
