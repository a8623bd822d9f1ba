import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stem } from './analyze.js';
import { WORD_VECTORS_BASENAME, WORD_VECTORS_FORMAT, WORD_VECTORS_VERSION, type WordVectorsHeader } from './format.js';

/** The word-vector table (GloVe-derived, see data/WORD-VECTORS-LICENSE.txt), read-only and shared. */
export class WordVectors {
  readonly dims: number;
  readonly rows: number;
  /** GloVe vocabulary size: the rank of a word the table does not hold. */
  readonly vocabulary: number;
  /** Milliseconds the load took. */
  readonly loadMs: number;
  private readonly rowOf: Map<string, number>;
  private readonly aliasOf: Map<string, number>;
  private readonly ranks: Uint32Array;
  private readonly scales: Float32Array;
  private readonly values: Int8Array;
  private readonly words: string[];
  private stemRows: Map<string, number> | undefined;

  constructor(header: WordVectorsHeader, bin: Uint8Array, loadStart = performance.now()) {
    if (header.format !== WORD_VECTORS_FORMAT || header.version !== WORD_VECTORS_VERSION) {
      throw new Error(`word vectors: unsupported format ${header.format} v${header.version}`);
    }
    if (bin.length !== header.binBytes) throw new Error(`word vectors: binary file is ${bin.length} bytes, header says ${header.binBytes}`);
    const s = header.sections;
    const dec = new TextDecoder();
    const text = (sec: { offset: number; bytes: number }): string[] => {
      const t = dec.decode(bin.subarray(sec.offset, sec.offset + sec.bytes));
      return t ? t.split('\n') : [];
    };
    // copy into aligned buffers (a Buffer from readFileSync may start at any offset of a shared pool)
    const copy = (sec: { offset: number; bytes: number }): ArrayBuffer => new Uint8Array(bin.subarray(sec.offset, sec.offset + sec.bytes)).buffer;
    const u32 = (sec: { offset: number; bytes: number }): Uint32Array => new Uint32Array(copy(sec));
    this.dims = header.dims;
    this.rows = header.rows;
    this.vocabulary = header.vocabulary;
    const words = text(s.words);
    const aliases = text(s.aliases);
    if (words.length !== header.rows || aliases.length !== header.aliases) throw new Error('word vectors: row counts do not match the header');
    this.words = words;
    this.rowOf = new Map(words.map((w, i) => [w, i]));
    const aliasRows = u32(s.aliasRows);
    this.aliasOf = new Map(aliases.map((a, i) => [a, aliasRows[i]]));
    this.ranks = u32(s.ranks);
    this.scales = new Float32Array(copy(s.scales));
    this.values = new Int8Array(bin.buffer, bin.byteOffset + s.vectors.offset, s.vectors.bytes);
    this.loadMs = performance.now() - loadStart;
  }

  /** The row of a word, else of its stem (as a word, then as an alias); -1 when none. */
  row(word: string, stem: string): number {
    return this.rowOf.get(word) ?? this.rowOf.get(stem) ?? this.aliasOf.get(stem) ?? -1;
  }

  /**
   * The row of the most frequent word with this Porter2 stem ("music" for "musical"), else -1. The map is built
   * on first use (one stem per row, ~0.1 s once per process).
   */
  stemRow(s: string): number {
    if (!this.stemRows) {
      const m = new Map<string, number>();
      // rows run most frequent first: the first row of a stem is its most frequent word
      for (let r = 0; r < this.words.length; r++) {
        const k = stem(this.words[r]);
        if (!m.has(k)) m.set(k, r);
      }
      for (const [a, r] of this.aliasOf) if (!m.has(a)) m.set(a, r);
      this.stemRows = m;
    }
    return this.stemRows.get(s) ?? -1;
  }

  /** GloVe frequency rank (0 = most frequent) of the row's stem group. */
  rank(row: number): number {
    return this.ranks[row];
  }

  /** The word of a row. */
  word(row: number): string {
    return this.words[row];
  }

  /** out += weight * vector(row); the vectors are unit length. */
  addTo(out: Float64Array, row: number, weight: number): void {
    const d = this.dims;
    const w = weight * this.scales[row];
    const o = row * d;
    for (let f = 0; f < d; f++) out[f] += w * this.values[o + f];
  }
}

/** data/word-vectors-100d.* next to src/ (tsx) or next to dist/ (compiled). */
export function defaultWordVectorsBase(): string {
  const here = ['../../../data/', '../../../../data/'].map((p) => fileURLToPath(new URL(p + WORD_VECTORS_BASENAME, import.meta.url)));
  return here.find((p) => existsSync(`${p}.bin`)) ?? here[0];
}

export function loadWordVectors(base = defaultWordVectorsBase()): WordVectors {
  const t0 = performance.now();
  let header: WordVectorsHeader;
  let bin: Uint8Array;
  try {
    header = JSON.parse(readFileSync(`${base}.json`, 'utf8')) as WordVectorsHeader;
    bin = readFileSync(`${base}.bin`);
  } catch (e) {
    throw new Error(`word vectors not readable at ${base}.{json,bin} (npm run build-word-vectors makes them): ${e instanceof Error ? e.message : String(e)}`);
  }
  return new WordVectors(header, bin, t0);
}

const loaded = new Map<string, WordVectors>();

/** Loads the table once per path, on first use. */
export function sharedWordVectors(base = defaultWordVectorsBase()): WordVectors {
  let t = loaded.get(base);
  if (!t) loaded.set(base, (t = loadWordVectors(base)));
  return t;
}
