/**
 * A WebAssembly SIMD dot product of a float32 query with a row of float16 halves (as in wasm-dot.ts:
 * hand-assembled, no toolchain). Each step loads 8 halves, widens them to 32 bits and turns them into floats
 * by moving bits (sign << 16 | ((magnitude << 13) + bias), zero when the exponent is 0), so subnormal halves
 * (below 6.1e-5) read as 0 and infinities are not expected (rows are unit vectors). `dims` must be a multiple
 * of 8. Exported function: dot(queryByteOffset, rowByteOffset, rowByteLength) -> f32.
 */
import { leb, section, simd, wasmApi } from './wasm-dot.js';

const I32 = 0x7f;
const F32 = 0x7d;
const V128 = 0x7b;
// locals: 0 q, 1 r, 2 len (params), 3 i; v128: 4 acc0, 5 acc1, 6 h, 7 x, 8 sign mask, 9 magnitude mask, 10 exponent mask, 11 bias
const get = (l: number) => [0x20, l];
const set = (l: number) => [0x21, l];
const i32c = (n: number): number[] => [0x41, ...sleb(n)];
const splat = (n: number, local: number) => [...i32c(n), ...simd(0x11), ...set(local)];
const AND = simd(0x4e);
const OR = simd(0x50);
const SHL = simd(0xab);
const ADD_I = simd(0xae);
const NE_I = simd(0x38);
const MUL_F = simd(0xe6);
const ADD_F = simd(0xe4);

function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) return [...out, b];
    out.push(b | 0x80);
  }
}

/** acc += float(x) * query[2i + off .. +16 bytes] */
function step(acc: number, widen: number, off: number): number[] {
  return [
    ...get(6), ...simd(widen), ...set(7),
    ...get(7), ...get(8), ...AND, ...i32c(16), ...SHL, // sign
    ...get(7), ...get(9), ...AND, ...i32c(13), ...SHL, ...get(11), ...ADD_I, // exponent and mantissa
    ...get(7), ...get(10), ...AND, ...simd(0x0c), ...new Array<number>(16).fill(0), ...NE_I, // exponent != 0
    ...AND, ...OR,
    ...get(0), ...get(3), ...i32c(1), 0x74, 0x6a, ...simd(0), 0x00, off, // query lanes (q + 2i + off)
    ...MUL_F, ...get(acc), ...ADD_F, ...set(acc),
  ];
}

function body(): number[] {
  const code: number[] = [
    ...splat(0x8000, 8), ...splat(0x7fff, 9), ...splat(0x7c00, 10), ...splat(0x38000000, 11),
    0x02, 0x40, 0x03, 0x40,
    ...get(3), ...get(2), 0x4f, 0x0d, 1, // if i >= len break
    ...get(1), ...get(3), 0x6a, ...simd(0), 0x00, 0, ...set(6), // h = 8 halves
    ...step(4, 0xa9, 0), ...step(5, 0xaa, 16),
    ...get(3), ...i32c(16), 0x6a, ...set(3), // i += 16 bytes
    0x0c, 0, 0x0b, 0x0b,
    ...get(4), ...get(5), ...ADD_F, ...set(4),
    ...get(4), ...simd(0x1f), 0, ...get(4), ...simd(0x1f), 1, 0x92, ...get(4), ...simd(0x1f), 2, 0x92, ...get(4), ...simd(0x1f), 3, 0x92,
    0x0b,
  ];
  const fn = [2, 1, I32, 8, V128, ...code];
  return [...leb(fn.length), ...fn];
}

function moduleBytes(): Uint8Array {
  const str = (s: string): number[] => [s.length, ...[...s].map((c) => c.charCodeAt(0))];
  const type = section(1, [1, 0x60, 3, I32, I32, I32, 1, F32]);
  const imp = section(2, [1, ...str('e'), ...str('m'), 0x02, 0x00, 0x01]);
  const func = section(3, [1, 0]);
  const exp = section(7, [1, ...str('dot'), 0x00, 0]);
  const code = section(10, [1, ...body()]);
  return new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...type, ...imp, ...func, ...exp, ...code]);
}

let compiled: object | null | undefined; // a pure cache of a constant

function halfModule(): object | null {
  if (compiled === undefined) {
    try {
      compiled = wasmApi ? new wasmApi.Module(moduleBytes()) : null;
    } catch {
      compiled = null; // no SIMD: the JS loop answers
    }
  }
  return compiled ?? null;
}

/** Half rows in wasm memory: the float32 query at byte 0, rows of `dims` halves after it. */
export class WasmHalfRows {
  data: Uint16Array;
  query: Float32Array;
  private dotFn: (q: number, r: number, len: number) => number;
  private readonly rowBytes: number;
  private readonly qBytes: number;

  static available(dims: number): boolean {
    return dims % 8 === 0 && halfModule() !== null;
  }

  constructor(private readonly dims: number, capacity: number) {
    this.rowBytes = dims * 2;
    this.qBytes = dims * 4;
    ({ data: this.data, query: this.query, dot: this.dotFn } = this.allocate(capacity));
  }

  /** Moves to a larger memory holding `capacity` rows (the first `usedHalves` are kept). */
  resize(capacity: number, usedHalves: number): void {
    const next = this.allocate(capacity);
    next.data.set(this.data.subarray(0, usedHalves));
    ({ data: this.data, query: this.query, dot: this.dotFn } = next);
  }

  /** Dot product of row `row` with `this.query`. */
  dotRow(row: number): number {
    return this.dotFn(0, this.qBytes + row * this.rowBytes, this.rowBytes);
  }

  private allocate(capacity: number): { data: Uint16Array; query: Float32Array; dot: (q: number, r: number, len: number) => number } {
    const mod = halfModule();
    if (!mod || !wasmApi) throw new Error('WebAssembly SIMD is not available');
    const memory = new wasmApi.Memory({ initial: Math.ceil((this.qBytes + capacity * this.rowBytes) / 65536) || 1 });
    const instance = new wasmApi.Instance(mod, { e: { m: memory } });
    return {
      data: new Uint16Array(memory.buffer, this.qBytes, capacity * this.dims),
      query: new Float32Array(memory.buffer, 0, this.dims),
      dot: instance.exports.dot as (q: number, r: number, len: number) => number,
    };
  }
}
