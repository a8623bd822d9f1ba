import type { ItemGraph } from './item-graph.js';
import { topKIndices } from './topk.js';

/**
 * Each row's `keep` strongest neighbours by what the models rank them by: the count times the column's factor
 * (co-watch divides by n_b^(1 - alpha), watch-next by (n_b + 1)^0.3), ties to the earlier column; the kept
 * edges stay in their order. `rowSum` stays the whole row's (what the server has seen of the item). A busy
 * server's rows otherwise reach every item (2.7 million co-watch edges for 1,000 members x 30 items over
 * 10,000 items, rows of up to 9,479), and a member's taste reads the rows of everything they watched.
 */
export function pruneRows(g: ItemGraph, keep: number, colFactor: (col: number) => number): ItemGraph {
  let over = false;
  for (let j = 0; j < g.size && !over; j++) over = g.start[j + 1] - g.start[j] > keep;
  if (!over) return g;
  const start = new Int32Array(g.size + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  const score: number[] = [];
  for (let j = 0; j < g.size; j++) {
    const from = g.start[j];
    const to = g.start[j + 1];
    if (to - from <= keep) {
      for (let p = from; p < to; p++) {
        cols.push(g.col[p]);
        vals.push(g.val[p]);
      }
    } else {
      score.length = 0;
      for (let p = from; p < to; p++) score.push(g.val[p] * colFactor(g.col[p]));
      const kept = topKIndices(score, keep).sort((a, b) => a - b); // the strongest, ties to the earlier column
      for (const k of kept) {
        cols.push(g.col[from + k]);
        vals.push(g.val[from + k]);
      }
    }
    start[j + 1] = cols.length;
  }
  return { size: g.size, start, col: Int32Array.from(cols), val: Float32Array.from(vals), rowSum: g.rowSum };
}
