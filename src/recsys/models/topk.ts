import { TopK } from '../index/topk.js';

/**
 * Top-k indices of `scores` (descending; ties by lower index), skipping `skip(i)`, with scores > -Infinity:
 * the index's heap (`TopK`) over the scores in index order. `skip` is asked only of items that would enter.
 */
export function topKIndices(scores: ArrayLike<number>, k: number, skip?: (i: number) => boolean): number[] {
  if (!(k > 0)) return [];
  const cap = Math.min(Math.floor(k), scores.length);
  if (cap <= 0) return [];
  const heap = new TopK(cap);
  // i is above every kept index, so it loses a tie with the root: it must beat the root's score (-Infinity
  // while the heap fills, which no NaN or -Infinity beats)
  let floor = heap.threshold;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (!(s > floor) || skip?.(i)) continue;
    heap.push(i, s);
    floor = heap.threshold;
  }
  return heap.sortedRows();
}
