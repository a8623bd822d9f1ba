import { describe, expect, it } from 'vitest';
import { MmrSelector, TopKSelector } from '../../../src/recsys/selectors/selectors.js';
import type { ScoredCandidate } from '../../../src/recsys/types.js';
import { cand, query } from './helpers.js';

const scored = (id: string, score: number): ScoredCandidate => ({ ...cand(id), score, scores: {} });

// three near-duplicates of one kind (x axis) scored highest, two of another kind (y axis) a bit lower
const vecs: Record<string, number[]> = { x1: [1, 0], x2: [0.99, 0.05], x3: [0.98, 0.1], y1: [0, 1], y2: [0.1, 0.99] };
const pool = [scored('x1', 1), scored('x2', 0.95), scored('x3', 0.9), scored('y1', 0.8), scored('y2', 0.7)];
const vectors = (id: string) => (vecs[id] ? Float32Array.from(vecs[id]) : undefined);

describe('selectors', () => {
  it('GIVEN scores THEN top-k returns the best count, best first', () => {
    expect(new TopKSelector().select(query(), pool.slice().reverse(), 2).map((c) => c.itemId)).toEqual(['x1', 'x2']);
  });

  it('GIVEN near-duplicates at the top THEN MMR picks the best and then something different', () => {
    const got = new MmrSelector({ vectors, lambda: 0.5 }).select(query(), pool, 3).map((c) => c.itemId);
    expect(got[0]).toBe('x1');
    expect(got[1]).toBe('y1');
    expect(got).toContain('y1');
    expect(new TopKSelector().select(query(), pool, 3).map((c) => c.itemId)).not.toContain('y1');
  });

  it('GIVEN lambda 1 THEN MMR is plain relevance order', () => {
    expect(new MmrSelector({ vectors, lambda: 1 }).select(query(), pool, 3).map((c) => c.itemId)).toEqual(['x1', 'x2', 'x3']);
  });

  it('GIVEN items without vectors or a count beyond the pool THEN MMR still returns what there is', () => {
    const got = new MmrSelector({ vectors: () => undefined }).select(query(), pool.slice(0, 2), 5);
    expect(got.map((c) => c.itemId)).toEqual(['x1', 'x2']);
  });

  it('GIVEN lambda outside [0,1] THEN construction fails', () => {
    expect(() => new MmrSelector({ vectors, lambda: 2 })).toThrow(RangeError);
  });
});
