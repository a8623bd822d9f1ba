import { describe, expect, it } from 'vitest';
import { mixSeeds } from '../../../src/recsys/sources/seed-mix.js';

const unit = (...xs: number[]) => {
  const n = Math.hypot(...xs);
  return Float32Array.from(xs, (x) => x / n);
};
const cos = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i], 0);

describe('mixSeeds: "like Heat with more romance"', () => {
  // axes: crime, romance, comedy
  const vectors: Record<string, Float32Array> = { heat: unit(1, 0, 0), 'crime-romance': unit(1, 1, 0), romance: unit(0, 1, 0), crime: unit(1, 0, 0.1) };
  const words = unit(0, 1, 0);

  it('GIVEN a seed and words THEN what is like both is closer than what is like either alone', () => {
    const q = mixSeeds(words, ['heat'], (id) => vectors[id]);
    expect(cos(q, vectors['crime-romance'])).toBeGreaterThan(cos(q, vectors.romance));
    expect(cos(q, vectors['crime-romance'])).toBeGreaterThan(cos(q, vectors.crime));
    expect(Math.hypot(...q)).toBeCloseTo(1, 5);
  });

  it('GIVEN the words weighing less THEN the seed leads', () => {
    const q = mixSeeds(words, ['heat'], (id) => vectors[id], 0.2);
    expect(cos(q, vectors.crime)).toBeGreaterThan(cos(q, vectors.romance));
  });

  it('GIVEN seeds without vectors THEN the words search alone', () => {
    expect(mixSeeds(words, ['unknown'], (id) => vectors[id])).toBe(words);
  });
});
