import { addRow, ItemGraphBuilder, type ItemGraph } from './item-graph.js';
import { topKIndices } from './topk.js';

export interface SequentialOptions {
  /** How many following items an item links to (default 20). */
  window?: number;
  /** Weight of an edge at lag d is d^-lagPower. */
  lagPower?: number;
  /** Weight of the reverse edge (item after -> item before), relative to the forward one. */
  backward?: number;
  /** How many of the user's last items are used when scoring, and their decay per step back. */
  recent?: number;
  recentDecay?: number;
  /** Edge rows are divided by rowSum^rowNorm; targets by popularity^popPower. */
  rowNorm?: number;
  popPower?: number;
  /** Weight of plain (log) popularity added to every score, as a tie-breaker and prior. */
  popWeight?: number;
  /** Item text vectors (L2-normalised) and the weight of cosine similarity to the recent items. */
  itemVectors?: ReadonlyMap<string, Float32Array>;
  contentWeight?: number;
}

export interface ScoredItem {
  itemId: string;
  score: number;
  /** The input item that led to this one, when there is one (an observed transition). */
  because?: string;
}

export interface SequentialModel {
  readonly itemIds: readonly string[];
  /** Plain data for `sequentialFromState` (the model's own arrays, not copies). */
  toState(): SequentialState;
  /** Dense index of an item, or undefined when it never appeared in a history. */
  indexOf(itemId: string): number | undefined;
  /** Writes a score for every item (index order) into `out` (length itemIds.length). */
  scoreAll(recent: readonly string[], out: Float64Array): void;
  /** The k best next items after `recent` (oldest first), skipping `recent` and `exclude`. */
  scoreNext(recent: readonly string[], k: number, exclude?: ReadonlySet<string>): ScoredItem[];
}

/** A trained sequential model as plain data (typed arrays, arrays, strings, numbers). */
export interface SequentialState {
  kind: 'sequential';
  itemIds: string[];
  graph: ItemGraph;
  /** Per item: popularity normalisation of edge targets, and the log-popularity prior. */
  colWeight: Float64Array;
  prior: Float64Array;
  /** itemIds.length x dims text vectors, or null without content similarity. */
  vectors: Float32Array | null;
  dims: number;
  recent: number;
  recentDecay: number;
  rowNorm: number;
  contentWeight: number;
}

/**
 * What follows what: item -> later-item edges within a window of each ordered history, weighted by lag,
 * plus weaker reverse edges (co-occurrence), normalised against popular items; scored from the user's last
 * items with recency decay, plus optional content similarity to them.
 */
/** Tastemaker's settings, tuned on the validation item of ml-latest-small; the app and the eval both use them. */
export const TASTEMAKER_SEQ_OPTIONS: Readonly<SequentialOptions> = { window: 30 };

export function trainSequential(histories: ReadonlyMap<string, readonly string[]>, opts: SequentialOptions = {}): SequentialModel {
  const {
    window = 20, lagPower = 0.7, backward = 0.5, recent = 10, recentDecay = 0.8, rowNorm = 0.5,
    popPower = 0.3, popWeight = 0.002, contentWeight = 0, itemVectors,
  } = opts;
  const index = new Map<string, number>();
  const itemIds: string[] = [];
  const seqs: Int32Array[] = [];
  for (const h of histories.values()) {
    const s = new Int32Array(h.length);
    h.forEach((id, t) => {
      let i = index.get(id);
      if (i === undefined) {
        index.set(id, (i = itemIds.length));
        itemIds.push(id);
      }
      s[t] = i;
    });
    seqs.push(s);
  }
  const n = itemIds.length;
  const pop = new Float64Array(n);
  const lagW = new Float64Array(window + 1);
  for (let d = 1; d <= window; d++) lagW[d] = d ** -lagPower;
  const b = new ItemGraphBuilder(n);
  for (const s of seqs) {
    for (let t = 0; t < s.length; t++) {
      pop[s[t]]++;
      const end = Math.min(s.length, t + window + 1);
      for (let u = t + 1; u < end; u++) {
        if (s[u] === s[t]) continue;
        const w = lagW[u - t];
        b.add(s[t], s[u], w);
        if (backward > 0) b.add(s[u], s[t], backward * w);
      }
    }
  }
  const graph: ItemGraph = b.freeze();
  const colWeight = new Float64Array(n);
  const prior = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    colWeight[i] = (pop[i] + 1) ** -popPower;
    prior[i] = popWeight * Math.log1p(pop[i]);
  }
  const dims = itemVectors && itemVectors.size > 0 ? itemVectors.values().next().value!.length : 0;
  const vectors = dims > 0 && contentWeight > 0 ? new Float32Array(n * dims) : null;
  if (vectors) {
    itemIds.forEach((id, i) => {
      const v = itemVectors!.get(id);
      if (v) vectors.set(v, i * dims);
    });
  }
  return sequentialFromState({
    kind: 'sequential', itemIds, graph, colWeight, prior, vectors, dims: vectors ? dims : 0, recent, recentDecay, rowNorm, contentWeight,
  });
}

/** Rebuilds a sequential model from its state; scores are identical to the trained one's. */
export function sequentialFromState(st: SequentialState): SequentialModel {
  if (st.kind !== 'sequential') throw new TypeError(`unknown sequential state ${String(st.kind)}`);
  const { itemIds, graph, colWeight, prior, vectors, dims, recent, recentDecay, rowNorm, contentWeight } = st;
  const n = itemIds.length;
  if (graph.size !== n || prior.length !== n || colWeight.length !== n) throw new RangeError('sequential state: sizes differ from itemIds');
  if (vectors && vectors.length !== n * dims) throw new RangeError('sequential state: vectors size differs from itemIds x dims');
  const index = new Map<string, number>();
  itemIds.forEach((id, i) => index.set(id, i));
  const query = new Float64Array(Math.max(dims, 1));

  const scoreAll = (recentItems: readonly string[], out: Float64Array): void => {
    out.set(prior);
    const from = Math.max(0, recentItems.length - recent);
    let scale = 1;
    query.fill(0);
    for (let j = recentItems.length - 1; j >= from; j--, scale *= recentDecay) {
      const i = index.get(recentItems[j]);
      if (i === undefined) continue;
      const rs = graph.rowSum[i];
      if (rs > 0) addRow(graph, i, scale / rs ** rowNorm, out, colWeight);
      if (vectors) for (let f = 0; f < dims; f++) query[f] += scale * vectors[i * dims + f];
    }
    if (vectors) {
      let qn = 0;
      for (let f = 0; f < dims; f++) qn += query[f] * query[f];
      if (qn === 0) return;
      const w = contentWeight / Math.sqrt(qn);
      for (let i = 0; i < n; i++) {
        let dot = 0;
        const base = i * dims;
        for (let f = 0; f < dims; f++) dot += vectors[base + f] * query[f];
        out[i] += w * dot;
      }
    }
  };

  /** The most recent of `recentItems` with an edge to item `target` (what it is "often watched after"). */
  const followedBy = (recentItems: readonly string[], target: number): string | undefined => {
    const from = Math.max(0, recentItems.length - recent);
    for (let j = recentItems.length - 1; j >= from; j--) {
      const i = index.get(recentItems[j]);
      if (i === undefined) continue;
      for (let p = graph.start[i]; p < graph.start[i + 1]; p++) if (graph.col[p] === target) return recentItems[j];
    }
    return undefined;
  };

  const scratch = new Float64Array(n);
  return {
    itemIds,
    toState: () => st,
    indexOf: (id) => index.get(id),
    scoreAll,
    scoreNext(recentItems, k, exclude) {
      scoreAll(recentItems, scratch);
      const seen = new Set(recentItems);
      const top = topKIndices(scratch, k, (i) => seen.has(itemIds[i]) || (exclude?.has(itemIds[i]) ?? false));
      return top.map((i) => {
        const because = followedBy(recentItems, i);
        return because === undefined ? { itemId: itemIds[i], score: scratch[i] } : { itemId: itemIds[i], score: scratch[i], because };
      });
    },
  };
}
