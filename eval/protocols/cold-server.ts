import { PIPELINES } from '../../src/app/pipelines/definitions.js';
import type { ScopeCatalog } from '../../src/engine/scope-catalog.js';
import { topKIndices } from '../../src/recsys/models/topk.js';
import { timeOrdered } from '../../src/recsys/models/prior-train.js';
import type { RatingTriple } from '../../src/recsys/models/types.js';
import { createLocalEmbedder } from '../../src/embed/local.js';
import { loadMovieLens, loadOverviews } from '../load.js';
import { ErrorStats, round } from '../metrics.js';
import { askedAt, BOT, botList, personalRatingModel } from '../bot.js';
import { evalCatalog, movieItem, withoutVectors } from '../catalog.js';
import { latestAt, profileOf } from '../profiles.js';
import { pickHeldOut, priorThroughArtifact } from './cold-server-data.js';
import { formatColdServer } from './cold-server-format.js';
import { RankStats } from './rank-stats.js';
import { SYSTEMS, type ColdServerOptions, type ColdServerReport } from './cold-server-types.js';

/**
 * The cold-server protocol: a new server on the starter catalog, its members revealing a few ratings.
 *
 * `users` users (seeded) are held out, in `folds` disjoint draws (variance: one draw of 100 users moves
 * NDCG@10 by +-0.02); each draw's community prior is learnt from everyone else only (no leakage), and
 * round-trips through the artifact's binary form (int8 factors, float16 graphs) as the bot's would.
 * Metrics are pooled over the draws. For each k, the server is one draw's held-out users, each with their
 * first k ratings in time order (ratings and watch history; ties by item id), as members' profiles. Each
 * user's targets are their next `targets` items in time, against the list the bot gives them over every item
 * of the data set (the starter catalog), the k revealed ones excluded. RMSE is over all of the user's
 * remaining ratings. Systems:
 *   popularity  rating counts of the prior's users (RMSE: their global mean);
 *   no-prior    the bot on a custom catalog: its factory (`buildScopeModels`) with no prior: co-watch,
 *               watch-next, popularity and quality from the server's own interactions only;
 *   prior       the bot on the starter catalog: the same factory with the fold's prior (members folded in;
 *               counts blended).
 * "taste" is the bot's `/recommend` with an empty request (`recommend` definition, no words, no LLM),
 * "next" its `/next` (`next` definition): both the top 10 of the pipeline as the bot runs it. RMSE is
 * `/predict`'s (the scope's rating model plus the member's own neighbourhoods).
 */

export type { ColdServerOptions, ColdServerReport, RankScores, SystemScores } from './cold-server-types.js';
export { pickHeldOut, priorThroughArtifact } from './cold-server-data.js';
export { formatColdServer } from './cold-server-format.js';

export async function runColdServer(ratings: readonly RatingTriple[], opts: ColdServerOptions = {}): Promise<ColdServerReport> {
  const { users = 100, folds = 5, ks = [0, 1, 3, 5, 10], targets = 10, seed = 20240, log = () => {}, bot = BOT } = opts;
  const byUser = timeOrdered(ratings);
  const minRatings = Math.max(...ks) + targets;
  const order = pickHeldOut(byUser, Number.POSITIVE_INFINITY, minRatings, seed);
  // a small data set: at most half of the eligible users are held out at once, so the prior has users left
  const perFold = Math.min(users, Math.floor(order.length / 2));
  if (perFold < 1) throw new Error(`cold-server needs at least 2 users with ${minRatings}+ ratings`);
  const nFolds = Math.max(1, Math.min(folds, Math.floor(order.length / perFold)));
  const items = [...new Set([...(opts.items ?? []), ...(opts.catalog?.items.map((i) => i.id) ?? []), ...ratings.map((r) => r.item)])].sort();
  const index = new Map(items.map((id, i) => [id, i]));
  const catalog = await serverCatalog(items, opts.catalog);
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
    const popTop = topKIndices(pop, Math.max(...ks) + 10);
    for (const k of ks) {
      // today's server: the held-out users, each with their first k ratings (and those items watched)
      const profiles = held.map((u) => ({ userId: u, profile: profileOf(byUser.get(u)!.slice(0, k)) }));
      const now = latestAt(profiles);
      const base = { now, ...(opts.models ? { priorModels: opts.models } : {}) };
      const servers = { 'no-prior': bot.models(profiles, catalog, base), prior: bot.models(profiles, catalog, { ...base, prior }) };
      if (!servers.prior.community?.prior) throw new Error('the prior does not apply to the catalog (priorApplies): the prior system would be the no-prior one');
      const popularity = popTop.map((i) => items[i]);
      for (const sys of SYSTEMS) {
        const a = at(k, sys);
        const models = sys === 'popularity' ? undefined : servers[sys];
        const rating = models && personalRatingModel(sys, models, catalog, profiles, 0);
        for (const { userId: u, profile } of profiles) {
          const all = byUser.get(u)!;
          const shown = new Set(all.slice(0, k).map((r) => r.item));
          const want = new Set(all.slice(k, k + targets).map((r) => index.get(r.item)!));
          const ranked = (ids: string[]): number[] => ids.filter((id) => !shown.has(id)).map((id) => index.get(id)!);
          const l = models && { catalog, models, profile };
          a.taste.addRanked(ranked(l ? await botList(PIPELINES.recommend, l, u, 10, askedAt(profile)) : popularity), want);
          a.next.addRanked(ranked(l ? await botList(PIPELINES.next, l, u, 10, askedAt(profile)) : popularity), want);
          for (const r of all.slice(k)) a.err.add(rating ? rating.predict(u, r.item) : mean, r.value);
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

/** The server's catalog: `given` when it holds every item, else the items alone (no text, no vectors). */
async function serverCatalog(items: readonly string[], given?: ScopeCatalog): Promise<ScopeCatalog> {
  if (given && items.every((id) => given.byId.has(id))) return given;
  const byId = given?.byId;
  return withoutVectors(await evalCatalog(items.map((id) => byId?.get(id) ?? { id, title: id }), createLocalEmbedder()));
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
  const catalog = await evalCatalog([...ds.movies.values()].map((m) => movieItem(m, overviews.get(m.id))), createLocalEmbedder());
  const report = await runColdServer(ds.ratings, { catalog, log });
  const seconds = (performance.now() - t0) / 1000;
  if (args.json) process.stdout.write(JSON.stringify({ dataset: ds.name, protocol: 'cold-server', ...report }) + '\n');
  else process.stdout.write(formatColdServer(report, ds.name, seconds) + '\n');
}
