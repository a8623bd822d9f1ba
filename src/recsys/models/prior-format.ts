/**
 * The community prior as data, and its compact binary form (pure: no file or storage access).
 *
 * A prior is learnt once from a public rating data set (MovieLens) and shared by every server that uses
 * the catalog it is keyed by (the starter catalog): item factors and biases of a biased MF, the global
 * mean, per-item rating counts, mean ratings and time-decayed popularity, and two sparse top-K item graphs
 * (co-watch counts, watch-order transitions). It holds numbers keyed by item id, never any text.
 *
 * File form: a JSON header (`PriorHeader`) beside a binary body of little-endian sections, each 8-byte
 * aligned: uint32 numeric ids (item id = `idPrefix` + number), float32 biases/counts/means/popularity,
 * int8 factors with a float32 scale per item, and CSR graphs (uint32 row starts, uint16 or uint32 columns,
 * float16 values).
 */
import { fromHalf, toHalf } from './float16.js';
import { BYTES, parsePriorHeader, PRIOR_FORMAT, PRIOR_VERSION, type Dtype, type PriorHeader, type PriorSection } from './prior-header.js';
import type { CommunityPrior, PriorGraph } from './prior-types.js';

export type { CommunityPrior, PriorGraph, PriorMeta } from './prior-types.js';
export { parsePriorHeader, PRIOR_FORMAT, PRIOR_VERSION, type PriorHeader, type PriorSection } from './prior-header.js';
export { fromHalf, toHalf } from './float16.js';

// ---------- encode ----------

interface Part {
  name: string;
  dtype: Dtype;
  data: ArrayBufferView;
  length: number;
}

function halfArray(xs: ArrayLike<number>): Uint16Array {
  const out = new Uint16Array(xs.length);
  for (let i = 0; i < xs.length; i++) out[i] = toHalf(xs[i]);
  return out;
}

function numericIds(ids: readonly string[], prefix: string): Uint32Array {
  return Uint32Array.from(ids, (id) => {
    const rest = id.startsWith(prefix) ? id.slice(prefix.length) : '';
    const n = Number(rest);
    if (!/^\d+$/.test(rest) || n > 0xffffffff) throw new RangeError(`prior item id ${JSON.stringify(id)} is not ${JSON.stringify(prefix)} + a uint32`);
    return n;
  });
}

/** Writes a prior as a header and a binary body. Item ids must be `idPrefix` + a uint32. */
export function encodePrior(p: CommunityPrior, idPrefix: string): { header: PriorHeader; body: Uint8Array } {
  const n = p.ids.length;
  const k = p.factors;
  const q8 = new Int8Array(n * k);
  const qScale = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let m = 0;
    for (let f = 0; f < k; f++) m = Math.max(m, Math.abs(p.Q[i * k + f]));
    const s = m > 0 ? m / 127 : 1;
    qScale[i] = s;
    for (let f = 0; f < k; f++) q8[i * k + f] = Math.round(p.Q[i * k + f] / s);
  }
  const colType: Dtype = n <= 0x10000 ? 'u16' : 'u32';
  const cols = (g: PriorGraph): ArrayBufferView => (colType === 'u16' ? Uint16Array.from(g.col) : g.col);
  const parts: Part[] = [
    { name: 'ids', dtype: 'u32', data: numericIds(p.ids, idPrefix), length: n },
    { name: 'bias', dtype: 'f32', data: p.bias, length: n },
    { name: 'qScale', dtype: 'f32', data: qScale, length: n },
    { name: 'Q', dtype: 'i8', data: q8, length: n * k },
    { name: 'count', dtype: 'f32', data: p.count, length: n },
    { name: 'mean', dtype: 'f32', data: p.mean, length: n },
    { name: 'popularity', dtype: 'f32', data: p.popularity, length: n },
    { name: 'cowatch.start', dtype: 'u32', data: p.cowatch.start, length: n + 1 },
    { name: 'cowatch.col', dtype: colType, data: cols(p.cowatch), length: p.cowatch.col.length },
    { name: 'cowatch.val', dtype: 'f16', data: halfArray(p.cowatch.val), length: p.cowatch.val.length },
    { name: 'next.start', dtype: 'u32', data: p.next.start, length: n + 1 },
    { name: 'next.col', dtype: colType, data: cols(p.next), length: p.next.col.length },
    { name: 'next.val', dtype: 'f16', data: halfArray(p.next.val), length: p.next.val.length },
  ];
  const sections: PriorSection[] = [];
  let offset = 0;
  for (const part of parts) {
    sections.push({ name: part.name, dtype: part.dtype, length: part.length, offset });
    offset += Math.ceil((part.length * BYTES[part.dtype]) / 8) * 8;
  }
  const body = new Uint8Array(offset);
  parts.forEach((part, s) => {
    const bytes = new Uint8Array(part.data.buffer, part.data.byteOffset, part.length * BYTES[part.dtype]);
    body.set(bytes, sections[s].offset);
  });
  const header: PriorHeader = {
    format: PRIOR_FORMAT, version: PRIOR_VERSION, idPrefix, items: n, factors: k, mu: p.mu, meta: p.meta, sections, bytes: body.length,
  };
  return { header, body };
}

// ---------- decode ----------

function view(body: Uint8Array, s: PriorSection): ArrayBufferView {
  const bytes = s.length * BYTES[s.dtype];
  if (s.offset < 0 || s.offset + bytes > body.length) throw new RangeError(`prior section ${s.name} lies outside the body`);
  // copy into an aligned buffer of its own (the body may sit at any offset of a pooled Buffer)
  const buf = body.slice(s.offset, s.offset + bytes).buffer;
  switch (s.dtype) {
    case 'u32': return new Uint32Array(buf);
    case 'u16': return new Uint16Array(buf);
    case 'i8': return new Int8Array(buf);
    case 'f32': return new Float32Array(buf);
    case 'f16': return new Uint16Array(buf);
  }
}

/** Rebuilds the prior from its header and body. */
export function decodePrior(headerJson: string | PriorHeader, body: Uint8Array): CommunityPrior {
  const h = parsePriorHeader(headerJson);
  if (body.length !== h.bytes) throw new RangeError(`community prior body is ${body.length} bytes, header says ${h.bytes}`);
  const sec = new Map(h.sections.map((s) => [s.name, s]));
  const get = <T extends ArrayBufferView>(name: string, length: number): T => {
    const s = sec.get(name);
    if (!s) throw new TypeError(`community prior lacks section ${name}`);
    if (s.length !== length && length >= 0) throw new RangeError(`community prior section ${name} has ${s.length} elements, expected ${length}`);
    return view(body, s) as T;
  };
  const n = h.items;
  const k = h.factors;
  const rawIds = get<Uint32Array>('ids', n);
  const ids = Array.from(rawIds, (x) => h.idPrefix + String(x));
  const qScale = get<Float32Array>('qScale', n);
  const q8 = get<Int8Array>('Q', n * k);
  const Q = new Float32Array(n * k);
  for (let i = 0; i < n; i++) for (let f = 0; f < k; f++) Q[i * k + f] = q8[i * k + f] * qScale[i];
  const graph = (name: string): PriorGraph => {
    const start = get<Uint32Array>(`${name}.start`, n + 1);
    const m = start[n];
    const colRaw = get<Uint16Array | Uint32Array>(`${name}.col`, m);
    const half = get<Uint16Array>(`${name}.val`, m);
    const val = new Float32Array(m);
    for (let p = 0; p < m; p++) val[p] = fromHalf(half[p]);
    const col = colRaw instanceof Uint32Array ? colRaw : Uint32Array.from(colRaw);
    for (let p = 0; p < m; p++) if (col[p] >= n) throw new RangeError(`community prior ${name} graph points past the last item`);
    return { start, col, val };
  };
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));
  return {
    ids, index, mu: h.mu, factors: k, Q,
    bias: get<Float32Array>('bias', n),
    count: get<Float32Array>('count', n),
    mean: get<Float32Array>('mean', n),
    popularity: get<Float32Array>('popularity', n),
    cowatch: graph('cowatch'),
    next: graph('next'),
    meta: h.meta,
  };
}
