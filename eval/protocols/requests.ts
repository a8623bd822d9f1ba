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
 * - Feedback: each embedder is also scored with pseudo-relevance feedback (src/recsys/index/feedback.ts,
 *   DEFAULT_FEEDBACK; label `{embedder} + feedback`), as the embedding source searches text requests when
 *   given its `feedback` option (off by default). Ratios are over local-hash-v1 WITHOUT feedback.
 * TMDB text is eval input only: it is read from ../shared and never written anywhere.
 */
import { resolve } from 'node:path';
import { itemText } from '../../src/domain/item.js';
import { DEFAULT_FEEDBACK, searchWithFeedback } from '../../src/recsys/index/feedback.js';
import { VectorIndex } from '../../src/recsys/index/vector-index.js';
import { round } from '../metrics.js';
import { requestEmbedders } from './requests-embedders.js';
import { botRankings } from './requests-bot.js';
import { LSA_SUFFIX, withCatalogLsa } from './requests-lsa.js';
import { formatRequests } from './requests-format.js';
import { loadRequestInputs, type KeywordRequest } from './requests-inputs.js';
import { requestMetrics, topK } from './requests-metrics.js';
import type { CatalogName, RequestsOptions, RequestsReport, Scores } from './requests-types.js';

export type { CatalogName, LabelledEmbedder, RequestsOptions, RequestsReport, Scores } from './requests-types.js';
export { keywordHalf, loadRequestInputs, type KeywordRequest } from './requests-inputs.js';
export { requestMetrics, topK } from './requests-metrics.js';
export { requestEmbedders } from './requests-embedders.js';
export { formatRequests } from './requests-format.js';

function mean(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}

/** Appended to an embedder's label for its results with pseudo-relevance feedback (src/recsys/index/feedback.ts). */
export const FEEDBACK_SUFFIX = ' + feedback';

/** NDCG@10 and P@5 of the ranked lists `rank(i)` of the requests, over all of them and per half. */
function scoreRequests(requests: KeywordRequest[], rank: (i: number) => string[]): Scores & { tune: Scores; heldOut: Scores } {
  const ms = requests.map((r, i) => requestMetrics(rank(i), r.relevant));
  const scores = (half?: KeywordRequest['half']): Scores => {
    const idx = requests.map((r, i) => (half === undefined || r.half === half ? i : -1)).filter((i) => i >= 0);
    return { 'ndcg@10': round(mean(idx.map((i) => ms[i].ndcg))), 'p@5': round(mean(idx.map((i) => ms[i].precision))), requests: idx.length };
  };
  return { ...scores(), tune: scores('tune'), heldOut: scores('heldOut') };
}

export async function runRequests(opts: RequestsOptions, log: (m: string) => void = () => {}): Promise<RequestsReport> {
  const t0 = performance.now();
  const { catalogs, overviewParts, requests, joined } = loadRequestInputs(opts);
  log(`requests: ${requests.length} keywords over ${joined} joined movies`);
  const embedders = opts.embedders ?? requestEmbedders(opts.ablation);
  const feedback = opts.feedback === false ? undefined : { ...DEFAULT_FEEDBACK, ...opts.feedback };
  const results: RequestsReport['results'] = {};
  for (const [n, { label, embedder: e }] of embedders.entries()) {
    const qv = await e.embed(requests.map((r) => r.text));
    const perCatalog = {} as RequestsReport['results'][string];
    const withFeedback = {} as RequestsReport['results'][string];
    const lsaRows = { plain: {} as RequestsReport['results'][string], feedback: {} as RequestsReport['results'][string] };
    for (const name of Object.keys(catalogs) as CatalogName[]) {
      const items = catalogs[name];
      const ids = items.map((i) => i.id);
      const vecs = await e.embed(items.map(name === 'overviews' ? (i) => i.title : itemText));
      perCatalog[name] = scoreRequests(requests, (qi) => topK(qv[qi], ids, vecs, 10));
      log(`${label} on ${name}: NDCG@10 ${perCatalog[name]['ndcg@10']}, P@5 ${perCatalog[name]['p@5']}`);
      if (feedback) {
        const index = new VectorIndex({ model: e.model, dims: e.dims });
        index.upsert(ids, vecs);
        withFeedback[name] = scoreRequests(requests, (qi) => searchWithFeedback(qv[qi], index, 10, feedback).map((h) => h.id));
        log(`${label}${FEEDBACK_SUFFIX} on ${name}: NDCG@10 ${withFeedback[name]['ndcg@10']}, P@5 ${withFeedback[name]['p@5']}`);
      }
      if (opts.lsa && n > 0) {
        const texts = items.map(name === 'overviews' ? (i) => i.title : itemText);
        const j = withCatalogLsa({ texts, vectors: vecs }, { texts: requests.map((r) => r.text), vectors: qv });
        const index = new VectorIndex({ model: `${e.model}+lsa`, dims: j.dims });
        index.upsert(ids, j.items);
        lsaRows.plain[name] = scoreRequests(requests, (qi) => index.search(j.requests[qi], 10).map((h) => h.id));
        lsaRows.feedback[name] = scoreRequests(requests, (qi) => searchWithFeedback(j.requests[qi], index, 10, feedback ?? { beta: 0 }).map((h) => h.id));
        log(`${label}${LSA_SUFFIX} on ${name} (LSA built in ${Math.round(j.buildMs)} ms): NDCG@10 ${lsaRows.plain[name]['ndcg@10']}, with feedback ${lsaRows.feedback[name]['ndcg@10']}`);
      }
    }
    results[label] = perCatalog;
    if (feedback) results[label + FEEDBACK_SUFFIX] = withFeedback;
    if (opts.lsa && n > 0) {
      results[label + LSA_SUFFIX] = lsaRows.plain;
      if (feedback) results[label + LSA_SUFFIX + FEEDBACK_SUFFIX] = lsaRows.feedback;
    }
  }
  const base = results[embedders[0].label];
  const ratios: RequestsReport['ratios'] = {};
  for (const label of Object.keys(results).slice(1)) {
    ratios[label] = Object.fromEntries(
      (Object.keys(catalogs) as CatalogName[]).map((c) => [c, round(results[label][c]['ndcg@10'] / Math.max(base[c]['ndcg@10'], 1e-9), 3)]),
    ) as Record<CatalogName, number>;
  }
  let bot: RequestsReport['bot'];
  if (opts.bot) {
    bot = {};
    for (const name of ['starter-all', 'overviews'] as const) {
      const lists = await botRankings(name, { starterPath: opts.starter, overviews: overviewParts }, requests);
      bot[name] = scoreRequests(requests, (qi) => lists[qi]);
      log(`the bot's /recommend on ${name}: NDCG@10 ${bot[name]['ndcg@10']}, P@5 ${bot[name]['p@5']}`);
    }
  }
  return {
    protocol: 'requests',
    joinedMovies: joined,
    keywords: requests.length,
    catalogs: { starter: catalogs.starter.length, 'starter-all': catalogs['starter-all'].length, overviews: catalogs.overviews.length, 'starter+overviews': catalogs['starter+overviews'].length },
    results,
    ratios,
    ...(bot ? { bot } : {}),
    seconds: round((performance.now() - t0) / 1000, 1),
  };
}

export const REQUESTS_USAGE = 'usage: npm run eval -- --protocol requests [--overviews FILE] [--starter FILE] [--ablation] [--lsa] [--no-feedback] [--bot] [--json]';

/** `npm run eval -- --protocol requests ...`: runs this protocol alone. */
export async function requestsMain(argv: string[], repoRoot: string): Promise<void> {
  let overviews = resolve(repoRoot, '../shared/data/tmdb-5000/ml_latest_small_tmdb_overviews.csv');
  let starter = resolve(repoRoot, 'data/starter-movies.csv');
  let json = false;
  let ablation = false;
  let lsa = false;
  let feedback = true;
  let bot = false;
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
    else if (a === '--lsa') lsa = true;
    else if (a === '--no-feedback') feedback = false;
    else if (a === '--bot') bot = true;
    else if (name === '--protocol') {
      if (value() !== 'requests') throw new Error(`this runner only runs --protocol requests (${REQUESTS_USAGE})`);
    }
    else if (name === '--overviews') overviews = value();
    else if (name === '--starter') starter = value();
    else if (a !== '--') throw new Error(`unknown argument ${a} (${REQUESTS_USAGE})`);
  }
  const report = await runRequests({ overviews, starter, ablation, lsa, bot, feedback: feedback ? undefined : false }, (m) => process.stderr.write(`[eval] ${m}\n`));
  process.stdout.write((json ? JSON.stringify(report) : formatRequests(report)) + '\n');
}
