import { PIPELINES, type PipelineDefinition } from '../../src/app/pipelines/definitions.js';
import { createLocalEmbedder } from '../../src/embed/semantic/factory.js';
import { BOT, type Bot } from '../bot.js';
import { evalCatalog, movieItem, subCatalog } from '../catalog.js';
import { loadMovieLens } from '../load.js';
import { botNextModels, botNextScorer, ratingsByUser, sequentialTrainers } from '../models.js';
import type { EvalArgs } from '../main.js';
import { prepareSequences, scoreNext, splitNext, type SequentialMetrics } from './sequential.js';

/** One row per ranker and split: the validation item (for choosing) and the test item (reported, never tuned on). */
export type NextRows = Record<string, { validation: SequentialMetrics; test: SequentialMetrics }>;

/**
 * The next-item protocol alone (`npm run eval -- --protocol next`): popularity, the bot's `/next` and, for
 * tuning, `variants` (other definitions run on the same trained models: one training per split), each on the
 * validation and the test item. What `npm run eval` reports as "Sequential next item", in about a minute
 * rather than several (no rating models trained).
 */
export async function runNext(args: EvalArgs, variants: Record<string, PipelineDefinition> = {}, log: (m: string) => void = () => {}, bot: Bot = BOT): Promise<NextRows> {
  const ds = loadMovieLens(args.data);
  const embedder = createLocalEmbedder(args.embedder ?? 'hash');
  const seq = prepareSequences(ds.ratings, (id) => (ds.movies.get(id)?.title ?? '') !== '');
  const catalog = await subCatalog(await evalCatalog([...ds.movies.values()].map((m) => movieItem(m)), embedder), seq.items);
  const rated = ratingsByUser(ds.ratings);
  log(`sequences: ${seq.histories.size} users, ${seq.items.length} items`);
  const pos = new Map(seq.items.map((id, i) => [id, i]));
  const popular = sequentialTrainers(seq.items, catalog, rated, bot).popular;
  const rows: Record<string, Partial<Record<'validation' | 'test', SequentialMetrics>>> = {};
  const defs: Record<string, PipelineDefinition> = { tastemaker: PIPELINES.next, ...variants };
  for (const split of ['validation', 'test'] as const) {
    const s = splitNext(seq, split);
    (rows.popular ??= {})[split] = await scoreNext(seq, s, popular(s.train));
    const t0 = performance.now();
    const { models, byUser } = botNextModels(s.train, catalog, rated, bot);
    log(`${split}: models trained in ${Math.round(performance.now() - t0)} ms`);
    for (const [id, def] of Object.entries(defs)) {
      (rows[id] ??= {})[split] = await scoreNext(seq, s, botNextScorer(def, { models, byUser, catalog, pos }));
      log(`${split} ${id}: ${JSON.stringify(rows[id][split])}`);
    }
  }
  return rows as NextRows;
}

/** The rows as a table. */
export function formatNext(rows: NextRows): string {
  const out = ['ranker                    split        NDCG@10   R@10      MRR@10'];
  for (const [id, r] of Object.entries(rows)) {
    for (const split of ['validation', 'test'] as const) {
      const m = r[split];
      out.push(`${id.padEnd(26)}${split.padEnd(13)}${m['ndcg@10'].toFixed(4).padEnd(10)}${m['recall@10'].toFixed(4).padEnd(10)}${m['mrr@10'].toFixed(4)}`);
    }
  }
  return out.join('\n');
}

export async function nextMain(argv: string[], parse: (a: string[]) => EvalArgs): Promise<void> {
  const args = parse(argv.filter((a) => a !== '--protocol' && a !== 'next' && a !== '--protocol=next'));
  const rows = await runNext(args, {}, (m) => process.stderr.write(`[eval next] ${m}\n`));
  process.stdout.write((args.json ? JSON.stringify(rows) : formatNext(rows)) + '\n');
}
