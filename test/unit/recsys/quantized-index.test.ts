import { describe, expect, it } from 'vitest';
import { createCatalogIndex, FLOAT16_ABOVE_BYTES } from '../../../src/recsys/index/catalog-index.js';
import { halfTable, toHalf } from '../../../src/recsys/index/half.js';
import { QuantizedIndex, type Precision } from '../../../src/recsys/index/quantized-index.js';
import { VectorIndex } from '../../../src/recsys/index/vector-index.js';
import { mulberry32 } from '../../../src/recsys/models/rng.js';

const DIMS = 64;

function data(n: number, seed: number): { ids: string[]; vecs: Float32Array[] } {
  const rand = mulberry32(seed);
  const centres = Array.from({ length: 20 }, () => Float32Array.from({ length: DIMS }, () => rand() * 2 - 1));
  const vecs = Array.from({ length: n }, () => {
    const c = centres[Math.floor(rand() * centres.length)];
    return Float32Array.from(c, (x) => x + (rand() * 2 - 1) * 0.9);
  });
  return { ids: vecs.map((_, i) => `i${i}`), vecs };
}

function recallAt10(precision: Precision, kernel: 'auto' | 'js' = 'auto'): number {
  const { ids, vecs } = data(3_000, 5);
  const exact = new VectorIndex({ model: 'm', dims: DIMS, kernel: 'js' });
  const q = new QuantizedIndex({ model: 'm', dims: DIMS, precision, kernel });
  exact.upsert(ids, vecs);
  q.upsert(ids, vecs);
  const rand = mulberry32(9);
  let hit = 0;
  for (let t = 0; t < 50; t++) {
    const query = Float32Array.from(vecs[Math.floor(rand() * vecs.length)], (x) => x + (rand() * 2 - 1) * 0.5);
    const truth = new Set(exact.search(query, 10).map((h) => h.id));
    hit += q.search(query, 10).filter((h) => truth.has(h.id)).length;
  }
  return hit / 500;
}

describe('float16 conversion', () => {
  it('GIVEN exact halves THEN the table reads them back exactly', () => {
    for (const x of [0, 1, -2, 65504, 0.5, 2 ** -24]) expect(halfTable()[toHalf(x)]).toBe(x);
  });

  it('GIVEN values of a unit vector THEN a round trip keeps them within half precision (relative error under 1/1024)', () => {
    const rand = mulberry32(3);
    for (let i = 0; i < 2_000; i++) {
      const x = (rand() * 2 - 1) * 0.3;
      const back = halfTable()[toHalf(x)];
      expect(Math.abs(back - x)).toBeLessThanOrEqual(Math.abs(x) / 1024 + 6e-8);
    }
  });
});

describe('QuantizedIndex', () => {
  it('GIVEN float16 vectors, scanned by the SIMD kernel or the JS loop THEN top-10 is the exact float32 top-10 (recall at least 0.99)', () => {
    expect(recallAt10('float16')).toBeGreaterThanOrEqual(0.99);
    expect(recallAt10('float16', 'js')).toBeGreaterThanOrEqual(0.99);
  });

  it('GIVEN the same float16 rows THEN the SIMD kernel scores them as the JS loop does', () => {
    const { ids, vecs } = data(500, 3);
    const [wasm, js] = (['auto', 'js'] as const).map((kernel) => {
      const q = new QuantizedIndex({ model: 'm', dims: DIMS, precision: 'float16', kernel, initialCapacity: 4 });
      q.upsert(ids, vecs);
      return q.search(vecs[42], 20);
    });
    expect(wasm.map((h) => h.id)).toEqual(js.map((h) => h.id));
    wasm.forEach((h, i) => expect(h.score).toBeCloseTo(js[i].score, 5));
  });

  it('GIVEN int8 vectors THEN top-10 recall stays high (at least 0.95) at a quarter of the bytes', () => {
    expect(recallAt10('int8')).toBeGreaterThanOrEqual(0.95);
  });

  it('GIVEN exclude, allow and a removal THEN searches honour them like VectorIndex does', () => {
    const { ids, vecs } = data(100, 7);
    for (const [precision, kernel] of [['float16', 'auto'], ['float16', 'js'], ['int8', 'auto']] as const) {
      const q = new QuantizedIndex({ model: 'm', dims: DIMS, precision, kernel, initialCapacity: 2 });
      q.upsert(ids, vecs);
      expect(q.search(vecs[3], 1)[0].id).toBe('i3');
      expect(q.search(vecs[3], 5, { exclude: new Set(['i3']) }).map((h) => h.id)).not.toContain('i3');
      expect(q.search(vecs[3], 5, { allow: new Set(['i1', 'i2']) }).map((h) => h.id).sort()).toEqual(['i1', 'i2']);
      expect(q.remove(['i3', 'nope'])).toBe(1);
      expect(q.size).toBe(99);
      expect(q.has('i3')).toBe(false);
      expect(q.search(vecs[99], 1)[0].id).toBe('i99'); // the last row moved into the hole, still found
      const back = q.vector('i5')!;
      const norm = Math.hypot(...vecs[5]);
      back.forEach((x, i) => expect(Math.abs(x - vecs[5][i] / norm)).toBeLessThan(0.02));
    }
  });
});

describe('createCatalogIndex', () => {
  it('GIVEN the starter catalog or float32 vectors up to the threshold THEN float32; above it THEN float16', () => {
    expect(createCatalogIndex({ model: 'm', dims: 624, items: 9_742 })).toBeInstanceOf(VectorIndex);
    expect(createCatalogIndex({ model: 'm', dims: 768, items: 30_000 })).toBeInstanceOf(VectorIndex);
    const big = createCatalogIndex({ model: 'm', dims: 768, items: Math.ceil(FLOAT16_ABOVE_BYTES / (768 * 4)) + 1 });
    expect(big).toBeInstanceOf(QuantizedIndex);
    expect((big as QuantizedIndex).precision).toBe('float16');
  });
});
