import { describe, expect, it } from 'vitest';
import { Cooldown } from '../../../src/kit/cooldown.js';

describe('Cooldown (per-key window over an LRU)', () => {
  it('GIVEN 3 uses per 10 s THEN the 4th within the window is refused until the window ends, then allowed', () => {
    let now = 1_000_000;
    const c = new Cooldown({ uses: 3, windowMs: 10_000, clock: () => now });
    expect([c.take('ana'), c.take('ana'), c.take('ana')].every((t) => t.ok)).toBe(true);
    now += 4_000;
    expect(c.take('ana')).toEqual({ ok: false, retryAt: 1_010_000, firstRefusal: true });
    expect(c.take('ana')).toEqual({ ok: false, retryAt: 1_010_000, firstRefusal: false });
    expect(c.take('bob').ok).toBe(true);
    now = 1_010_000;
    expect(c.take('ana').ok).toBe(true);
  });

  it('GIVEN a refused take THEN it does not extend the wait (refusals are not counted as uses)', () => {
    let now = 0;
    const c = new Cooldown({ uses: 1, windowMs: 1_000, clock: () => now });
    c.take('k');
    for (let k = 0; k < 50; k++) {
      now += 10;
      c.take('k');
    }
    now = 1_000;
    expect(c.take('k').ok).toBe(true);
  });

  it('GIVEN far more members than maxKeys THEN memory stays bounded at maxKeys', () => {
    const c = new Cooldown({ uses: 1, windowMs: 60_000, maxKeys: 1_000, clock: () => 5 });
    for (let k = 0; k < 20_000; k++) c.take(`member-${k}`);
    expect(c.size).toBe(1_000);
  });

  it('GIVEN no uses or no window THEN it refuses to be built', () => {
    expect(() => new Cooldown({ uses: 0, windowMs: 1 })).toThrow(RangeError);
    expect(() => new Cooldown({ uses: 1, windowMs: 0 })).toThrow(RangeError);
  });
});
