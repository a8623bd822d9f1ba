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

  it('GIVEN the index\'s kernel for similarities THEN MMR picks exactly what its own loop picks', () => {
    const unit = (id: string) => {
      const v = vectors(id);
      if (!v) return undefined;
      const n = Math.hypot(...v);
      return v.map((x) => x / n);
    };
    const calls: number[] = [];
    const dots = (q: Float32Array, ids: readonly string[]) => {
      calls.push(ids.length);
      return Float64Array.from(ids, (id) => {
        const v = unit(id);
        return v ? v[0] * q[0] + v[1] * q[1] : Number.NaN;
      });
    };
    const withKernel = new MmrSelector({ vectors: unit, lambda: 0.5, normalized: true, dots }).select(query(), pool, 4).map((c) => c.itemId);
    const plain = new MmrSelector({ vectors: unit, lambda: 0.5, normalized: true }).select(query(), pool, 4).map((c) => c.itemId);
    expect(withKernel).toEqual(plain);
    expect(withKernel.slice(0, 2)).toEqual(['x1', 'y1']);
    expect(calls.length).toBeGreaterThan(0);
  });
});

