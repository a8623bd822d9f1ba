import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLocalEmbedder } from '../../../src/embed/local.js';
import { loadMovieLens } from '../../../eval/load.js';
import { parseArgs, runEval } from '../../../eval/main.js';
import { evalCatalog, movieItem, subCatalog } from '../../../eval/catalog.js';
import { ratingsByUser, ratingTrainers, sequentialTrainers } from '../../../eval/models.js';
import { kFold, runRatingProtocol } from '../../../eval/protocols/rating.js';
import { evaluateNext, prepareSequences } from '../../../eval/protocols/sequential.js';
import { formatReport } from '../../../eval/report.js';

const FIX = join(import.meta.dirname, '../../fixtures/movielens');

async function fixtureCatalog() {
  const d = loadMovieLens(FIX);
  return { d, catalog: await evalCatalog([...d.movies.values()].map((m) => movieItem(m)), createLocalEmbedder()) };
}

describe('eval on the MovieLens fixture', () => {
  it('GIVEN the fixture THEN the JSON report has every model id and sane numbers, and the table names the anchors', async () => {
    const { report, extras } = await runEval({ data: FIX, json: true });
    expect(Object.keys(report.rating).sort()).toEqual(['baseline', 'global-mean', 'svd-reference', 'tastemaker', 'tastemaker-no-text']);
    expect(Object.keys(report.coldStart)).toContain('tastemaker-no-text');
    expect(report.sequential.users).toBeGreaterThan(50);
    expect(Object.keys(report.sequential).sort()).toEqual(['items', 'popular', 'tastemaker', 'users']);
    expect(report.similar['local-hash-v1-512']['ndcg@10']).toBeGreaterThan(0);
    for (const m of Object.values(report.rating)) expect(m.rmse).toBeGreaterThan(0.3);
    const table = formatReport(report, extras);
    expect(table).toContain('SASRec 0.0522/0.0993');
    expect(table).toContain('ml-100k');
  }, 120_000); // the whole eval: five folds of the bot's training, and its /next for every member

  it('GIVEN the fixture folds THEN Tastemaker\'s rating model beats BaselineOnly', async () => {
    const { d, catalog } = await fixtureCatalog();
    const all = ratingTrainers(catalog);
    const r = runRatingProtocol(d.ratings, { baseline: all.baseline, tastemaker: all.tastemaker });
    expect(r.rating.tastemaker.rmse).toBeLessThan(r.rating.baseline.rmse);
  });

  it('GIVEN the fixture sequences THEN the bot\'s /next beats popularity on the validation item', async () => {
    const { d, catalog } = await fixtureCatalog();
    const seq = prepareSequences(d.ratings, (id) => d.movies.has(id));
    const t = sequentialTrainers(seq.items, await subCatalog(catalog, seq.items), ratingsByUser(d.ratings));
    const pop = await evaluateNext(seq, t.popular, 'validation');
    const tm = await evaluateNext(seq, t.tastemaker, 'validation');
    expect(tm['ndcg@10']).toBeGreaterThan(pop['ndcg@10']);
  });

  it('GIVEN 5 folds THEN every rating is in exactly one test fold', () => {
    const ratings = Array.from({ length: 23 }, (_, i) => ({ user: `u${i % 4}`, item: `i${i}`, value: 3 }));
    const folds = kFold(ratings, 5, 1);
    expect(folds.map((f) => f.test.length)).toEqual([5, 5, 5, 4, 4]);
    expect(new Set(folds.flatMap((f) => f.test.map((r) => r.item))).size).toBe(23);
    for (const f of folds) expect(f.train.length + f.test.length).toBe(23);
  });

  it('GIVEN 5-core filtering THEN every kept user and item has at least 5 interactions and histories are time-ordered', async () => {
    const { d } = await fixtureCatalog();
    const seq = prepareSequences(d.ratings, (id) => d.movies.has(id));
    const itemCount = new Map<string, number>();
    for (const h of seq.histories.values()) {
      expect(h.length).toBeGreaterThanOrEqual(5);
      for (const id of h) itemCount.set(id, (itemCount.get(id) ?? 0) + 1);
    }
    expect(Math.min(...itemCount.values())).toBeGreaterThanOrEqual(5);
    const at = new Map(d.ratings.map((r) => [`${r.user}:${r.item}`, r.at ?? 0]));
    for (const [u, h] of seq.histories) for (let i = 1; i < h.length; i++) expect(at.get(`${u}:${h[i]}`)! >= at.get(`${u}:${h[i - 1]}`)!).toBe(true);
  });

  it('GIVEN command-line arguments THEN --data, --overviews and --json are read and unknown ones rejected', () => {
    expect(parseArgs(['--', '--data', 'x', '--json', '--overviews=o.csv'], '/repo')).toEqual({ data: 'x', overviews: 'o.csv', json: true });
    expect(() => parseArgs(['--bogus'], '/repo')).toThrow(/unknown argument/);
  });
});
