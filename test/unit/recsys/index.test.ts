import { describe, expect, it } from 'vitest';
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

describe('VectorIndex wasm kernel', () => {
  it('GIVEN dims divisible by 16 THEN the SIMD kernel answers like the JS kernel, through growth and removal', () => {
    const dims = 48;
    const vecs = randomVectors(300, dims, 5);
    const ids = vecs.map((_, i) => `i${i}`);
    const wasm = new VectorIndex({ model: 'm', dims, kernel: 'wasm', initialCapacity: 4 });
    const js = new VectorIndex({ model: 'm', dims, kernel: 'js' });
    for (const index of [wasm, js]) {
      index.upsert(ids.slice(0, 150), vecs.slice(0, 150));
      index.upsert(ids.slice(150), vecs.slice(150));
      index.remove(['i3', 'i299']);
    }
    for (const q of randomVectors(10, dims, 8)) {
      const a = wasm.search(q, 10);
      const b = js.search(q, 10, { exclude: new Set(['i7']) });
      const a2 = wasm.search(q, 10, { exclude: new Set(['i7']) });
      expect(a.map((h) => h.id)).toEqual(bruteForce(ids, vecs, q, 10, new Set(['i3', 'i299'])).map((h) => h.id));
      expect(a2.map((h) => h.id)).toEqual(b.map((h) => h.id));
      a2.forEach((h, i) => expect(h.score).toBeCloseTo(b[i].score, 5));
    }
  });

  it('GIVEN dims not divisible by 16 THEN asking for the wasm kernel fails clearly', () => {
    expect(() => new VectorIndex({ model: 'm', dims: 10, kernel: 'wasm' })).toThrow(/divisible by 16/);
  });
});
