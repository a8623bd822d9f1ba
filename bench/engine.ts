/**
 * Engine bench: vector search (see engine-search.ts), `recommend()` latency offline with a 10,000-item
 * catalog and 1,000 users, and rating model training time on 100,000 ratings.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { trainHybridMf } from '../src/recsys/models/hybrid-mf.js';
import { trainSvd } from '../src/recsys/models/svd.js';
import type { RatingTriple } from '../src/recsys/models/types.js';
import { mulberry32 } from '../src/recsys/models/rng.js';
import { createLocalEmbedder } from '../src/embed/local.js';
import { createServices } from '../src/services.js';
import { benchSearch } from './engine-search.js';
import { fmt, summary, table } from './stats.js';

const QUERIES = ['heist movies', 'a cozy mystery', 'space adventure', 'something funny for a family night', 'dark psychological thriller', 'romantic comedy in paris', 'animated films about friendship', 'war drama based on a true story'];

async function benchRecommend(): Promise<void> {
  const services = await createServices(parseConfig({ STORE_URL: 'memory://', LOG_LEVEL: 'silent' }), { logger: createLogger('silent'), retrainDelayMs: 3_600_000 });
  const scope = 'bench';
  const admin = { scope, userId: 'admin' };
  await services.catalog.starter(admin);
  // Top up to exactly 10,000 items with synthetic ones, merged in.
  const extra = ['id,title,year,tags'];
  const cat0 = await services.catalog.info(scope);
  for (let i = cat0!.itemCount; i < 10_000; i++) extra.push(`syn-${i},Synthetic Film ${i},${1950 + (i % 70)},Drama|Synthetic`);
  await services.catalog.upload(admin, { bytes: new TextEncoder().encode(extra.join('\n')), filename: 'extra.csv', mode: 'merge' });
  const items = await services.catalog.export(scope);
  const rng = mulberry32(7);
  // 1,000 users with 30 ratings each, drawn with a popularity skew.
  const pick = () => items[Math.floor(items.length * rng() ** 3)].id;
  const { profiles } = services.deps;
  for (let u = 0; u < 1000; u++) {
    for (let j = 0; j < 30; j++) {
      await profiles.setRating(scope, `u${u}`, pick(), Math.ceil(rng() * 10) / 2);
      await profiles.appendHistory(scope, `u${u}`, pick(), 1_700_000_000_000 + j * 1000);
    }
  }
  const t0 = performance.now();
  await services.deps.engines.train(scope);
  const trainMs = performance.now() - t0;
  // Warm-up, then measure.
  for (let i = 0; i < 20; i++) await services.recommend({ scope, userId: `u${i}` }, { text: QUERIES[i % QUERIES.length] });
  const rec: number[] = [];
  const nxt: number[] = [];
  for (let i = 0; i < 300; i++) {
    const c = { scope, userId: `u${Math.floor(rng() * 1000)}` };
    let t = performance.now();
    await services.recommend(c, { text: QUERIES[i % QUERIES.length], count: 10 });
    rec.push(performance.now() - t);
    t = performance.now();
    await services.next(c, { count: 10 });
    nxt.push(performance.now() - t);
  }
  const r = summary(rec);
  const n = summary(nxt);
  console.log(`\nrecommend()/next() offline, 10,000 items, 1,000 users (30k ratings); scope models trained in ${fmt(trainMs, 0)} ms`);
  console.log(table(['call', 'p50 ms', 'p99 ms', 'n', 'target'], [
    ['recommend()', fmt(r.p50), fmt(r.p99), r.n, 'p50 < 10, p99 < 30'],
    ['next()', fmt(n.p50), fmt(n.p99), n.n, '-'],
  ]));
  await services.close();
}

async function loadRatings(): Promise<{ ratings: RatingTriple[]; source: string }> {
  const dir = fileURLToPath(new URL('../../shared/data/ml-latest-small/', import.meta.url));
  if (existsSync(`${dir}ratings.csv`)) {
    const { loadMovieLens } = await import('../eval/load.js');
    return { ratings: loadMovieLens(dir).ratings.slice(0, 100_000), source: 'ml-latest-small (first 100,000)' };
  }
  const rng = mulberry32(3);
  const ratings: RatingTriple[] = [];
  for (let i = 0; i < 100_000; i++) ratings.push({ user: `u${Math.floor(rng() * 1000)}`, item: `i${Math.floor(9000 * rng() ** 2)}`, value: Math.ceil(rng() * 10) / 2 });
  return { ratings, source: 'synthetic' };
}

async function benchTraining(): Promise<void> {
  const { ratings, source } = await loadRatings();
  const items = [...new Set(ratings.map((r) => r.item))];
  const embedder = createLocalEmbedder();
  const vecs = await embedder.embed(items.map((i) => `item ${i}`));
  const itemVectors = new Map(items.map((id, i) => [id, vecs[i]]));
  const rows: (string | number)[][] = [];
  for (const [name, train] of [
    ['svd-reference', () => trainSvd(ratings)],
    ['tastemaker-no-text', () => trainHybridMf(ratings)],
    ['tastemaker (text side features)', () => trainHybridMf(ratings, { itemVectors })],
  ] as const) {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) times.push(train().trainingTimeMs);
    rows.push([name, fmt(summary(times).p50, 0), 'under 10,000']);
  }
  console.log(`\nRating model training on ${ratings.length.toLocaleString('en')} ratings (${source}), median of 3`);
  console.log(table(['model', 'ms', 'target ms'], rows));
}

export async function benchEngine(args: string[]): Promise<void> {
  const only = args.find((a) => ['search', 'recommend', 'training'].includes(a));
  if (!only || only === 'search') await benchSearch({ sizes: [10_000, 100_000], dims: 768 });
  if (!only || only === 'recommend') await benchRecommend();
  if (!only || only === 'training') await benchTraining();
}
