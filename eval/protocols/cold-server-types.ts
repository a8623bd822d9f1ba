import type { ScopeCatalog } from '../../src/engine/scope-catalog.js';
import type { CommunityPrior } from '../../src/recsys/models/prior-format.js';
import type { PriorModelOptions } from '../../src/recsys/models/prior-models.js';
import type { PriorTrainOptions } from '../../src/recsys/models/prior-train.js';
import type { Bot } from '../bot.js';

/** The cold-server protocol's options and report (cold-server.ts). */

export interface ColdServerOptions {
  /** Users held out per fold, and folds: disjoint seeded draws, each with its own prior (default 100 x 5). */
  users?: number;
  folds?: number;
  ks?: number[];
  targets?: number;
  seed?: number;
  /** All items to rank (default: every rated item). */
  items?: readonly string[];
  /** The starter catalog with its item vectors (text side features, the taste source); default: the items bare. */
  catalog?: ScopeCatalog;
  /** The bot's model factory (tests wrap it). Default `BOT`. */
  bot?: Bot;
  prior?: PriorTrainOptions;
  /** Priors already learnt without each fold's held-out users, same seed (skips training; for tuning runs). */
  prebuilt?: Array<{ prior: CommunityPrior; bytes: number }>;
  models?: PriorModelOptions;
  log?: (msg: string) => void;
}

export interface RankScores {
  'ndcg@10': number;
  'recall@10': number;
}

export interface SystemScores {
  taste: RankScores;
  next: RankScores;
  rmse: number;
}

export interface ColdServerReport {
  /** Held-out users over all folds, and folds. */
  users: number;
  folds: number;
  trainUsers: number;
  items: number;
  targets: string;
  prior: { items: number; bytes: number; trainMs: number };
  results: Record<string, Record<'popularity' | 'no-prior' | 'prior', SystemScores>>;
}

/** The systems compared, in report order. */
export const SYSTEMS = ['popularity', 'no-prior', 'prior'] as const;
