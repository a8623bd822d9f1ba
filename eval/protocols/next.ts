import { PIPELINES, type PipelineDefinition } from '../../src/app/pipelines/definitions.js';
import { createLocalEmbedder } from '../../src/embed/semantic/factory.js';
import { BOT, type Bot } from '../bot.js';
import { evalCatalog, movieItem, subCatalog } from '../catalog.js';
import { loadMovieLens } from '../load.js';
import { botNextModels, botNextScorer, ratingsByUser, sequentialTrainers } from '../models.js';
import type { EvalArgs } from '../main.js';
import { prepareSequences, scoreNext, splitAt, type NextSplit, type SequentialMetrics } from './sequential.js';

/**
 * One row per ranker: the validation item (for choosing), the test item (reported, never tuned on) and, with
 * `validationItems` n > 1, the mean over the n items before the test item (the validation item and the n - 1
 * before it: n times the targets, for choosing among variants closer than one item's noise).
 */
export type NextRows = Record<string, { validation: SequentialMetrics; test: SequentialMetrics; validationMean?: SequentialMetrics }>;

/**
 * The next-item protocol alone (`npm run eval -- --protocol next`): popularity, the bot's `/next` and, for
 * tuning, `variants` (other definitions run on the same trained models: one training per split), each on the
 * validation and the test item. What `npm run eval` reports as "Sequential next item", in about a minute
 * rather than several (no rating models trained).
 */
export async function runNext(
  args: EvalArgs,
  variants: Record<string, PipelineDefinition> = {},
  log: (m: string) => void = () => {},
  validationItems = 1,
  bot: Bot = BOT,
): Promise<NextRows> {
  const ds = loadMovieLens(args.data);
  const embedder = createLocalEmbedder(args.embedder ?? 'hash');
  const seq = prepareSequences(ds.ratings, (id) => (ds.movies.get(id)?.title ?? '') !== '');
  const catalog = await subCatalog(await evalCatalog([...ds.movies.values()].map((m) => movieItem(m)), embedder), seq.items);
  const rated = ratingsByUser(ds.ratings);
  log(`sequences: ${seq.histories.size} users, ${seq.items.length} items`);
  const pos = new Map(seq.items.map((id, i) => [id, i]));
  const popular = sequentialTrainers(seq.items, catalog, rated, bot).popular;
  const defs: Record<string, PipelineDefinition> = { tastemaker: PIPELINES.next, ...variants };
  /** Per ranker, per cut (1: test, 2: validation, ...). */
  const byCut = new Map<string, SequentialMetrics[]>();
  const put = (id: string, cut: number, m: SequentialMetrics) => {
    const l = byCut.get(id) ?? [];
    l[cut] = m;
    byCut.set(id, l);
    log(`${cut === 1 ? 'test' : `validation ${cut - 1}`} ${id}: ${JSON.stringify(m)}`);
  };
  for (let cut = Math.max(2, validationItems + 1); cut >= 1; cut--) {
    const s: NextSplit = splitAt(seq, cut);
    put('popular', cut, await scoreNext(seq, s, popular(s.train)));
    const t0 = performance.now();
    const { models, byUser } = botNextModels(s.train, catalog, rated, bot);
    log(`cut ${cut}: models trained in ${Math.round(performance.now() - t0)} ms`);
    for (const [id, def] of Object.entries(defs)) put(id, cut, await scoreNext(seq, s, botNextScorer(def, { models, byUser, catalog, pos })));
  }
  const rows: NextRows = {};
  for (const [id, l] of byCut) {
    rows[id] = { validation: l[2], test: l[1] };
    if (validationItems > 1) rows[id].validationMean = meanOf(l.slice(2, validationItems + 2));
  }
  return rows;
}

function meanOf(ms: readonly SequentialMetrics[]): SequentialMetrics {
  const mean = (k: keyof SequentialMetrics) => Math.round((ms.reduce((t, m) => t + m[k], 0) / ms.length) * 1e4) / 1e4;
  return { 'ndcg@10': mean('ndcg@10'), 'recall@10': mean('recall@10'), 'mrr@10': mean('mrr@10') };
}

/** The rows as a table. */
export function formatNext(rows: NextRows): string {
  const out = ['ranker                    split           NDCG@10   R@10      MRR@10'];
  for (const [id, r] of Object.entries(rows)) {
    for (const split of ['validationMean', 'validation', 'test'] as const) {
      const m = r[split];
      if (!m) continue;
      out.push(`${id.padEnd(26)}${split.padEnd(16)}${m['ndcg@10'].toFixed(4).padEnd(10)}${m['recall@10'].toFixed(4).padEnd(10)}${m['mrr@10'].toFixed(4)}`);
    }
  }
  return out.join('\n');
}

export const NEXT_USAGE = 'usage: npm run eval -- --protocol next [--validation-items N] [--data DIR] [--json]';

/** `npm run eval -- --protocol next`: this protocol alone; `--validation-items 8` adds the mean over the 8 items before the test item. */
export async function nextMain(argv: string[], parse: (a: string[]) => EvalArgs): Promise<void> {
  const rest: string[] = [];
  let items = 1;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--validation-items') items = Number(argv[++i]);
    else if (argv[i] !== '--protocol' && argv[i] !== 'next' && argv[i] !== '--protocol=next') rest.push(argv[i]);
  }
  if (!Number.isInteger(items) || items < 1) throw new Error(`--validation-items is a whole number of at least 1 (${NEXT_USAGE})`);
  const args = parse(rest);
  const rows = await runNext(args, {}, (m) => process.stderr.write(`[eval next] ${m}\n`), items);
  process.stdout.write((args.json ? JSON.stringify(rows) : formatNext(rows)) + '\n');
}
