import { WasmRows, wasmSimdAvailable } from '../index/wasm-dot.js';

/** The item factors of a prior as rows of the WebAssembly SIMD dot kernel, copied once per factor array. */
const rowsOf = new WeakMap<Float32Array, WasmRows | null>();

function factorRows(Q: Float32Array, k: number): WasmRows | null {
  let rows = rowsOf.get(Q);
  if (rows === undefined) {
    rows = k % 16 === 0 && wasmSimdAvailable() ? new WasmRows(k, Q.length / k) : null;
    rows?.data.set(Q);
    rowsOf.set(Q, rows);
  }
  return rows;
}

/**
 * out[i] += weight x (u . Q[toPrior[i]]) for every catalog item i the prior knows (toPrior[i] >= 0): a
 * member's folded-in factors against the prior's item factors (row-major, k per row), in catalog order.
 * The scope's hottest loop (10,000 items x 64 factors per request): with WebAssembly SIMD (k a multiple of
 * 16) the dots run in f32 in the kernel the vector index uses (the same ranking up to float rounding);
 * otherwise in JS.
 */
export function addFactorDots(u: Float64Array, Q: Float32Array, k: number, toPrior: Int32Array, weight: number, out: Float64Array): void {
  const n = out.length;
  const rows = factorRows(Q, k);
  if (rows) {
    rows.query.set(u);
    const dots = rows.dotAll(Q.length / k);
    for (let i = 0; i < n; i++) {
      const p = toPrior[i];
      if (p >= 0) out[i] += weight * dots[p];
    }
    return;
  }
  for (let i = 0; i < n; i++) {
    const p = toPrior[i];
    if (p < 0) continue;
    const off = p * k;
    let dot = 0;
    for (let f = 0; f < k; f++) dot += u[f] * Q[off + f];
    out[i] += weight * dot;
  }
}
