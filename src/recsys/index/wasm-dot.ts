/**
 * A WebAssembly SIMD dot product (f32x4, four accumulators, 64 bytes a step), hand-assembled so no
 * toolchain or package is needed. Rows and the query live in one WebAssembly.Memory; `dims` must be a
 * multiple of 16. Exported functions: dot(aByteOffset, bByteOffset, byteLength) -> f32, and
 * dots(queryByteOffset, rowsByteOffset, rowByteLength, rows, outByteOffset), which stores the dot of each of
 * `rows` consecutive rows with the query as f32 at out: one call and no boxed result per row; and
 * dots2(q1, q2, rows, rowByteLength, rows, out1, out2), the same for two queries in one pass over the rows (each
 * row is read from memory once and from cache the second time; each dot is the same call as in `dots`).
 */

const I32 = 0x7f;
const F32 = 0x7d;
const V128 = 0x7b;
export const simd = (op: number): number[] => (op < 128 ? [0xfd, op] : [0xfd, (op & 0x7f) | 0x80, op >> 7]);
const load = (acc: number, ptr: number, off: number): number[] => [
  0x20, acc, 0x20, 0, 0x20, 3, 0x6a, ...simd(0), 0x00, off, // a[i+off]
  0x20, 1, 0x20, 3, 0x6a, ...simd(0), 0x00, off, // b[i+off]
  ...simd(230), ...simd(228), 0x21, acc, // acc += a*b
].map((x, j) => (j === 3 ? ptr : x));

function body(): number[] {
  // params: 0 a, 1 b, 2 len; locals: 3 i (i32), 4..7 acc (v128)
  const code: number[] = [
    0x02, 0x40, 0x03, 0x40,
    0x20, 3, 0x20, 2, 0x4f, 0x0d, 1, // if i >= len break
    ...load(4, 0, 0), ...load(5, 0, 16), ...load(6, 0, 32), ...load(7, 0, 48),
    0x20, 3, 0x41, 0xc0, 0x00, 0x6a, 0x21, 3, // i += 64
    0x0c, 0, 0x0b, 0x0b,
    0x20, 4, 0x20, 5, ...simd(228), 0x20, 6, ...simd(228), 0x20, 7, ...simd(228), 0x21, 4,
    0x20, 4, ...simd(0x1f), 0, 0x20, 4, ...simd(0x1f), 1, 0x92, 0x20, 4, ...simd(0x1f), 2, 0x92, 0x20, 4, ...simd(0x1f), 3, 0x92,
    0x0b,
  ];
  const locals = [2, 1, I32, 4, V128];
  const fn = [...locals, ...code];
  return [...leb(fn.length), ...fn];
}

function dotsBody(): number[] {
  // params: 0 q, 1 rows, 2 len, 3 n, 4 out; locals: 5 r (i32)
  const code: number[] = [
    0x02, 0x40, 0x03, 0x40,
    0x20, 5, 0x20, 3, 0x4f, 0x0d, 1, // if r >= n break
    0x20, 4, 0x20, 5, 0x41, 2, 0x74, 0x6a, // out + 4r
    0x20, 1, 0x20, 5, 0x20, 2, 0x6c, 0x6a, 0x20, 0, 0x20, 2, 0x10, 0, // dot(rows + r len, q, len)
    0x38, 2, 0, // f32.store
    0x20, 5, 0x41, 1, 0x6a, 0x21, 5, // r += 1
    0x0c, 0, 0x0b, 0x0b,
    0x0b,
  ];
  const fn = [1, 1, I32, ...code];
  return [...leb(fn.length), ...fn];
}

export function leb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}

export function section(id: number, bytes: number[]): number[] {
  return [id, ...leb(bytes.length), ...bytes];
}

function dots2Body(): number[] {
  // params: 0 q1, 1 q2, 2 rows, 3 len, 4 n, 5 out1, 6 out2; locals: 7 r (i32)
  const dotInto = (q: number, out: number): number[] => [
    0x20, out, 0x20, 7, 0x41, 2, 0x74, 0x6a, // out + 4r
    0x20, 2, 0x20, 7, 0x20, 3, 0x6c, 0x6a, 0x20, q, 0x20, 3, 0x10, 0, // dot(rows + r len, q, len)
    0x38, 2, 0, // f32.store
  ];
  const code: number[] = [
    0x02, 0x40, 0x03, 0x40,
    0x20, 7, 0x20, 4, 0x4f, 0x0d, 1, // if r >= n break
    ...dotInto(0, 5), ...dotInto(1, 6),
    0x20, 7, 0x41, 1, 0x6a, 0x21, 7, // r += 1
    0x0c, 0, 0x0b, 0x0b,
    0x0b,
  ];
  const fn = [1, 1, I32, ...code];
  return [...leb(fn.length), ...fn];
}

function moduleBytes(): Uint8Array {
  const str = (s: string): number[] => [s.length, ...[...s].map((c) => c.charCodeAt(0))];
  const type = section(1, [3, 0x60, 3, I32, I32, I32, 1, F32, 0x60, 5, I32, I32, I32, I32, I32, 0, 0x60, 7, I32, I32, I32, I32, I32, I32, I32, 0]);
  const imp = section(2, [1, ...str('e'), ...str('m'), 0x02, 0x00, 0x01]); // memory, min 1 page
  const func = section(3, [3, 0, 1, 2]);
  const exp = section(7, [3, ...str('dot'), 0x00, 0, ...str('dots'), 0x00, 1, ...str('dots2'), 0x00, 2]);
  const code = section(10, [3, ...body(), ...dotsBody(), ...dots2Body()]);
  return new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...type, ...imp, ...func, ...exp, ...code]);
}

/** The slice of the WebAssembly global used here (the project's lib settings do not declare it). */
export interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (desc: { initial: number }) => { buffer: ArrayBuffer };
}

export const wasmApi = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

let compiled: object | null | undefined; // a pure cache of a constant: compiling twice gains nothing

function wasmModule(): object | null {
  if (compiled === undefined) {
    try {
      compiled = wasmApi ? new wasmApi.Module(moduleBytes()) : null;
    } catch {
      compiled = null; // no SIMD support: callers use the JS loop
    }
  }
  return compiled ?? null;
}

export function wasmSimdAvailable(): boolean {
  return wasmModule() !== null;
}

type Dots2 = (q1: number, q2: number, rows: number, len: number, n: number, out1: number, out2: number) => void;

/**
 * Row storage in wasm memory: the query at byte 0, rows after it, then `dotAll`'s scores, a second query and
 * `dotAll2`'s second scores.
 */
export class WasmRows {
  data: Float32Array;
  query: Float32Array;
  /** The second query of `dotAll2`. */
  query2: Float32Array;
  private m: ReturnType<WasmRows['allocate']>;
  private readonly rowBytes: number;
  private readonly qBytes: number;

  constructor(
    private readonly dims: number,
    capacity: number,
  ) {
    if (dims % 16 !== 0) throw new RangeError('WasmRows needs dims divisible by 16');
    this.rowBytes = dims * 4;
    this.qBytes = this.rowBytes;
    this.m = this.allocate(capacity);
    this.data = this.m.data;
    this.query = this.m.query;
    this.query2 = this.m.query2;
  }

  /** Moves to a larger memory holding `capacity` rows (the first `usedFloats` floats are kept). */
  resize(capacity: number, usedFloats: number): void {
    const a = this.allocate(capacity);
    a.data.set(this.data.subarray(0, usedFloats));
    this.m = a;
    this.data = a.data;
    this.query = a.query;
    this.query2 = a.query2;
  }

  /** Dot product of row `row` with `this.query`. */
  dotRow(row: number): number {
    return this.m.dot(this.qBytes + row * this.rowBytes, 0, this.rowBytes);
  }

  /**
   * Dot products of `this.query` with rows 0..n-1, in one call: a view valid until the next `dotAll`,
   * `dotAll2` or `resize` (copy what must outlive them).
   */
  dotAll(n: number): Float32Array {
    this.m.dots(0, this.qBytes, this.rowBytes, n, this.m.scoresOffset);
    return this.m.scores.subarray(0, n);
  }

  /**
   * `dotAll` of `this.query` and of `this.query2` in one pass over the rows (the same numbers as two
   * `dotAll` calls, reading the rows once): views valid as `dotAll`'s.
   */
  dotAll2(n: number): [Float32Array, Float32Array] {
    const m = this.m;
    m.dots2(0, m.query2Offset, this.qBytes, this.rowBytes, n, m.scoresOffset, m.scores2Offset);
    return [m.scores.subarray(0, n), m.scores2.subarray(0, n)];
  }

  private allocate(capacity: number) {
    const mod = wasmModule();
    if (!mod || !wasmApi) throw new Error('WebAssembly SIMD is not available');
    const scoresOffset = this.qBytes + capacity * this.rowBytes;
    const query2Offset = scoresOffset + capacity * 4;
    const scores2Offset = query2Offset + this.qBytes;
    const bytes = scores2Offset + capacity * 4;
    const memory = new wasmApi.Memory({ initial: Math.ceil(bytes / 65536) });
    const instance = new wasmApi.Instance(mod, { e: { m: memory } });
    return {
      data: new Float32Array(memory.buffer, this.qBytes, capacity * this.dims),
      query: new Float32Array(memory.buffer, 0, this.dims),
      query2: new Float32Array(memory.buffer, query2Offset, this.dims),
      scores: new Float32Array(memory.buffer, scoresOffset, capacity),
      scores2: new Float32Array(memory.buffer, scores2Offset, capacity),
      scoresOffset,
      query2Offset,
      scores2Offset,
      dot: instance.exports.dot as (a: number, b: number, len: number) => number,
      dots: instance.exports.dots as (q: number, rows: number, len: number, n: number, out: number) => void,
      dots2: instance.exports.dots2 as Dots2,
    };
  }
}
