import { trainFromInput } from '../../src/engine/scope-models.js';
import { PriorAwareModels } from '../../src/recsys/models/prior-models.js';
import { timeOrdered } from '../../src/recsys/models/prior-train.js';
import type { RatingTriple } from '../../src/recsys/models/types.js';
import { createLocalEmbedder } from '../../src/embed/local.js';
import { loadMovieLens, loadOverviews } from '../load.js';
import { ErrorStats, round } from '../metrics.js';
import { movieText } from '../text.js';
import { pickHeldOut, priorThroughArtifact, trainingInput } from './cold-server-data.js';
import { formatColdServer } from './cold-server-format.js';
import { RankStats } from './rank-stats.js';
import { SYSTEMS, type ColdServerOptions, type ColdServerReport } from './cold-server-types.js';

/**
 * The cold-server protocol: a new server on the starter catalog, its members revealing a few ratings.
 *
 * `users` users (seeded) are held out, in `folds` disjoint draws (variance: one draw of 100 users moves
 * NDCG@10 by +-0.02); each draw's community prior is learnt from everyone else only (no leakage), and
 * round-trips through the artifact's binary form (int8 factors, float16 graphs) as the bot's would.
 * Metrics are pooled over the draws. For each k, the server is one draw's held-out users, each with their first k ratings in time order (ratings and
 * watch history; ties by item id). Each user's targets are their next `targets` items in time; every item
 * of the data set (the starter catalog) is ranked with the k revealed ones masked. RMSE is over all of
 * the user's remaining ratings. Systems:
 *   popularity  rating counts of the prior's users (RMSE: their global mean);
 *   no-prior    the same engine with no prior, as for a custom catalog: co-watch, watch-next, popularity
 *               and quality from the server's own interactions only; rating model and its taste part from
 *               today's server training (`trainFromInput`: MF with text side features when vectors are given);
 *   prior       community prior + the server's interactions (members folded in; counts blended).
 * "taste" ranks by the taste score (order ignored); "next" adds watch-next transitions from the last items.
 */

export type { ColdServerOptions, ColdServerReport, RankScores, SystemScores } from './cold-server-types.js';
export { pickHeldOut, priorThroughArtifact } from './cold-server-data.js';
export { formatColdServer } from './cold-server-format.js';

export function runColdServer(ratings: readonly RatingTriple[], opts: ColdServerOptions = {}): ColdServerReport {
  const { users = 100, folds = 5, ks = [0, 1, 3, 5, 10], targets = 10, seed = 20240, log = () => {} } = opts;
  const byUser = timeOrdered(ratings);
  const minRatings = Math.max(...ks) + targets;
  const order = pickHeldOut(byUser, Number.POSITIVE_INFINITY, minRatings, seed);
  // a small data set: at most half of the eligible users are held out at once, so the prior has users left
  const perFold = Math.min(users, Math.floor(order.length / 2));
  if (perFold < 1) throw new Error(`cold-server needs at least 2 users with ${minRatings}+ ratings`);
  const nFolds = Math.max(1, Math.min(folds, Math.floor(order.length / perFold)));
  const items = [...new Set([...(opts.items ?? []), ...ratings.map((r) => r.item)])].sort();
  const index = new Map(items.map((id, i) => [id, i]));
  const scores = new Float64Array(items.length);
  type Acc = { taste: RankStats; next: RankStats; err: ErrorStats };
  const acc = new Map<string, Acc>();
  const at = (k: number, sys: string): Acc => {
    const key = `${k}/${sys}`;
    let a = acc.get(key);
    if (!a) acc.set(key, (a = { taste: new RankStats(), next: new RankStats(), err: new ErrorStats() }));
    return a;
  };
  const priorInfo = { items: 0, bytes: 0, trainMs: 0 };
  let heldUsers = 0;
  for (let f = 0; f < nFolds; f++) {
    const held = order.slice(f * perFold, (f + 1) * perFold);
    heldUsers += held.length;
    const heldSet = new Set(held);
    const train = ratings.filter((r) => !heldSet.has(r.user));
    const t0 = performance.now();
    const { prior, bytes } = opts.prebuilt?.[f] ?? priorThroughArtifact(train, opts.prior);
    const trainMs = performance.now() - t0;
    Object.assign(priorInfo, { items: prior.ids.length, bytes, trainMs: Math.round(trainMs) });
    log(`cold-server fold ${f + 1}/${nFolds}: prior from ${byUser.size - held.length} users (${train.length} ratings) in ${trainMs.toFixed(0)} ms, ${bytes} bytes`);
    let sum = 0;
    const pop = new Float64Array(items.length);
    for (const r of train) {
      pop[index.get(r.item)!]++;
      sum += r.value;
    }
    const mean = sum / Math.max(1, train.length);
    for (const k of ks) {
      const revealed = new Map(held.map((u) => [u, byUser.get(u)!.slice(0, k)]));
      const data = {
        items,
        ratings: [...revealed.values()].flat(),
        histories: new Map([...revealed].map(([u, rs]) => [u, rs.map((r) => r.item)])),
      };
      const today = trainFromInput(trainingInput(items, revealed, opts.itemVectors));
      const systems = {
        popularity: { predict: () => mean },
        'no-prior': new PriorAwareModels(data, undefined, opts.models, today.rating),
        prior: new PriorAwareModels(data, prior, opts.models),
      };
      for (const [name, m] of Object.entries(systems)) {
        const a = at(k, name);
        for (const u of held) {
          const all = byUser.get(u)!;
          const shown = revealed.get(u)!.map((r) => r.item);
          const want = new Set(all.slice(k, k + targets).map((r) => index.get(r.item)!));
          const mask = (): void => {
            for (const id of shown) scores[index.get(id)!] = Number.NEGATIVE_INFINITY;
          };
          if (m instanceof PriorAwareModels) m.scoreTaste(u, scores);
          else scores.set(pop);
          mask();
          a.taste.add(scores, want);
          if (m instanceof PriorAwareModels) m.scoreNext(u, shown, scores);
          else scores.set(pop);
          mask();
          a.next.add(scores, want);
          for (const r of all.slice(k)) a.err.add(m.predict(u, r.item), r.value);
        }
      }
    }
  }
  const results: ColdServerReport['results'] = {};
  for (const k of ks) {
    const row = {} as ColdServerReport['results'][string];
    for (const sys of SYSTEMS) {
      const a = at(k, sys);
      row[sys] = { taste: a.taste.value, next: a.next.value, rmse: round(a.err.rmse) };
    }
    results[String(k)] = row;
    log(`cold-server k=${k}: ${JSON.stringify(row)}`);
  }
  return {
    users: heldUsers, folds: nFolds, trainUsers: byUser.size - Math.floor(heldUsers / nFolds), items: items.length,
    targets: `next ${targets} in time`, prior: priorInfo, results,
  };
}

export const COLD_SERVER_USAGE = 'usage: npm run eval -- --protocol cold-server [--data DIR] [--overviews FILE] [--json]';

/**
 * `npm run eval -- --protocol cold-server [--data DIR] [--overviews FILE] [--json]`: runs this protocol alone;
 * the other arguments go through eval/main.ts's own parser (`parse`).
 */
export async function coldServerMain(argv: string[], parse: (argv: string[]) => { data: string; overviews?: string; json: boolean }): Promise<void> {
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--protocol' && argv[i + 1] === 'cold-server') i++;
    else if (argv[i] !== '--protocol=cold-server' && argv[i] !== 'cold-server') rest.push(argv[i]);
  }
  const args = parse(rest);
  const t0 = performance.now();
  const log = (m: string): void => void process.stderr.write(`[eval] ${m}\n`);
  const ds = loadMovieLens(args.data);
  log(`loaded ${ds.name} (${ds.format}): ${ds.ratings.length} ratings, ${ds.movies.size} movies`);
  const overviews = args.overviews ? loadOverviews(args.overviews) : new Map<string, string>();
  const embedder = createLocalEmbedder();
  const ids = [...ds.movies.keys()];
  const vecs = await embedder.embed(ids.map((id) => movieText(ds.movies.get(id)!, overviews.get(id))));
  const report = runColdServer(ds.ratings, { items: ids, itemVectors: new Map(ids.map((id, i) => [id, vecs[i]])), log });
  const seconds = (performance.now() - t0) / 1000;
  if (args.json) process.stdout.write(JSON.stringify({ dataset: ds.name, protocol: 'cold-server', ...report }) + '\n');
  else process.stdout.write(formatColdServer(report, ds.name, seconds) + '\n');
}
