import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDisliked } from '../src/domain/rules.js';
import { trainSessionKnn, type SessionKnnOptions } from '../src/recsys/models/session-knn.js';
import { loadMovieLens } from './load.js';
import { parseArgs } from './main.js';
import { ratingsByUser } from './models.js';
import { prepareSequences, scoreNext, splitAt } from './protocols/sequential.js';

/**
 * The session-kNN model alone on the next-item protocol, for choosing its settings: its own top 100 for each
 * member (from their last 20 films not rated as disliked, as `/next` seeds it), NDCG@10 on the mean of the
 * `validationItems` items before the test item, then the test item. Each entry of `variants` is a set of
 * options over the shipped ones.
 *   npx tsx eval/next-model.ts '{"shipped":{},"idf 0.5":{"idfPower":0.5}}' [--data DIR]
 */
export async function sessionKnnAlone(data: string, variants: Record<string, SessionKnnOptions>, validationItems = 8): Promise<Record<string, { validationMean: number; test: number }>> {
  const ds = loadMovieLens(data);
  const seq = prepareSequences(ds.ratings, (id) => (ds.movies.get(id)?.title ?? '') !== '');
  const rated = ratingsByUser(ds.ratings);
  const pos = new Map(seq.items.map((id, i) => [id, i]));
  const out: Record<string, { validationMean: number; test: number }> = {};
  for (const [name, o] of Object.entries(variants)) {
    let sum = 0;
    let test = 0;
    for (let cut = validationItems + 1; cut >= 1; cut--) {
      const s = splitAt(seq, cut);
      const m = trainSessionKnn(s.train, o);
      const r = await scoreNext(seq, s, (u, input, scores) => {
        const recent = input.filter((id) => !isDisliked(rated.get(u)?.get(id)?.value)).slice(-20);
        scores.fill(Number.NEGATIVE_INFINITY);
        m.scoreNext(u, recent, 100).forEach((h, i) => (scores[pos.get(h.itemId)!] = 100 - i));
      });
      if (cut === 1) test = r['ndcg@10'];
      else sum += r['ndcg@10'];
    }
    out[name] = { validationMean: Math.round((sum / validationItems) * 1e4) / 1e4, test };
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [json = '{"shipped":{}}', ...rest] = process.argv.slice(2);
  const args = parseArgs(rest, resolve(dirname(fileURLToPath(import.meta.url)), '..'));
  sessionKnnAlone(args.data, JSON.parse(json) as Record<string, SessionKnnOptions>).then(
    (rows) => {
      for (const [name, r] of Object.entries(rows)) process.stdout.write(`${name.padEnd(30)} mean of 8 validation items ${r.validationMean.toFixed(4)}  test ${r.test.toFixed(4)}\n`);
    },
    (err: unknown) => {
      process.stderr.write(`next-model failed: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
