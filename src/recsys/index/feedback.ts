import { normalized } from './dot.js';
import type { SearchHit, SearchIndex, SearchOptions } from './types.js';

/**
 * Pseudo-relevance feedback (Rocchio) for a text search: search once, move the query towards the mean of
 * the top `m` results' vectors, search again. Items close to what the request found first rise even when
 * they share no word with the request; it helps where the relevant items cluster, and costs one more search.
 *
 *   q' = normalise(normalise(q) + beta * mean(vectors of the top m hits)), repeated `rounds` times.
 *
 * Chosen on the tune half of the `requests` eval's keywords (README "Text requests"): m = 3, beta = 0.3,
 * one round (more rounds, larger beta and larger m all measured worse).
 */
export interface FeedbackOptions {
  /** Results whose vectors move the query (default 3). */
  m?: number;
  /** Weight of their mean against the query (default 0.3); 0 is plain search. */
  beta?: number;
  /** Feedback rounds (default 1). */
  rounds?: number;
  /**
   * searchWithFeedback re-scores only the first `pool` hits of the plain search (default 80, the bot's
   * candidates per source; the embedding source re-scores its own k hits): a pass over `pool` rows instead
   * of the index, with the same NDCG@10 to 4 decimals as a second full search on the requests eval.
   */
  pool?: number;
}

/** What feedback needs of an index: search, and the stored vectors of the results. */
export type FeedbackIndex = Pick<SearchIndex, 'search' | 'vector'>;

export const DEFAULT_FEEDBACK: Readonly<Required<FeedbackOptions>> = Object.freeze({ m: 3, beta: 0.3, rounds: 1, pool: 80 });

/** Whether `opts` changes anything (beta > 0, m > 0 and at least one round). */
export function feedbackActive(opts: FeedbackOptions = {}): boolean {
  const { m, beta, rounds } = { ...DEFAULT_FEEDBACK, ...opts };
  return beta > 0 && m > 0 && rounds > 0;
}

/**
 * One round: `query` (normalised) moved towards the mean vector of the first `m` of `hits` (those the index
 * has a vector for). A normalised copy of `query` when there are none or feedback is off.
 */
export function feedbackQuery(query: ArrayLike<number>, hits: readonly SearchHit[], index: FeedbackIndex, opts: FeedbackOptions = {}): Float32Array {
  const { m, beta } = { ...DEFAULT_FEEDBACK, ...opts };
  const q = normalized(query);
  if (!feedbackActive(opts)) return q;
  const vecs = hits
    .slice(0, m)
    .map((h) => index.vector(h.id))
    .filter((v): v is Float32Array => v !== undefined && v.length === q.length);
  if (vecs.length === 0) return q;
  const w = beta / vecs.length;
  const moved = Float32Array.from(q);
  for (const v of vecs) for (let i = 0; i < moved.length; i++) moved[i] += w * v[i];
  return normalized(moved);
}

/**
 * The top `k` of `index` for `query` after feedback: the first max(k, pool) hits of the plain search,
 * re-scored by their cosine to the moved query. With feedback off (beta = 0, m = 0 or no rounds) it is
 * `index.search(query, k)`.
 */
export function searchWithFeedback(
  query: ArrayLike<number>,
  index: FeedbackIndex,
  k: number,
  opts: FeedbackOptions = {},
  search: SearchOptions = {},
): SearchHit[] {
  const { rounds, pool } = { ...DEFAULT_FEEDBACK, ...opts };
  let hits = index.search(Float32Array.from(query), feedbackActive(opts) ? Math.max(k, pool) : k, search);
  if (!feedbackActive(opts)) return hits;
  let q: Float32Array = Float32Array.from(query);
  for (let round = 0; round < rounds; round++) {
    q = feedbackQuery(q, hits, index, opts);
    hits = index.search(q, hits.length, { allow: new Set(hits.map((h) => h.id)) });
  }
  return hits.slice(0, k);
}
