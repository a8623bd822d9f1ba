import { describe, expect, it } from 'vitest';
import { pruneRows } from '../../../src/recsys/models/graph-prune.js';
import type { ItemGraph } from '../../../src/recsys/models/item-graph.js';

/** Row 0: neighbours 1..5 with counts 5, 1, 4, 2, 3; row 1: one neighbour. */
const graph = (): ItemGraph => ({
  size: 6,
  start: Int32Array.from([0, 5, 6, 6, 6, 6, 6]),
  col: Int32Array.from([1, 2, 3, 4, 5, 0]),
  val: Float32Array.from([5, 1, 4, 2, 3, 7]),
  rowSum: Float64Array.from([15, 7, 0, 0, 0, 0]),
});

describe('pruneRows: each item keeps its strongest neighbours', () => {
  it('GIVEN a row longer than kept THEN its best neighbours by count x column factor stay, in their order, and the row still says how much it saw', () => {
    const g = pruneRows(graph(), 2, () => 1);
    expect(Array.from(g.col.subarray(g.start[0], g.start[1]))).toEqual([1, 3]);
    expect(Array.from(g.val.subarray(g.start[0], g.start[1]))).toEqual([5, 4]);
    expect(Array.from(g.col.subarray(g.start[1], g.start[2]))).toEqual([0]);
    expect(g.rowSum[0]).toBe(15);
  });

  it('GIVEN a column factor that favours rare items (as co-watch does) THEN a rarer neighbour can outrank a bigger count', () => {
    // item 2 (count 1) is 10x rarer than the rest
    const g = pruneRows(graph(), 2, (b) => (b === 2 ? 10 : 1));
    expect(Array.from(g.col.subarray(g.start[0], g.start[1]))).toEqual([1, 2]);
  });

  it('GIVEN no row longer than kept THEN the graph is returned as it was', () => {
    const g = graph();
    expect(pruneRows(g, 5, () => 1)).toBe(g);
  });
});
