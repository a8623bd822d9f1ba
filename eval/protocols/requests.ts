/**
 * The `requests` protocol: free-text requests ("movies about time travel") made from TMDB keywords, answered
 * by cosine nearest neighbours of the request's embedding over a catalog's item embeddings (nothing excluded).
 *
 * - Requests: every TMDB keyword (column `keywords` of ml_latest_small_tmdb_overviews.csv, `|`-separated)
 *   carried by at least `minMovies` movies of the joined catalog, phrased "movies about {keyword}". The
 *   relevant items are the joined movies carrying that keyword.
 * - Joined catalog: the movies of the starter catalog (data/starter-movies.csv, id `ml-{movieId}`) that have a
 *   row with a non-empty overview in the TMDB file.
 * - Catalog `starter`: those joined movies as the starter catalog has them (title, year, genres and MovieLens
 *   tags through the app's own parser and `itemText`; no TMDB text). Catalog `starter-all`: the whole starter
 *   catalog (other movies are never relevant: they carry no TMDB keywords here). Catalog `overviews`: the
 *   joined movies as "{TMDB title}. {TMDB overview}" only (no genres, tags, tagline, keywords or year).
 * - Metrics: NDCG@10 (binary gains; the ideal ranks min(|relevant|, 10) hits first) and P@5, averaged over
 *   requests; also on two fixed halves of the keywords (by a hash of the keyword): `tune` (the half the new
 *   embedder's settings were chosen on) and `heldOut`.
 * TMDB text is eval input only: it is read from ../shared and never written anywhere.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parseCatalog } from '../../src/catalog/parse.js';
import { itemText, type CatalogItem } from '../../src/domain/item.js';
import { fnv1a } from '../../src/embed/tokenize.js';
import type { Embedder } from '../../src/embed/types.js';
import { createLocalEmbedder } from '../../src/embed/semantic/factory.js';
import type { SemanticEmbedderOptions } from '../../src/embed/semantic/embedder.js';
import { round } from '../metrics.js';

export interface RequestsOptions {
  overviews: string;
  starter: string;
  /** Also run variants of local-sem-v1 (see `defaultRequestEmbedders`). */
  ablation?: boolean;
  /** Keywords need at least this many joined movies (default 15). */
  minMovies?: number;
  /** Embedders to compare, the baseline first (default: `requestEmbedders(ablation)`). */
  embedders?: LabelledEmbedder[];
}

/** An embedder and the name its results are reported under (its model id, or a variant's description). */
export interface LabelledEmbedder {
  label: string;
  embedder: Embedder;
}

export interface Scores {
  'ndcg@10': number;
  'p@5': number;
  requests: number;
}

export type CatalogName = 'starter' | 'starter-all' | 'overviews';

export interface RequestsReport {
  protocol: 'requests';
  joinedMovies: number;
  keywords: number;
  catalogs: Record<CatalogName, number>;
  /** embedder label -> catalog -> all keywords, tune half, held-out half */
  results: Record<string, Record<CatalogName, Scores & { tune: Scores; heldOut: Scores }>>;
  /** each other embedder's NDCG@10 over the first one's (local-hash-v1), per catalog */
  ratios: Record<string, Record<CatalogName, number>>;
  seconds: number;
}

export interface KeywordRequest {
  keyword: string;
  text: string;
  relevant: Set<string>;
  half: 'tune' | 'heldOut';
}

/** The fixed split: a keyword is in the tune half when its hash is even. */
export function keywordHalf(keyword: string): 'tune' | 'heldOut' {
  return fnv1a(keyword) % 2 === 0 ? 'tune' : 'heldOut';
}

/** NDCG@k (binary gains) and P@p of one ranked list. */
export function requestMetrics(ranked: readonly string[], relevant: ReadonlySet<string>, k = 10, p = 5): { ndcg: number; precision: number } {
  let dcg = 0;
  let idcg = 0;
  for (let i = 0; i < k; i++) {
    if (i < ranked.length && relevant.has(ranked[i])) dcg += 1 / Math.log2(i + 2);
    if (i < relevant.size) idcg += 1 / Math.log2(i + 2);
  }
  let hits = 0;
  for (let i = 0; i < Math.min(p, ranked.length); i++) if (relevant.has(ranked[i])) hits++;
  return { ndcg: idcg > 0 ? dcg / idcg : 0, precision: hits / p };
}

/** The ids of the `k` items of highest dot product with `q` (ties: catalog order). */
export function topK(q: Float32Array, ids: readonly string[], vecs: readonly Float32Array[], k: number): string[] {
  const best: Array<{ i: number; s: number }> = [];
  for (let i = 0; i < vecs.length; i++) {
    const v = vecs[i];
    let s = 0;
    for (let f = 0; f < q.length; f++) s += q[f] * v[f];
    if (best.length === k && s <= best[k - 1].s) continue;
    let at = best.length;
    while (at > 0 && best[at - 1].s < s) at--;
    best.splice(at, 0, { i, s });
    if (best.length > k) best.pop();
  }
  return best.map((b) => ids[b.i]);
}

export function loadRequestInputs(opts: RequestsOptions): { catalogs: Record<CatalogName, CatalogItem[]>; requests: KeywordRequest[]; joined: number } {
  const parsed = parseCatalog(readFileSync(opts.starter), { filename: 'starter-movies.csv' });
  if (parsed.items.length === 0) throw new Error(`no items in ${opts.starter}: ${parsed.errors[0]?.message ?? ''}`);
  const starter = new Map(parsed.items.map((i) => [i.id, i]));
  const rows = parse(readFileSync(opts.overviews, 'utf8'), { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
  const overviewItems: CatalogItem[] = [];
  const byKeyword = new Map<string, Set<string>>();
  const seen = new Set<string>();
  for (const r of rows) {
    const id = `ml-${r.movieId}`;
    const overview = (r.overview ?? '').trim();
    if (!starter.has(id) || !overview || seen.has(id)) continue;
    seen.add(id);
    const title = (r.tmdb_title || r.ml_title || '').trim();
    overviewItems.push({ id, title: `${title}. ${overview}` });
    for (const kw of (r.keywords ?? '').split('|')) {
      const k = kw.trim().toLowerCase();
      if (!k) continue;
      let s = byKeyword.get(k);
      if (!s) byKeyword.set(k, (s = new Set()));
      s.add(id);
    }
  }
  const minMovies = opts.minMovies ?? 15;
  const requests = [...byKeyword]
    .filter(([, s]) => s.size >= minMovies)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([keyword, relevant]) => ({ keyword, text: `movies about ${keyword}`, relevant, half: keywordHalf(keyword) }));
  return {
    catalogs: { starter: [...seen].map((id) => starter.get(id)!), 'starter-all': parsed.items, overviews: overviewItems },
    requests,
    joined: seen.size,
  };
}

function mean(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}

/** The two local embedders compared: local-hash-v1 (baseline, first) and local-sem-v1; with `ablation`,
 * local-sem-v1 without phrases, with only its lexical part, with only its word-vector part, and with a
 * 1024-dim lexical part. */
export function requestEmbedders(ablation = false): LabelledEmbedder[] {
  const plain = (e: Embedder): LabelledEmbedder => ({ label: e.model, embedder: e });
  const out = [plain(createLocalEmbedder('hash')), plain(createLocalEmbedder('semantic'))];
  if (!ablation) return out;
  const variants: Array<[string, SemanticEmbedderOptions]> = [
    ['no phrases', { phrases: false }],
    ['lexical part only', { semanticShare: 0 }],
    ['word vectors only', { semanticShare: 1 }],
  ];
  for (const [what, o] of variants) out.push({ label: `${out[1].label} ${what}`, embedder: createLocalEmbedder('semantic', o) });
  out.push(plain(createLocalEmbedder('semantic', { lexicalDims: 1024 })));
  return out;
}

export async function runRequests(opts: RequestsOptions, log: (m: string) => void = () => {}): Promise<RequestsReport> {
  const t0 = performance.now();
  const { catalogs, requests, joined } = loadRequestInputs(opts);
  log(`requests: ${requests.length} keywords over ${joined} joined movies`);
  const embedders = opts.embedders ?? requestEmbedders(opts.ablation);
  const results: RequestsReport['results'] = {};
  for (const { label, embedder: e } of embedders) {
    const qv = await e.embed(requests.map((r) => r.text));
    const perCatalog = {} as RequestsReport['results'][string];
    for (const name of Object.keys(catalogs) as CatalogName[]) {
      const items = catalogs[name];
      const ids = items.map((i) => i.id);
      const vecs = await e.embed(items.map(name === 'overviews' ? (i) => i.title : itemText));
      const ndcg: number[] = [];
      const prec: number[] = [];
      requests.forEach((r, qi) => {
        const m = requestMetrics(topK(qv[qi], ids, vecs, 10), r.relevant);
        ndcg.push(m.ndcg);
        prec.push(m.precision);
      });
      const scores = (half?: KeywordRequest['half']): Scores => {
        const idx = requests.map((r, i) => (half === undefined || r.half === half ? i : -1)).filter((i) => i >= 0);
        return { 'ndcg@10': round(mean(idx.map((i) => ndcg[i]))), 'p@5': round(mean(idx.map((i) => prec[i]))), requests: idx.length };
      };
      perCatalog[name] = { ...scores(), tune: scores('tune'), heldOut: scores('heldOut') };
      log(`${label} on ${name}: NDCG@10 ${perCatalog[name]['ndcg@10']}, P@5 ${perCatalog[name]['p@5']}`);
    }
    results[label] = perCatalog;
  }
  const base = results[embedders[0].label];
  const ratios: RequestsReport['ratios'] = {};
  for (const { label } of embedders.slice(1)) {
    ratios[label] = Object.fromEntries(
      (Object.keys(catalogs) as CatalogName[]).map((c) => [c, round(results[label][c]['ndcg@10'] / Math.max(base[c]['ndcg@10'], 1e-9), 3)]),
    ) as Record<CatalogName, number>;
  }
  return {
    protocol: 'requests',
    joinedMovies: joined,
    keywords: requests.length,
    catalogs: { starter: catalogs.starter.length, 'starter-all': catalogs['starter-all'].length, overviews: catalogs.overviews.length },
    results,
    ratios,
    seconds: round((performance.now() - t0) / 1000, 1),
  };
}

const pad = (s: string, n: number): string => (s.length >= n ? s + ' ' : s + ' '.repeat(n - s.length));

export function formatRequests(r: RequestsReport): string {
  const out: string[] = [];
  const w = Math.max(24, ...Object.keys(r.results).map((k) => k.length + 1));
  out.push(`Text requests ("movies about {TMDB keyword}", ${r.keywords} keywords with >= 15 of ${r.joinedMovies} joined movies), cosine top 10 — ${r.seconds} s`);
  out.push(`  catalogs: starter = ${r.catalogs.starter} joined movies as the starter catalog has them (no TMDB text); starter-all = all ${r.catalogs['starter-all']} starter movies; overviews = TMDB title + overview only`);
  out.push(`  ${pad('embedder', w)}${pad('catalog', 13)}${pad('NDCG@10', 9)}${pad('P@5', 8)}${pad('tune NDCG/P@5', 17)}held-out NDCG/P@5`);
  for (const [model, cats] of Object.entries(r.results)) {
    for (const [c, s] of Object.entries(cats)) {
      const h = (x: Scores): string => `${x['ndcg@10'].toFixed(4)}/${x['p@5'].toFixed(4)}`;
      out.push(`  ${pad(model, w)}${pad(c, 13)}${pad(s['ndcg@10'].toFixed(4), 9)}${pad(s['p@5'].toFixed(4), 8)}${pad(h(s.tune), 17)}${h(s.heldOut)}`);
    }
  }
  const base = Object.keys(r.results)[0];
  out.push(`  NDCG@10 / ${base}'s (issue 8 targets: overviews >= 2x, starter >= 1.3x):`);
  for (const [model, rs] of Object.entries(r.ratios)) {
    out.push(`  ${pad(model, w)}` + Object.entries(rs).map(([c, x]) => `${c} ${x.toFixed(2)}x`).join(', '));
  }
  return out.join('\n');
}

export const REQUESTS_USAGE = 'usage: npm run eval -- --protocol requests [--overviews FILE] [--starter FILE] [--ablation] [--json]';

/** `npm run eval -- --protocol requests ...`: runs this protocol alone. */
export async function requestsMain(argv: string[], repoRoot: string): Promise<void> {
  let overviews = resolve(repoRoot, '../shared/data/tmdb-5000/ml_latest_small_tmdb_overviews.csv');
  let starter = resolve(repoRoot, 'data/starter-movies.csv');
  let json = false;
  let ablation = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [name, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (!v || v.startsWith('--')) throw new Error(`${name} needs a value (${REQUESTS_USAGE})`);
      return v;
    };
    if (a === '--json') json = true;
    else if (a === '--ablation') ablation = true;
    else if (name === '--protocol') {
      if (value() !== 'requests') throw new Error(`this runner only runs --protocol requests (${REQUESTS_USAGE})`);
    }
    else if (name === '--overviews') overviews = value();
    else if (name === '--starter') starter = value();
    else if (a !== '--') throw new Error(`unknown argument ${a} (${REQUESTS_USAGE})`);
  }
  const report = await runRequests({ overviews, starter, ablation }, (m) => process.stderr.write(`[eval] ${m}\n`));
  process.stdout.write((json ? JSON.stringify(report) : formatRequests(report)) + '\n');
}
