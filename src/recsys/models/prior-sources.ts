import { isDisliked } from '../../domain/rules.js';
import type { PriorAwareModels } from './prior-models.js';
import type { ScoredItem } from './sequential.js';
import { topKIndices } from './topk.js';

/**
 * The pipeline-facing answers of `PriorAwareModels` (the shapes the co-watch, sequence, popular and taste
 * sources want), each the top k of one of its score vectors, with the item that explains an answer where
 * the blended graph has the edge.
 */

/** The top k of `scores` but `skip` (ids): marked by catalog index for the scan, unmarked after. */
function top(m: PriorAwareModels, scores: Float64Array, k: number, skip: ReadonlySet<string>): number[] {
  const mask = m.skips;
  const marked: number[] = [];
  for (const id of skip) {
    const j = m.stats.index.get(id);
    if (j !== undefined && mask[j] === 0) {
      mask[j] = 1;
      marked.push(j);
    }
  }
  try {
    return topKIndices(scores, k, marked.length > 0 ? (i) => mask[i] === 1 : undefined);
  } finally {
    for (const j of marked) mask[j] = 0;
  }
}

/**
 * Which of `from` (oldest first) explains each of `targets` (catalog indices): for target b, the index in
 * `from` of the most recent of its last `limit` entries with an edge of `kind` to b in the blended graph (the
 * server's or the prior's, whatever its weight), or -1: a reason can name that item. The rows are read most
 * recent first, and reading stops once every target has its reason.
 */
export function explainers(m: PriorAwareModels, kind: 'cowatch' | 'next', from: readonly string[], targets: readonly number[], limit = 10): Int32Array {
  const why = new Int32Array(targets.length).fill(-1);
  const slot = m.marks;
  targets.forEach((b, i) => (slot[b] = i));
  const { index, toPrior } = m.stats;
  const g = kind === 'cowatch' ? m.stats.cowatch : m.stats.next;
  const pg = m.prior?.[kind];
  let open = targets.length;
  const mark = (c: number, t: number) => {
    const i = slot[c];
    if (i >= 0 && why[i] < 0) {
      why[i] = t;
      open--;
    }
  };
  for (let t = from.length - 1, n = 0; t >= 0 && n < limit && open > 0; t--, n++) {
    const j = index.get(from[t]);
    if (j === undefined) continue;
    for (let p = g.start[j], end = g.start[j + 1]; p < end && open > 0; p++) mark(g.col[p], t);
    const pj = toPrior[j];
    if (!pg || pj < 0) continue;
    for (let p = pg.start[pj], end = pg.start[pj + 1]; p < end && open > 0; p++) {
      const c = m.fromPrior[pg.col[p]];
      if (c >= 0) mark(c, t);
    }
  }
  for (const b of targets) slot[b] = -1;
  return why;
}

function scored(m: PriorAwareModels, idx: number[], scores: Float64Array, kind?: 'cowatch' | 'next', from: readonly string[] = []): ScoredItem[] {
  const why = kind && from.length > 0 ? explainers(m, kind, from, idx) : undefined;
  const items = m.items;
  return idx.map((i, r): ScoredItem => {
    const t = why ? why[r] : -1;
    return t < 0 ? { itemId: items[i], score: scores[i] } : { itemId: items[i], score: scores[i], because: from[t] };
  });
}

/** Cold-start order: popularity and quality (prior and server blended), for the `popular` source. */
export function coldTop(m: PriorAwareModels, k: number, exclude?: ReadonlySet<string>): ScoredItem[] {
  // the model's whole cold order, sorted once, read until k items are not excluded: what top() would pick
  const idx: number[] = [];
  const items = m.items;
  for (const i of m.coldOrder()) {
    if (idx.length >= k) break;
    if (!exclude?.has(items[i])) idx.push(i);
  }
  return scored(m, idx, m.cold);
}

/** Items most co-watched with `items` (prior + server; item t's row times `weights[t]`, default 1), for the `co-watch` source. */
export function similarTo(m: PriorAwareModels, items: readonly string[], k: number, exclude?: ReadonlySet<string>, weights?: readonly number[]): ScoredItem[] {
  const out = m.scratch.fill(0);
  items.forEach((id, t) => {
    const j = m.stats.index.get(id);
    if (j !== undefined) m.addRow('cowatch', j, (weights?.[t] ?? 1) / items.length, out);
  });
  const skip = new Set([...items, ...(exclude ?? [])]);
  const idx = top(m, out, k, skip).filter((i) => out[i] > 0);
  return scored(m, idx, out, 'cowatch', items);
}

/** What tends to be watched after `recent` (oldest first; prior + server), cold order breaking ties. */
export function nextItems(m: PriorAwareModels, recent: readonly string[], k: number, exclude?: ReadonlySet<string>): ScoredItem[] {
  const out = m.scratch;
  for (let i = 0; i < out.length; i++) out[i] = 1e-3 * m.cold[i];
  m.addNext(recent, 1, out);
  const skip = new Set([...recent, ...(exclude ?? [])]);
  return scored(m, top(m, out, k, skip), out, 'next', recent);
}

function watched(m: PriorAwareModels, user: string, exclude?: ReadonlySet<string>): Set<string> {
  const seen = new Set(Array.from(m.memberView(user).history, (i) => m.items[i]));
  for (const id of exclude ?? []) seen.add(id);
  return seen;
}

/** A member's taste-only top k (what they watched and `exclude` skipped): the cold-server "taste" ranking. */
export function tasteTop(m: PriorAwareModels, user: string, k: number, exclude?: ReadonlySet<string>): ScoredItem[] {
  const out = m.tasteScores(user); // read only: the member's kept taste scores, not a copy
  // A pick is explained by what the member liked, never by what they rated as disliked.
  const view = m.memberView(user);
  const disliked = new Set(view.ratings.filter((r) => isDisliked(r.value)).map((r) => r.item));
  const history = Array.from(view.history, (i) => m.items[i]).filter((id) => !disliked.has(id));
  return scored(m, top(m, out, k, watched(m, user, exclude)), out, 'cowatch', history);
}

/** A member's next top k after `recent` (oldest first): the cold-server "next" ranking. */
export function nextTop(m: PriorAwareModels, user: string, recent: readonly string[], k: number, exclude?: ReadonlySet<string>): ScoredItem[] {
  const out = m.scratch;
  m.scoreNext(user, recent, out);
  const skip = watched(m, user, exclude);
  for (const id of recent) skip.add(id);
  return scored(m, top(m, out, k, skip), out, 'next', recent);
}
