import { describe, expect, it } from 'vitest';
import { contentResidual, withContentResidual } from '../../../src/recsys/models/content-residual.js';

const unit = (...xs: number[]) => {
  const n = Math.hypot(...xs);
  return Float32Array.from(xs.map((x) => x / n));
};
const V: Record<string, Float32Array> = { a: unit(1, 0), a2: unit(0.95, 0.05), b: unit(0, 1), b2: unit(0.05, 0.95) };
const vectorOf = (id: string) => V[id];
const flat = () => 3;

describe('content residual on top of a rating model', () => {
  it('GIVEN a user who rated a 5 and b 1 THEN a close to a goes up and a close to b goes down', () => {
    const f = contentResidual(flat, [{ item: 'a', value: 5 }, { item: 'b', value: 1 }], vectorOf);
    expect(f('a2')).toBeGreaterThan(3.8);
    expect(f('b2')).toBeLessThan(2.2);
  });

  it('GIVEN no ratings, or an item without a vector THEN the base prediction is kept', () => {
    expect(contentResidual(flat, [], vectorOf)('a2')).toBe(3);
    expect(contentResidual(flat, [{ item: 'a', value: 5 }], vectorOf)('unknown')).toBe(3);
  });

  it('GIVEN a larger shrink THEN the same evidence moves the prediction less', () => {
    const rated = [{ item: 'a', value: 5 }];
    const gentle = contentResidual(flat, rated, vectorOf, { shrink: 10 })('a2');
    const strong = contentResidual(flat, rated, vectorOf, { shrink: 0.1 })('a2');
    expect(strong).toBeGreaterThan(gentle);
    expect(gentle).toBeGreaterThan(3);
  });

  it('GIVEN a whole model THEN each user gets their own neighbourhood, clipped to 0.5..5', () => {
    const base = { id: 'm', trainingTimeMs: 0, predict: () => 4.9 };
    const m = withContentResidual(base, [{ user: 'u1', item: 'a', value: 5 }, { user: 'u2', item: 'a', value: 0.5 }], vectorOf, { shrink: 0.01 });
    expect(m.predict('u1', 'a2')).toBeLessThanOrEqual(5);
    expect(m.predict('u2', 'a2')).toBeLessThan(2);
    expect(m.predict('u3', 'a2')).toBeCloseTo(4.9);
  });
});
