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

export const PRIOR_FORMAT = 'tastemaker-community-prior';
export const PRIOR_VERSION = 1;

/** A sparse item -> item graph in CSR form: row a's edges are start[a]..start[a+1]. */
export interface PriorGraph {
  start: Uint32Array;
  col: Uint32Array;
  /** Raw (weighted) counts: co-watches, or lag-weighted transitions. */
  val: Float32Array;
}

/** A decoded community prior (what the models use). */
export interface CommunityPrior {
  /** Item ids, index order. */
  ids: string[];
  index: Map<string, number>;
  /** Global mean rating of the source data. */
  mu: number;
  factors: number;
  /** Item bias b_i (ids.length). */
  bias: Float32Array;
  /** Item factors q_i (ids.length x factors, row-major). */
  Q: Float32Array;
  /** Ratings per item, and their mean. */
  count: Float32Array;
  mean: Float32Array;
  /** Time-decayed rating counts. */
  popularity: Float32Array;
  /** Users who rated each item (the co-watch normaliser), and top-K co-watch counts per item. */
  cowatch: PriorGraph;
  /** Lag-weighted counts of "watched next" within a window of time-ordered histories, top-K per item. */
  next: PriorGraph;
  /** Number of users and ratings it was learnt from, and anything else worth reporting. */
  meta: PriorMeta;
}

export interface PriorMeta {
  source: string;
  users: number;
  ratings: number;
  /** Top-K kept per item in each graph. */
  neighbours: number;
  /** Half-life (days) of the popularity decay; null when popularity is the plain rating count. */
  popularityHalfLifeDays: number | null;
  /** Transition window (items after). */
  window: number;
  createdAt?: string;
}

type Dtype = 'u32' | 'u16' | 'i8' | 'f32' | 'f16';

export interface PriorSection {
  name: string;
  dtype: Dtype;
  /** Elements (not bytes). */
  length: number;
  /** Byte offset in the body. */
  offset: number;
}

/** The JSON header written beside the binary body. */
export interface PriorHeader {
  format: typeof PRIOR_FORMAT;
  version: number;
  /** Item id = idPrefix + the uint32 in the `ids` section. */
  idPrefix: string;
  items: number;
  factors: number;
  mu: number;
  meta: PriorMeta;
  sections: PriorSection[];
  /** Body size in bytes, and its sha256 (hex) when the writer computed one. */
  bytes: number;
  sha256?: string;
  licence?: string;
}

// ---------- float16 ----------

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** IEEE 754 half precision, round to nearest even; overflow saturates to +-65504. */
export function toHalf(x: number): number {
  f32[0] = x;
  const b = u32[0];
  const sign = (b >>> 16) & 0x8000;
  const exp = (b >>> 23) & 0xff;
  let mant = b & 0x7fffff;
  if (exp === 0xff) return sign | (mant ? 0x7e00 : 0x7c00);
  const e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7bff;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    let h = mant >>> shift;
    const rem = mant & ((1 << shift) - 1);
    const half = 1 << (shift - 1);
    if (rem > half || (rem === half && (h & 1))) h++;
    return sign | h;
  }
  let h = (e << 10) | (mant >>> 13);
  const rem = mant & 0x1fff;
  if (rem > 0x1000 || (rem === 0x1000 && (h & 1))) h++;
  if ((h & 0x7fff) >= 0x7c00) return sign | 0x7bff;
  return sign | h;
}

export function fromHalf(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >>> 10) & 0x1f;
  const mant = h & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 0x1f) return mant ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

// ---------- encode ----------

interface Part {
  name: string;
  dtype: Dtype;
  data: ArrayBufferView;
  length: number;
}

const BYTES: Record<Dtype, number> = { u32: 4, u16: 2, i8: 1, f32: 4, f16: 2 };

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

/** Parses and checks a header (JSON text or an object). */
export function parsePriorHeader(json: string | unknown): PriorHeader {
  const h = (typeof json === 'string' ? JSON.parse(json) : json) as PriorHeader;
  if (!h || h.format !== PRIOR_FORMAT) throw new TypeError('not a Tastemaker community prior header');
  if (h.version !== PRIOR_VERSION) throw new RangeError(`community prior version ${String(h.version)} is not supported (this build reads ${PRIOR_VERSION})`);
  if (!Array.isArray(h.sections) || !Number.isInteger(h.items) || !Number.isInteger(h.factors)) throw new TypeError('community prior header is incomplete');
  return h;
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
