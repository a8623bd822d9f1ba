import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLocalEmbedder, isLocalEmbedderKind, type LocalEmbedderKind } from '../src/embed/semantic/factory.js';
import { loadMovieLens, loadOverviews } from './load.js';
import { BOT, type Bot } from './bot.js';
import { catalogVectors, evalCatalog, movieItem, subCatalog } from './catalog.js';
import { ratingsByUser, ratingTrainers, sequentialTrainers } from './models.js';
import { runRatingProtocol } from './protocols/rating.js';
import { evaluateNext, prepareSequences } from './protocols/sequential.js';
import { evaluateSimilar } from './protocols/similar.js';
import { formatReport, type EvalReport, type ReportExtras } from './report.js';

export interface EvalArgs {
  data: string;
  overviews?: string;
  json: boolean;
  /** The offline embedder of item texts (side features, text similarity). Default `hash`: see README. */
  embedder?: LocalEmbedderKind;
}

export const EVAL_USAGE = 'usage: npm run eval -- --data DIR [--overviews FILE] [--embedder hash|semantic] [--json]';

export function parseArgs(argv: string[], repoRoot: string): EvalArgs {
  let data: string | undefined;
  let overviews: string | undefined;
  let json = false;
  let embedder: LocalEmbedderKind | undefined;
  /** The value of `--name VALUE` or `--name=VALUE`; a missing or empty one is an error, not the default. */
  const value = (name: string, v: string | undefined): string => {
    if (v === undefined || v === '' || v.startsWith('--')) throw new Error(`--${name} needs a value (${EVAL_USAGE})`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') json = true;
    else if (a === '--data') data = value('data', argv[++i]);
    else if (a.startsWith('--data=')) data = value('data', a.slice(7));
    else if (a === '--overviews') overviews = value('overviews', argv[++i]);
    else if (a.startsWith('--overviews=')) overviews = value('overviews', a.slice(12));
    else if (a === '--embedder' || a.startsWith('--embedder=')) {
      const v = a === '--embedder' ? value('embedder', argv[++i]) : value('embedder', a.slice(11));
      if (!isLocalEmbedderKind(v)) throw new Error(`--embedder is hash or semantic, not "${v}" (${EVAL_USAGE})`);
      embedder = v;
    } else if (a !== '--') throw new Error(`unknown argument ${a} (${EVAL_USAGE})`);
  }
  if (!data) {
    const small = resolve(repoRoot, '../shared/data/ml-latest-small');
    data = existsSync(small) ? small : resolve(repoRoot, '../shared/data');
  }
  return { data, overviews, json, embedder };
}

/**
 * Runs every protocol; `log` gets progress lines. Tastemaker's rows are the bot's: its model factory and its
 * `/next` pipeline (`bot`, replaced only by tests).
 */
export async function runEval(args: EvalArgs, log: (msg: string) => void = () => {}, bot: Bot = BOT): Promise<{ report: EvalReport; extras: ReportExtras }> {
  const t0 = performance.now();
  const ds = loadMovieLens(args.data);
  log(`loaded ${ds.name} (${ds.format}): ${ds.ratings.length} ratings, ${ds.movies.size} movies`);
  const overviews = args.overviews ? loadOverviews(args.overviews) : new Map<string, string>();
  const embedder = createLocalEmbedder(args.embedder ?? 'hash');
  const catalog = await evalCatalog([...ds.movies.values()].map((m) => movieItem(m, overviews.get(m.id))), embedder);
  const itemVectors = catalogVectors(catalog);
  log(`embedded ${catalog.items.length} item texts with ${embedder.model}`);

  const rating = runRatingProtocol(ds.ratings, ratingTrainers(catalog, bot), { log });
  const seq = prepareSequences(ds.ratings, (id) => (ds.movies.get(id)?.title ?? '') !== '');
  log(`sequences: ${seq.histories.size} users, ${seq.items.length} items`);
  const sequential: EvalReport['sequential'] = { users: seq.histories.size, items: seq.items.length };
  const validation: ReportExtras['validation'] = {};
  const trainers = sequentialTrainers(seq.items, await subCatalog(catalog, seq.items), ratingsByUser(ds.ratings), bot);
  for (const [id, trainer] of Object.entries(trainers)) {
    validation[id] = await evaluateNext(seq, trainer, 'validation');
    sequential[id] = await evaluateNext(seq, trainer, 'test');
    log(`sequential ${id} done`);
  }
  const sim = evaluateSimilar(seq, itemVectors);
  const report: EvalReport = {
    dataset: ds.name,
    rating: rating.rating,
    coldStart: Object.fromEntries(Object.entries(rating.coldStart).map(([id, c]) => [id, { rmse: c.rmse }])),
    sequential,
    similar: { [embedder.model]: { 'ndcg@10': sim['ndcg@10'] } },
  };
  const coldRatings = Object.values(rating.coldStart)[0]?.n ?? 0;
  const extras: ReportExtras = { seconds: (performance.now() - t0) / 1000, trainingMs: rating.trainingMs, coldRatings, validation, overviews: overviews.size > 0 };
  return { report, extras };
}

async function main(): Promise<void> {
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  if (process.argv.some((a) => a === 'cold-server' || a === '--protocol=cold-server')) return (await import('./protocols/cold-server.js')).coldServerMain(process.argv.slice(2), (a) => parseArgs(a, repoRoot));
  if (process.argv.some((a) => a === 'group' || a === '--protocol=group')) return (await import('./protocols/group-main.js')).groupMain(process.argv.slice(2), (a) => parseArgs(a, repoRoot));
  if (process.argv.some((a) => a === 'next' || a === '--protocol=next')) return (await import('./protocols/next.js')).nextMain(process.argv.slice(2), (a) => parseArgs(a, repoRoot));
  if (process.argv.some((a) => a === 'requests' || a === '--protocol=requests')) return (await import('./protocols/requests.js')).requestsMain(process.argv.slice(2), repoRoot);
  const args = parseArgs(process.argv.slice(2), repoRoot);
  const { report, extras } = await runEval(args, (m) => process.stderr.write(`[eval] ${m}\n`));
  if (args.json) process.stdout.write(JSON.stringify(report) + '\n');
  else process.stdout.write(formatReport(report, extras) + '\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    process.stderr.write(`eval failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
