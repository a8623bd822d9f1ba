import type { Embedder } from '../types.js';
import { fmix32, fnv1a } from '../tokenize.js';
import { analyze, type Token } from './analyze.js';
import { sharedWordVectors, type WordVectors } from './table.js';

/** Character 3..5-grams of a word with boundary marks ('<' and '>'), marked '#' so that none equals a stem. */
function chargrams(word: string): string[] {
  const padded = `<${word}>`;
  const out: string[] = [];
  for (let n = 3; n <= 5; n++) for (let s = 0; s + n <= padded.length; s++) out.push('#' + padded.slice(s, s + n));
  return out;
}

/** Dimensions of the word vectors in data/word-vectors-100d.bin. */
export const WORD_VECTOR_DIMS = 100;

export interface SemanticEmbedderOptions {
  /** Dimensions of the hashed lexical part (default 512); the vector has 100 more, zero-padded to a multiple of 16. */
  lexicalDims?: number;
  /** Buckets each token is hashed into in the lexical part (default 16): a chance collision with another
   * token then costs a small fraction of a match, not a whole one. */
  lexicalHashes?: number;
  /** Share of a cosine that comes from the word-vector part, 0..1 (default 0.4); the rest is lexical. */
  semanticShare?: number;
  /** idf = ln(1 + rank / idfRank), rank = GloVe frequency rank of the token's stem (default 10; v1 had 30: a
   * flatter idf, so a common but meaningful word, "war" or "robot", is not drowned by a rare name). */
  idfRank?: number;
  /** Word-vector weights are idf ** semanticIdfPower (default 1). */
  semanticIdfPower?: number;
  /** idf of a token made of digits (a year, a number; default 1). */
  numberIdf?: number;
  /** Weight of a word's character 3-5-grams in the lexical part, relative to the word (default 1.5): keeps
   * misspellings and other forms of a word ("dystopia", "dystopian") close. */
  chargramWeight?: number;
  /** Character n-grams of the word's Porter2 stem rather than of the word (default false): forms of a word that
   * share a stem ("music", "musical") then match fully in the lexical part, as their stems do. Measured, not the
   * default: requests eval with feedback, starter 0.1763 -> 0.1745, overviews 0.2641 -> 0.2601. */
  stemGrams?: boolean;
  /** Share of a word's vector taken from its stem group's most frequent word (default 0): "musical" and "music"
   * meet in the word-vector part too. Measured, not the default: at 0.5, with feedback, starter 0.1763 (same),
   * overviews 0.2641 -> 0.2601. */
  stemVectorShare?: number;
  /** Merge known phrases into one token (default true). */
  phrases?: boolean;
  /** Base path of the word-vector table (default data/word-vectors-100d). */
  table?: string;
}

const DEFAULTS = { lexicalDims: 512, lexicalHashes: 16, semanticShare: 0.4, idfRank: 10, semanticIdfPower: 1, numberIdf: 1, chargramWeight: 1.5, stemGrams: false, stemVectorShare: 0, phrases: true };

/**
 * Offline, deterministic, stateless text embedder that matches meaning, not only words:
 * - words are stemmed (Porter2) and known phrases ("time travel", "coming of age") become one token;
 * - a token weighs idf x (1 + ln tf). The idf is static, from the GloVe frequency rank of the token's stem
 *   (Zipf: document frequency ~ 1/rank), so an item's vector never depends on the rest of its catalog and
 *   the embedding cache stays valid. Function words and request filler ("movie", "something", "tonight")
 *   weigh nothing, unless a text has nothing else (a title such as "Up"): then they count as exact words;
 * - part 1 (100 dims): the weighted sum of GloVe-derived word vectors (data/word-vectors-100d.bin), so
 *   "robots" meets "android" and "scary" meets "horror";
 * - part 2 (`lexicalDims`): signed feature hashing of the stems and phrases (and, weighted lower, of each
 *   word's character n-grams), each into `lexicalHashes` buckets, so exact distinctive words (names,
 *   titles, rare words) still count, misspelt ones too;
 * - each part is made unit length and scaled so that `semanticShare` of a cosine comes from part 1; the
 *   whole is L2-normalised. The same text always gives the same vector, whatever else is embedded.
 * The word-vector table is read on the first `embed` call (tens of ms), once per process.
 */
export function createSemanticEmbedder(opts: SemanticEmbedderOptions = {}): Embedder {
  const o = { ...DEFAULTS, ...Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)) } as typeof DEFAULTS & { table?: string };
  const lexDims = o.lexicalDims;
  if (!Number.isInteger(lexDims) || lexDims < 8) throw new RangeError(`lexicalDims must be an integer >= 8, got ${lexDims}`);
  if (!Number.isInteger(o.lexicalHashes) || o.lexicalHashes < 1) throw new RangeError(`lexicalHashes must be an integer >= 1, got ${o.lexicalHashes}`);
  if (!(o.semanticShare >= 0 && o.semanticShare <= 1)) throw new RangeError(`semanticShare must be in 0..1, got ${o.semanticShare}`);
  if (!(o.idfRank > 0)) throw new RangeError(`idfRank must be > 0, got ${o.idfRank}`);
  // Zero-padded to a multiple of 16 (cosines unchanged) so the vector index can use its WebAssembly SIMD kernel.
  const dims = Math.ceil((WORD_VECTOR_DIMS + lexDims) / 16) * 16;
  const custom = (Object.keys(DEFAULTS) as Array<keyof typeof DEFAULTS>).filter((k) => k !== 'lexicalDims' && o[k] !== DEFAULTS[k]);
  // other settings give other vectors: the model id says so (vectors of two models are never compared).
  // v2: idfRank 30 -> 10 and "story" as filler; the new id makes stored v1 vectors be re-embedded.
  const model = `local-sem-v2-${dims}` + (custom.length ? `-${fnv1a(custom.map((k) => `${k}=${o[k]}`).join(';')).toString(36)}` : '');
  const semScale = Math.sqrt(o.semanticShare);
  const lexScale = Math.sqrt(1 - o.semanticShare);
  let table: WordVectors | undefined;

  /** Mean idf of the token's words (a phrase: +1, it is more specific than its words). */
  function idfOf(t: WordVectors, tok: Token, rows: number[]): number {
    if (tok.numeric) return o.numberIdf;
    let sum = 0;
    for (const r of rows) sum += Math.log(1 + (r >= 0 ? t.rank(r) : t.vocabulary) / o.idfRank);
    const mean = sum / Math.max(rows.length, 1);
    return tok.phrase ? mean + 1 : mean;
  }

  function embedOne(t: WordVectors, text: string): Float32Array {
    const toks = analyze(text, { phrases: o.phrases });
    const content = toks.some((k) => !k.filler);
    const tf = new Map<string, { tok: Token; n: number }>();
    for (const tok of toks) {
      if (content && tok.filler) continue;
      const e = tf.get(tok.key);
      if (e) e.n++;
      else tf.set(tok.key, { tok, n: 1 });
    }
    const sem = new Float64Array(WORD_VECTOR_DIMS);
    const lex = new Float64Array(lexDims);
    const hashW = 1 / Math.sqrt(o.lexicalHashes);
    /** Adds ±w to `lexicalHashes` buckets of the key: one string hash, then a cheap integer mix per bucket. */
    const addHashed = (key: string, w: number): void => {
      const h = fnv1a(key, 0x9e3779b1);
      for (let j = 0; j < o.lexicalHashes; j++) {
        const v = fmix32((h + Math.imul(j, 0x7f4a7c15)) >>> 0);
        lex[v % lexDims] += v >>> 31 === 1 ? -w : w;
      }
    };
    for (const [key, { tok, n }] of tf) {
      const rows = tok.vectorWords.map((w, i) => t.row(w, tok.vectorStems[i]));
      const w = idfOf(t, tok, rows) * (1 + Math.log(n));
      if (!(w > 0)) continue;
      addHashed(key, w * hashW);
      if (o.chargramWeight > 0 && !tok.phrase && !tok.filler && !tok.numeric) {
        const grams = chargrams(o.stemGrams ? tok.vectorStems[0] : tok.vectorWords[0]);
        const gw = ((w * o.chargramWeight) / Math.sqrt(grams.length)) * hashW;
        for (const g of grams) addHashed(g, gw);
      }
      if (tok.filler) continue; // filler (in a text of nothing else) counts for its exact words only
      const found = rows.filter((r) => r >= 0);
      if (found.length === 0) continue;
      const ws = w ** o.semanticIdfPower / found.length;
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i];
        if (r < 0) continue;
        const g = o.stemVectorShare > 0 ? t.stemRow(tok.vectorStems[i]) : -1;
        if (g < 0 || g === r) t.addTo(sem, r, ws);
        else {
          t.addTo(sem, r, ws * (1 - o.stemVectorShare));
          t.addTo(sem, g, ws * o.stemVectorShare);
        }
      }
    }
    const out = new Float32Array(dims);
    const put = (part: Float64Array, scale: number, at: number): void => {
      let s = 0;
      for (let i = 0; i < part.length; i++) s += part[i] * part[i];
      if (s === 0) return;
      const f = scale / Math.sqrt(s);
      for (let i = 0; i < part.length; i++) out[at + i] = part[i] * f;
    };
    put(sem, semScale, 0);
    put(lex, lexScale, WORD_VECTOR_DIMS);
    let norm = 0;
    for (let i = 0; i < dims; i++) norm += out[i] * out[i];
    if (norm > 0 && Math.abs(norm - 1) > 1e-6) {
      const f = 1 / Math.sqrt(norm);
      for (let i = 0; i < dims; i++) out[i] *= f;
    }
    return out;
  }

  return {
    model,
    dims,
    async embed(texts: string[], eo?: { signal?: AbortSignal }): Promise<Float32Array[]> {
      eo?.signal?.throwIfAborted();
      if (!table) {
        const t = sharedWordVectors(o.table);
        if (t.dims !== WORD_VECTOR_DIMS) throw new Error(`word vectors have ${t.dims} dims, expected ${WORD_VECTOR_DIMS}`);
        table = t;
      }
      const out: Float32Array[] = new Array(texts.length);
      for (let i = 0; i < texts.length; i++) {
        if ((i & 255) === 0) eo?.signal?.throwIfAborted();
        out[i] = embedOne(table, texts[i]);
      }
      return out;
    },
  };
}
