import { describe, expect, it } from 'vitest';
import { matchScore, MATCH_SHRINK, sharedFavourites } from '../../../src/recsys/group-match.js';

const r = (o: Record<string, number>) => new Map(Object.entries(o));

describe('taste match', () => {
  it('GIVEN two ratings in common, rated exactly alike THEN the match is well under 100% (shrinkage), and above 50%', () => {
    const s = matchScore(r({ a: 5, b: 1, x: 3 }), r({ a: 5, b: 1, y: 3 }));
    expect(s.common).toBe(2);
    expect(s.agreement).toBeCloseTo(1);
    expect(s.percent).toBe(Math.round(50 + 50 * (2 / (2 + MATCH_SHRINK))));
    expect(s.percent).toBeLessThan(100);
    expect(s.percent).toBeGreaterThan(50);
  });

  it('GIVEN fifty titles rated alike THEN the match is close to 100%; rated opposite THEN close to 0%', () => {
    const a: Record<string, number> = {};
    const b: Record<string, number> = {};
    const c: Record<string, number> = {};
    for (let k = 0; k < 50; k++) {
      a[`i${k}`] = k % 2 ? 5 : 1;
      b[`i${k}`] = k % 2 ? 4.5 : 1.5;
      c[`i${k}`] = k % 2 ? 1 : 5;
    }
    expect(matchScore(r(a), r(b)).percent).toBeGreaterThanOrEqual(95);
    expect(matchScore(r(a), r(c)).percent).toBeLessThanOrEqual(5);
  });

  it('GIVEN a generous and a harsh rater who order titles alike THEN they match (ratings centred on each member\'s mean)', () => {
    const s = matchScore(r({ a: 5, b: 4, c: 4.5, d: 4 }), r({ a: 3, b: 1, c: 2, d: 1 }));
    expect(s.agreement).toBeGreaterThan(0.9);
  });

  it('GIVEN nothing rated in common THEN there is no score, not 0% or 50%', () => {
    expect(matchScore(r({ a: 5 }), r({ b: 5 }))).toEqual({ percent: null, common: 0, agreement: 0 });
  });

  it('GIVEN titles both rated THEN the shared favourites are those both loved, best for both first', () => {
    expect(sharedFavourites(r({ a: 5, b: 4, c: 5, d: 2 }), r({ a: 4.5, b: 5, c: 3, d: 5 }))).toEqual(['a', 'b']);
  });
});
