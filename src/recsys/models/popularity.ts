import { topKIndices } from './topk.js';
import type { ScoredItem } from './sequential.js';

export interface PopularityEvent {
  item: string;
  /** Milliseconds since the epoch (or any unit, as long as `halfLife` and `now` use the same). */
  at?: number;
  weight?: number;
}

export interface PopularityOptions {
  /** Half-life of an event's weight; Infinity (default) counts all events equally. */
  halfLife?: number;
  /** Reference time for the decay (default: the latest event). */
  now?: number;
}

export interface PopularityModel {
  /** Plain data for `popularityFromState` (the model's own arrays, not copies). */
  toState(): PopularityState;
  score(itemId: string): number;
  top(k: number, exclude?: ReadonlySet<string>): ScoredItem[];
}

/** A trained popularity model as plain data: item ids (sorted) and their decayed counts. */
export interface PopularityState {
  kind: 'popularity';
  ids: string[];
  scores: Float64Array;
}

/** Time-decayed event counts: each event weighs 2^-(age / halfLife). */
export function trainPopularity(events: Iterable<PopularityEvent>, opts: PopularityOptions = {}): PopularityModel {
  const list = [...events];
  const halfLife = opts.halfLife ?? Number.POSITIVE_INFINITY;
  let now = opts.now;
  if (now === undefined) {
    now = Number.NEGATIVE_INFINITY;
    for (const e of list) if (e.at !== undefined && e.at > now) now = e.at;
    if (now === Number.NEGATIVE_INFINITY) now = 0;
  }
  const counts = new Map<string, number>();
  for (const e of list) {
    const age = e.at === undefined ? 0 : Math.max(0, now - e.at);
    const w = (e.weight ?? 1) * (Number.isFinite(halfLife) ? 2 ** (-age / halfLife) : 1);
    counts.set(e.item, (counts.get(e.item) ?? 0) + w);
  }
  const ids = [...counts.keys()].sort();
  return popularityFromState({ kind: 'popularity', ids, scores: Float64Array.from(ids, (id) => counts.get(id)!) }, counts);
}

/** Rebuilds a popularity model from its state; scores are identical to the trained one's. */
export function popularityFromState(st: PopularityState, counts?: ReadonlyMap<string, number>): PopularityModel {
  if (st.kind !== 'popularity') throw new TypeError(`unknown popularity state ${String(st.kind)}`);
  const { ids, scores } = st;
  if (scores.length !== ids.length) throw new RangeError('popularity state: scores length differs from ids');
  const byId = counts ?? new Map(ids.map((id, i) => [id, scores[i]]));
  return {
    toState: () => st,
    score: (id) => byId.get(id) ?? 0,
    top(k, exclude) {
      return topKIndices(scores, k, exclude ? (i) => exclude.has(ids[i]) : undefined).map((i) => ({ itemId: ids[i], score: scores[i] }));
    },
  };
}
