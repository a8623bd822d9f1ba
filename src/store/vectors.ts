/** Vectors are stored as base64 of their little-endian bytes (every platform Node runs on is LE). */

export function encodeFloat32(v: Float32Array): string {
  return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64');
}

export function decodeFloat32(b64: string): Float32Array {
  const buf = Buffer.from(b64, 'base64');
  if (buf.byteLength % 4 !== 0) throw new RangeError(`not a Float32 vector: ${buf.byteLength} bytes`);
  const out = new Float32Array(buf.byteLength / 4);
  new Uint8Array(out.buffer).set(buf);
  return out;
}

export function encodeInt8(v: Int8Array): string {
  return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64');
}

export function decodeInt8(b64: string): Int8Array {
  const buf = Buffer.from(b64, 'base64');
  const out = new Int8Array(buf.byteLength);
  new Uint8Array(out.buffer).set(buf);
  return out;
}

/** Packs equal-length vectors into one base64 string (rows back to back). */
export function encodeFloat32Rows(rows: readonly Float32Array[]): { dims: number; data: string } {
  const dims = rows[0]?.length ?? 0;
  const all = new Float32Array(rows.length * dims);
  rows.forEach((r, i) => {
    if (r.length !== dims) throw new RangeError(`vector ${i} has ${r.length} dims, expected ${dims}`);
    all.set(r, i * dims);
  });
  return { dims, data: encodeFloat32(all) };
}

/** Inverse of encodeFloat32Rows: `count` views over one decoded buffer. */
export function decodeFloat32Rows(data: string, dims: number, count: number): Float32Array[] {
  const all = decodeFloat32(data);
  if (all.length !== dims * count) throw new RangeError(`expected ${count}x${dims} floats, got ${all.length}`);
  return Array.from({ length: count }, (_, i) => all.subarray(i * dims, (i + 1) * dims));
}
