/** The one heap of searches and models: the k best (row, score) pairs, ties by lower row, whatever order they come in. */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../../src/recsys/models/rng.js';
import { TopK } from '../../../../src/recsys/index/topk.js';

function reference(pairs: { row: number; score: number }[], k: number): { row: number; score: number }[] {
  return [...pairs].sort((a, b) => b.score - a.score || a.row - b.row).slice(0, k);
}

describe('TopK', () => {
  it('GIVEN equal scores pushed from the highest row down THEN the lower rows are kept, best first', () => {
    const heap = new TopK(2);
    for (const row of [9, 7, 5, 3]) heap.push(row, 1);
    expect(heap.sorted()).toEqual([{ row: 3, score: 1 }, { row: 5, score: 1 }]);
    expect(heap.sortedRows()).toEqual([3, 5]);
  });

  it('GIVEN pairs in shuffled order with many ties THEN it keeps what sorting everything would', () => {
    const rng = mulberry32(11);
    for (let t = 0; t < 200; t++) {
      const n = Math.floor(rng() * 300);
      const k = Math.floor(rng() * 40);
      const rows = Array.from({ length: n }, (_, i) => i).sort(() => rng() - 0.5);
      const pairs = rows.map((row) => ({ row, score: Math.floor(rng() * 6) }));
      const heap = new TopK(k);
      for (const p of pairs) heap.push(p.row, p.score);
      expect(heap.sorted()).toEqual(reference(pairs, k));
    }
  });

  it('GIVEN k = 0 THEN nothing is kept', () => {
    const heap = new TopK(0);
    heap.push(1, 5);
    expect(heap.sorted()).toEqual([]);
  });
});
