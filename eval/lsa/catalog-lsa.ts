/**
 * Catalog-adapted semantics: latent semantic analysis (LSA) of one catalog's own text. The catalog's
 * tf-idf term-document matrix (stems and phrases of `analyze`, filler and numbers left out, idf from the
 * catalog) is cut to its top `rank` singular directions; a text is then the projection of its tf-idf vector
 * onto them. Terms that occur in the same items of this catalog ("heist", "robbery", "vault") share
 * directions, so a request that says "robbery" meets heist items that never say it.
 *
 * Learnt from the text the server uploaded, at index time; it changes when the catalog's text changes.
 */
import { analyze } from '../../src/embed/semantic/analyze.js';
import { truncatedSvd, type CsrMatrix } from './sparse-svd.js';

export interface CatalogLsaOptions {
  /** Latent dimensions (default 128; fewer when the catalog is small). */
  rank?: number;
  /** A term counts when at least this many items carry it (default 2). */
  minItems?: number;
  /** Coordinates are scaled by sigma ** (sigmaPower - 1): 1 = plain projection (default), 0 = whitened. */
  sigmaPower?: number;
  powerIterations?: number;
  seed?: number;
}

export interface CatalogLsa {
  /** Latent dimensions (0 when the catalog has too little text). */
  readonly dims: number;
  /** Terms in the vocabulary. */
  readonly terms: number;
  /** The unit-length latent vector of a text (all zeros when none of its terms is in the catalog). */
  project(text: string): Float32Array;
}

const DEFAULTS = { rank: 128, minItems: 2, sigmaPower: 1, powerIterations: 2, seed: 0x5eed };

/** Term -> count of the content tokens of a text. */
function termCounts(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of analyze(text)) {
    if (t.filler || t.numeric) continue;
    out.set(t.key, (out.get(t.key) ?? 0) + 1);
  }
  return out;
}

export function buildCatalogLsa(texts: readonly string[], opts: CatalogLsaOptions = {}): CatalogLsa {
  const o = { ...DEFAULTS, ...Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)) } as typeof DEFAULTS;
  const docs = texts.map(termCounts);
  const df = new Map<string, number>();
  for (const d of docs) for (const k of d.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const col = new Map<string, number>();
  const idf: number[] = [];
  for (const [k, n] of df) {
    if (n < o.minItems) continue;
    col.set(k, idf.length);
    idf.push(Math.log(docs.length / n));
  }
  /** The sparse unit tf-idf row of a text's term counts. */
  const row = (d: Map<string, number>): Array<[number, number]> => {
    const out: Array<[number, number]> = [];
    let s = 0;
    for (const [k, n] of d) {
      const c = col.get(k);
      if (c === undefined) continue;
      const w = (1 + Math.log(n)) * idf[c];
      if (w > 0) {
        out.push([c, w]);
        s += w * w;
      }
    }
    const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (const e of out) e[1] *= inv;
    return out;
  };
  const rows = docs.map(row);
  const nnz = rows.reduce((a, r) => a + r.length, 0);
  const m: CsrMatrix = { rows: rows.length, cols: idf.length, rowStart: new Uint32Array(rows.length + 1), colIndex: new Uint32Array(nnz), values: new Float32Array(nnz) };
  let p = 0;
  rows.forEach((r, i) => {
    for (const [c, w] of r) {
      m.colIndex[p] = c;
      m.values[p++] = w;
    }
    m.rowStart[i + 1] = p;
  });
  const svd = truncatedSvd(m, { rank: o.rank, powerIterations: o.powerIterations, seed: o.seed });
  const k = svd.rank;
  const scale = Float64Array.from(svd.sigma, (s) => (s > 0 ? s ** (o.sigmaPower - 1) : 0));
  return {
    dims: k,
    terms: idf.length,
    project(text: string): Float32Array {
      const out = new Float32Array(k);
      if (k === 0) return out;
      const acc = new Float64Array(k);
      for (const [c, w] of row(termCounts(text))) {
        const off = c * k;
        for (let j = 0; j < k; j++) acc[j] += w * svd.v[off + j];
      }
      let s = 0;
      for (let j = 0; j < k; j++) s += (acc[j] *= scale[j]) ** 2;
      const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
      for (let j = 0; j < k; j++) out[j] = acc[j] * inv;
      return out;
    },
  };
}

/**
 * `base` (unit length) with a unit `block` appended so that `share` of a cosine comes from the block:
 * [sqrt(1 - share) * base, sqrt(share) * block], zero-padded to a multiple of 16 (the vector index's SIMD
 * kernel). Unit length when the block is; a zero block (no catalog term) leaves the base part scaled.
 */
export function appendBlock(base: Float32Array, block: Float32Array, share: number): Float32Array {
  const out = new Float32Array(Math.ceil((base.length + block.length) / 16) * 16);
  const a = Math.sqrt(1 - share);
  const b = Math.sqrt(share);
  for (let i = 0; i < base.length; i++) out[i] = a * base[i];
  for (let i = 0; i < block.length; i++) out[base.length + i] = b * block[i];
  return out;
}
