import { describe, expect, it } from 'vitest';
import { QuantizedIndex } from '../../../src/recsys/index/quantized-index.js';
import { IndexMismatchError } from '../../../src/recsys/index/types.js';
import { VectorIndex } from '../../../src/recsys/index/vector-index.js';
import { randomVectors } from './helpers.js';

function bruteForce(ids: string[], vecs: Float32Array[], q: Float32Array, k: number, skip = new Set<string>()) {
  const norm = (v: Float32Array) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  return ids
    .map((id, i) => ({ id, score: vecs[i].reduce((s, x, j) => s + x * q[j], 0) / (norm(vecs[i]) * norm(q)) }))
    .filter((h) => !skip.has(h.id))
    .sort((a, b) => b.score - a.score)
    .slice(0, k);
}

describe('VectorIndex', () => {
  const dims = 37; // not a multiple of 8: exercises the unrolled loop's tail
  const vecs = randomVectors(500, dims, 7);
  const ids = vecs.map((_, i) => `i${i}`);

  it('GIVEN 500 random vectors THEN top-10 equals brute-force cosine, ids and scores', () => {
    const index = new VectorIndex({ model: 'm', dims });
    index.upsert(ids, vecs);
    for (const q of randomVectors(20, dims, 99)) {
      const got = index.search(q, 10);
      const want = bruteForce(ids, vecs, q, 10);
      expect(got.map((h) => h.id)).toEqual(want.map((h) => h.id));
      got.forEach((h, i) => expect(h.score).toBeCloseTo(want[i].score, 5));
    }
  });

  it('GIVEN an exclude set THEN those ids never come back and the rest is still exact', () => {
    const index = new VectorIndex({ model: 'm', dims });
    index.upsert(ids, vecs);
    const q = vecs[3];
    const first = index.search(q, 5).map((h) => h.id);
    expect(first[0]).toBe('i3');
    const skip = new Set(first);
    const got = index.search(q, 5, { exclude: skip });
    expect(got.some((h) => skip.has(h.id))).toBe(false);
    expect(got.map((h) => h.id)).toEqual(bruteForce(ids, vecs, q, 5, skip).map((h) => h.id));
  });

  it('GIVEN an allow set THEN only allowed ids are ranked', () => {
    const index = new VectorIndex({ model: 'm', dims });
    index.upsert(ids, vecs);
    const got = index.search(vecs[0], 10, { allow: new Set(['i5', 'i9', 'nope']) });
    expect(got.map((h) => h.id).sort()).toEqual(['i5', 'i9']);
  });

  it('GIVEN upserts past the initial capacity, a replacement and removals THEN search reflects the current contents', () => {
    const index = new VectorIndex({ model: 'm', dims, initialCapacity: 2 });
    index.upsert(ids.slice(0, 100), vecs.slice(0, 100));
    expect(index.size).toBe(100);
    index.upsert(['i0'], [vecs[200]]); // replace
    expect(index.size).toBe(100);
    expect(index.search(vecs[200], 1)[0].id).toBe('i0');
    expect(index.remove(['i0', 'i50', 'missing'])).toBe(2);
    expect(index.size).toBe(98);
    expect(index.has('i50')).toBe(false);
    // the row moved into the hole is still found by its own vector
    expect(index.search(vecs[99], 1)[0]).toMatchObject({ id: 'i99' });
    const remaining = ids.slice(1, 100).filter((id) => id !== 'i50');
    const got = index.search(vecs[7], 98).map((h) => h.id).sort();
    expect(got).toEqual(remaining.sort());
  });

  it('GIVEN vectors of another model or size THEN they are refused', () => {
    const index = new VectorIndex({ model: 'local-v1', dims: 4 });
    expect(() => index.upsert(['a'], [new Float32Array(4)], 'gemini')).toThrow(IndexMismatchError);
    expect(() => index.upsert(['a'], [new Float32Array(5)])).toThrow(IndexMismatchError);
    expect(() => index.search(new Float32Array(3), 1)).toThrow(IndexMismatchError);
    expect(index.size).toBe(0);
  });

  it('GIVEN k larger than the index or an empty index THEN it returns what there is', () => {
    const index = new VectorIndex({ model: 'm', dims });
    expect(index.search(vecs[0], 5)).toEqual([]);
    index.upsert(ids.slice(0, 3), vecs.slice(0, 3));
    expect(index.search(vecs[0], 10)).toHaveLength(3);
    expect(index.search(vecs[0], 0)).toEqual([]);
  });
});

describe('QuantizedIndex', () => {
  it('GIVEN clustered data THEN its top-10 matches exact search closely and scores are exact floats', () => {
    const dims = 64;
    const vecs = randomVectors(2000, dims, 3);
    const ids = vecs.map((_, i) => `i${i}`);
    const exact = new VectorIndex({ model: 'm', dims });
    const quant = new QuantizedIndex({ model: 'm', dims });
    exact.upsert(ids, vecs);
    quant.upsert(ids, vecs);
    quant.remove(['i10']);
    exact.remove(['i10']);
    let hit = 0;
    const queries = randomVectors(30, dims, 11);
    for (const q of queries) {
      const truth = new Set(exact.search(q, 10).map((h) => h.id));
      const got = quant.search(q, 10);
      hit += got.filter((h) => truth.has(h.id)).length;
      const exactScores = new Map(exact.search(q, 50).map((h) => [h.id, h.score]));
      for (const h of got) if (exactScores.has(h.id)) expect(h.score).toBeCloseTo(exactScores.get(h.id)!, 5);
    }
    expect(hit / (queries.length * 10)).toBeGreaterThan(0.95);
  });
});
