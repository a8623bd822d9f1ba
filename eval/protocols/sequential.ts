import type { RatingTriple } from '../../src/recsys/models/types.js';
import { compareIds, timeOrdered } from '../../src/recsys/models/prior-train.js';
import { rankMetrics, round } from '../metrics.js';

/** Ordered histories after LlamaRec's preprocessing. */
export interface SequenceData {
  histories: Map<string, string[]>;
  items: string[];
}

/**
 * LlamaRec's protocol (Yue et al. 2023): every rating is an interaction; items without a title dropped;
 * iterative 5-core on users and items; each history sorted by (timestamp, item id).
 */
export function prepareSequences(ratings: readonly RatingTriple[], hasTitle: (item: string) => boolean, minCount = 5): SequenceData {
  let rows = ratings.filter((r) => hasTitle(r.item));
  for (;;) {
    const iCount = new Map<string, number>();
    const uCount = new Map<string, number>();
    for (const r of rows) {
      iCount.set(r.item, (iCount.get(r.item) ?? 0) + 1);
      uCount.set(r.user, (uCount.get(r.user) ?? 0) + 1);
    }
    const kept = rows.filter((r) => (iCount.get(r.item) ?? 0) >= minCount && (uCount.get(r.user) ?? 0) >= minCount);
    if (kept.length === rows.length) break;
    rows = kept;
  }
  const byUser = timeOrdered(rows);
  const histories = new Map<string, string[]>();
  const items = new Set<string>();
  for (const [u, l] of byUser) {
    histories.set(u, l.map((r) => r.item));
    for (const r of l) items.add(r.item);
  }
  return { histories, items: [...items].sort(compareIds) };
}

/**
 * Scores every item of `items` (same order) for a user given the input history; higher is better. A scorer
 * that returns a list (the bot's pipeline) scores its items by rank and everything else -Infinity.
 */
export type NextScorer = (user: string, input: readonly string[], out: Float64Array) => void | Promise<void>;
/** Builds a scorer from training histories (the inputs of the split: histories without their targets). */
export type NextTrainer = (train: Map<string, string[]>) => NextScorer;

export interface SequentialMetrics {
  'ndcg@10': number;
  'recall@10': number;
  'mrr@10': number;
}

/** One split's inputs: each user's history before the target, and the target. */
export interface NextSplit {
  split: 'validation' | 'test';
  train: Map<string, string[]>;
  targets: Map<string, string>;
}

/** Leave-one-out: target = last item ('test') or second-last ('validation'); the input is the history before it. */
export function splitNext(data: SequenceData, split: 'validation' | 'test'): NextSplit {
  return splitAt(data, split === 'test' ? 1 : 2);
}

/**
 * The target `cut` items from the end of each history (1: the test item, 2: the validation item, more: earlier
 * validation items, never the test item); users with no input before it are left out.
 */
export function splitAt(data: SequenceData, cut: number): NextSplit {
  const train = new Map<string, string[]>();
  const targets = new Map<string, string>();
  for (const [u, h] of data.histories) {
    train.set(u, h.slice(0, Math.max(0, h.length - cut)));
    if (h.length >= cut + 1) targets.set(u, h[h.length - cut]);
  }
  return { split: cut === 1 ? 'test' : 'validation', train, targets };
}

/**
 * Leave-one-out (`splitNext`): ALL items are ranked with the input history masked; ties count against the target.
 */
export async function evaluateNext(data: SequenceData, trainer: NextTrainer, split: 'validation' | 'test', k = 10): Promise<SequentialMetrics> {
  const s = splitNext(data, split);
  return scoreNext(data, s, trainer(s.train), k);
}

/** The metrics of one trained scorer on a split (several scorers can share one split's training). */
export async function scoreNext(data: SequenceData, s: NextSplit, scorer: NextScorer, k = 10): Promise<SequentialMetrics> {
  const pos = new Map(data.items.map((id, i) => [id, i]));
  const scores = new Float64Array(data.items.length);
  let ndcg = 0;
  let recall = 0;
  let mrr = 0;
  let n = 0;
  for (const [u, target] of s.targets) {
    const input = s.train.get(u)!;
    await scorer(u, input, scores);
    for (const it of input) scores[pos.get(it)!] = Number.NEGATIVE_INFINITY;
    const t = scores[pos.get(target)!];
    // -Infinity: not ranked at all (masked, or left out of a list shorter than k)
    let rank = t === Number.NEGATIVE_INFINITY ? k : 0;
    for (let i = 0; i < scores.length && rank < k; i++) if (scores[i] > t || (scores[i] === t && data.items[i] !== target && i < pos.get(target)!)) rank++;
    const m = rankMetrics(rank < k ? rank : -1, k);
    ndcg += m.ndcg;
    recall += m.recall;
    mrr += m.mrr;
    n++;
  }
  return { 'ndcg@10': round(ndcg / n), 'recall@10': round(recall / n), 'mrr@10': round(mrr / n) };
}
