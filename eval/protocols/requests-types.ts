import type { Embedder } from '../../src/embed/types.js';
import type { FeedbackOptions } from '../../src/recsys/index/feedback.js';

/** The `requests` protocol's options and report (requests.ts). */

export interface RequestsOptions {
  overviews: string;
  starter: string;
  /** Also run variants of local-sem-v2 (see `defaultRequestEmbedders`). */
  ablation?: boolean;
  /** Also score every embedder but the baseline with a catalog LSA block appended (requests-lsa.ts). */
  lsa?: boolean;
  /** Keywords need at least this many joined movies (default 15). */
  minMovies?: number;
  /** Embedders to compare, the baseline first (default: `requestEmbedders(ablation)`). */
  embedders?: LabelledEmbedder[];
  /** Also score each embedder with pseudo-relevance feedback (default DEFAULT_FEEDBACK); false: without only. */
  feedback?: FeedbackOptions | false;
  /** Also ask the bot's own `/recommend` (requests-bot.ts) on the starter catalog and an uploaded overviews catalog. */
  bot?: boolean;
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

export type CatalogName = 'starter' | 'starter-all' | 'overviews' | 'starter+overviews';

export interface RequestsReport {
  protocol: 'requests';
  joinedMovies: number;
  keywords: number;
  catalogs: Record<CatalogName, number>;
  /** embedder label -> catalog -> all keywords, tune half, held-out half */
  results: Record<string, Record<CatalogName, Scores & { tune: Scores; heldOut: Scores }>>;
  /** each other embedder's NDCG@10 over the first one's (local-hash-v1), per catalog */
  ratios: Record<string, Record<CatalogName, number>>;
  /** With `bot`: the bot's `/recommend` as a member meets it, on the starter catalog and an uploaded overviews catalog. */
  bot?: Partial<Record<CatalogName, Scores & { tune: Scores; heldOut: Scores }>>;
  seconds: number;
}
