import { describe, expect, it } from 'vitest';
import { trainBaseline } from '../../../src/recsys/models/baseline.js';
import { trainGlobalMean } from '../../../src/recsys/models/global-mean.js';
import { trainHybridMf } from '../../../src/recsys/models/hybrid-mf.js';
import { mulberry32 } from '../../../src/recsys/models/rng.js';
import { trainSvd } from '../../../src/recsys/models/svd.js';
import type { RatingTriple } from '../../../src/recsys/models/types.js';

/** Items are "good" or "bad" (the text says which); users rate good items high, bad items low. */
function synthetic(seed = 1): { ratings: RatingTriple[]; vectors: Map<string, Float32Array>; cold: string[] } {
  const rng = mulberry32(seed);
  const vectors = new Map<string, Float32Array>();
  const good = new Map<string, boolean>();
  for (let i = 0; i < 60; i++) {
    const v = new Float32Array(16);
    const isGood = i % 2 === 0;
    v[isGood ? 0 : 1] = 0.8;
    v[2 + (i % 14)] = 0.6;
    vectors.set(`i${i}`, v);
    good.set(`i${i}`, isGood);
  }
  const cold = ['i50', 'i51', 'i52', 'i53', 'i54', 'i55', 'i56', 'i57', 'i58', 'i59'];
  const ratings: RatingTriple[] = [];
  for (let u = 0; u < 80; u++) {
    for (let i = 0; i < 50; i++) {
      if (rng() < 0.5) continue;
      const base = good.get(`i${i}`) ? 4.3 : 2.0;
      ratings.push({ user: `u${u}`, item: `i${i}`, value: Math.min(5, Math.max(0.5, Math.round((base + (rng() - 0.5)) * 2) / 2)) });
    }
  }
  return { ratings, vectors, cold };
}

describe('rating models', () => {
  it('GIVEN ratings THEN every model predicts within 0.5..5, even for unknown users and items', () => {
    const { ratings } = synthetic();
    for (const m of [trainGlobalMean(ratings), trainBaseline(ratings), trainSvd(ratings, { factors: 8 }), trainHybridMf(ratings)]) {
      for (const [u, i] of [['u1', 'i2'], ['nobody', 'i2'], ['u1', 'nothing'], ['nobody', 'nothing']]) {
        const p = m.predict(u, i);
        expect(p).toBeGreaterThanOrEqual(0.5);
        expect(p).toBeLessThanOrEqual(5);
      }
      expect(m.trainingTimeMs).toBeGreaterThanOrEqual(0);
    }
  });

  it('GIVEN the same seed THEN SVD and the hybrid model train to identical predictions', () => {
    const { ratings, vectors } = synthetic();
    expect(trainSvd(ratings, { factors: 8 }).predict('u3', 'i4')).toBe(trainSvd(ratings, { factors: 8 }).predict('u3', 'i4'));
    const a = trainHybridMf(ratings, { itemVectors: vectors }).predict('u3', 'i4');
    expect(trainHybridMf(ratings, { itemVectors: vectors }).predict('u3', 'i4')).toBe(a);
  });

  it('GIVEN orderFree and the same ratings in another member order THEN the model predicts exactly the same', () => {
    const { ratings, vectors } = synthetic();
    const reversed = ratings.slice().reverse();
    const opts = { itemVectors: vectors, factors: 8, epochs: 10, orderFree: true };
    const a = trainHybridMf(ratings, opts);
    const b = trainHybridMf(reversed, opts);
    for (const [u, i] of [['u1', 'i2'], ['u3', 'i5'], ['u20', 'i52']]) expect(b.predict(u, i)).toBe(a.predict(u, i));
    // without it, the order the ratings come in decides the starting factors
    expect(trainHybridMf(reversed, { ...opts, orderFree: false }).predict('u3', 'i5')).not.toBe(a.predict('u3', 'i5'));
  });

  it('GIVEN ensemble 2 THEN each prediction is the mean of the models trained from the two seeds', () => {
    const { ratings, vectors } = synthetic();
    const opts = { itemVectors: vectors, factors: 8, epochs: 10 };
    const both = trainHybridMf(ratings, { ...opts, ensemble: 2 });
    const a = trainHybridMf(ratings, { ...opts, seed: 7 });
    const b = trainHybridMf(ratings, { ...opts, seed: 8 });
    let compared = 0;
    for (const [u, i] of [['u1', 'i2'], ['u3', 'i5'], ['u7', 'i11'], ['u20', 'i52'], ['nobody', 'i3']]) {
      const pa = a.predict(u, i);
      const pb = b.predict(u, i);
      if (Math.min(pa, pb) <= 0.5 || Math.max(pa, pb) >= 5) continue; // clipped: the mean of clipped values differs
      expect(both.predict(u, i)).toBeCloseTo((pa + pb) / 2, 4);
      compared++;
    }
    expect(compared).toBeGreaterThan(2);
    expect(both.toState().factors).toBe(16);
  });

  it('GIVEN items nobody rated but whose text says good or bad THEN side features predict good ones higher', () => {
    const { ratings, vectors, cold } = synthetic();
    const withText = trainHybridMf(ratings, { itemVectors: vectors });
    const noText = trainHybridMf(ratings);
    const goodCold = cold.filter((id) => Number(id.slice(1)) % 2 === 0);
    const badCold = cold.filter((id) => Number(id.slice(1)) % 2 === 1);
    const avg = (m: typeof withText, ids: string[]): number => ids.reduce((s, id) => s + m.predict('u7', id), 0) / ids.length;
    expect(avg(withText, goodCold) - avg(withText, badCold)).toBeGreaterThan(1.5);
    expect(Math.abs(avg(noText, goodCold) - avg(noText, badCold))).toBeLessThan(0.01);
    expect(withText.id).toBe('tastemaker');
    expect(noText.id).toBe('tastemaker-no-text');
  });
});
