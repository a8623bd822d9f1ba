import { addRow, ItemGraphBuilder, type ItemGraph } from './item-graph.js';
import { topKIndices } from './topk.js';
import type { ScoredItem } from './sequential.js';

export interface CowatchOptions {
  /** Only the last `maxPerUser` items of each history count (bounds the cost of very long histories). */
  maxPerUser?: number;
  /** Similarity = co(a, b) / (n_a^alpha * n_b^(1 - alpha)); 0.5 is cosine. */
  alpha?: number;
  /** Pairs seen fewer times are ignored. */
  minCount?: number;
}

export interface CowatchModel {
  /** Plain data for `cowatchFromState` (the model's own arrays, not copies). */
  toState(): CowatchState;
  /**
   * Items most often found together with `items` (similarity summed, seed j's row times `weights[j]`, default
   * 1), skipping them and `exclude`.
   */
  similarTo(items: readonly string[], k: number, exclude?: ReadonlySet<string>, weights?: readonly number[]): ScoredItem[];
}

/** A trained co-watch model as plain data: item ids and the normalised similarity graph (CSR). */
export interface CowatchState {
  kind: 'cowatch';
  ids: string[];
  graph: ItemGraph;
}

/** Item-item co-occurrence over users' histories (order ignored), cosine-normalised. */
export function trainCowatch(histories: ReadonlyMap<string, readonly string[]>, opts: CowatchOptions = {}): CowatchModel {
  const { maxPerUser = 200, alpha = 0.5, minCount = 1 } = opts;
  const index = new Map<string, number>();
  const ids: string[] = [];
  const sets: Int32Array[] = [];
  for (const h of histories.values()) {
    const uniq = [...new Set(h.slice(-maxPerUser))];
    sets.push(
      Int32Array.from(uniq, (id) => {
        let i = index.get(id);
        if (i === undefined) {
          index.set(id, (i = ids.length));
          ids.push(id);
        }
        return i;
      }),
    );
  }
  const n = ids.length;
  const count = new Float64Array(n);
  const b = new ItemGraphBuilder(n);
  for (const s of sets) {
    for (let x = 0; x < s.length; x++) {
      count[s[x]]++;
      for (let y = 0; y < s.length; y++) if (x !== y) b.add(s[x], s[y], 1);
    }
  }
  const g = b.freeze();
  for (let a = 0; a < n; a++) {
    for (let p = g.start[a]; p < g.start[a + 1]; p++) {
      const c = g.val[p];
      g.val[p] = c < minCount ? 0 : c / (count[a] ** alpha * count[g.col[p]] ** (1 - alpha));
    }
  }
  return cowatchFromState({ kind: 'cowatch', ids, graph: g });
}

/** Rebuilds a co-watch model from its state; results are identical to the trained one's. */
export function cowatchFromState(st: CowatchState): CowatchModel {
  if (st.kind !== 'cowatch') throw new TypeError(`unknown cowatch state ${String(st.kind)}`);
  const { ids, graph: g } = st;
  const n = ids.length;
  if (g.size !== n || g.start.length !== n + 1) throw new RangeError('cowatch state: graph size differs from ids');
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));
  const scratch = new Float64Array(n);
  return {
    toState: () => st,
    similarTo(items, k, exclude, weights) {
      scratch.fill(0);
      const seeds = new Set<number>();
      items.forEach((id, j) => {
        const i = index.get(id);
        if (i === undefined) return;
        seeds.add(i);
        addRow(g, i, weights?.[j] ?? 1, scratch);
      });
      const top = topKIndices(scratch, k, (i) => scratch[i] <= 0 || seeds.has(i) || (exclude?.has(ids[i]) ?? false));
      return top.map((i) => ({ itemId: ids[i], score: scratch[i] }));
    },
  };
}
