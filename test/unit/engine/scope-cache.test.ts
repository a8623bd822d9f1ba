import { describe, expect, it } from 'vitest';
import { estimateBytes } from '../../../src/engine/engine-bytes.js';
import { ScopeCache, type WeighedSlot } from '../../../src/engine/scope-cache.js';
import { createLogger } from '../../../src/log.js';

type Slot = WeighedSlot & { name?: string };
const logger = createLogger('silent');
const cache = (maxBytes: number) => new ScopeCache<Slot>(maxBytes, logger, [], (bytes) => ({ bytes }));
/** A catalog-like shared part of about `mb` MB, and a scope's own data referencing it. */
const part = (mb: number) => ({ index: new Float32Array((mb * 2 ** 20) / 4), items: ['a', 'b'] });

describe('ScopeCache: shared parts weigh once and go with their last holder', () => {
  it('GIVEN two scopes holding one 8 MB part THEN the cache counts the part once, not in each scope', () => {
    const c = cache(100 * 2 ** 20);
    const p = part(8);
    const own = estimateBytes([{ view: p, extra: new Float32Array(1024) }]);
    for (const scope of ['a', 'b']) {
      const s: Slot = {};
      c.set(scope, s);
      c.hold(scope, 'k', p);
      c.weigh(scope, s, [{ view: p, extra: new Float32Array(1024) }]);
    }
    expect(own).toBeGreaterThan(8 * 2 ** 20); // alone, a scope's data reaches the part's bytes
    expect(c.calculatedSize).toBeGreaterThan(8 * 2 ** 20);
    expect(c.calculatedSize).toBeLessThan(8.5 * 2 ** 20); // the part once, plus two small scopes
    expect(c.scopes).toBe(2);
  });

  it('GIVEN a part whose holders were all dropped as least recently used THEN the part is dropped too and its bytes are no longer counted', () => {
    const c = cache(20 * 2 ** 20);
    const p = part(8);
    for (const scope of ['a', 'b']) {
      const s: Slot = {};
      c.set(scope, s);
      c.hold(scope, 'k', p);
      c.weigh(scope, s, [{ view: p }]);
    }
    for (const scope of ['c', 'd']) {
      const s: Slot = {};
      c.set(scope, s);
      c.weigh(scope, s, [{ own: new Float32Array((7 * 2 ** 20) / 4) }]);
    }
    expect(c.has('a') || c.has('b')).toBe(false);
    expect(c.part('k')).toBeUndefined();
    expect(c.calculatedSize).toBeLessThanOrEqual(20 * 2 ** 20);
    expect(c.scopes).toBe(2);
  });

  it('GIVEN a part held by one scope and used by it THEN other scopes go first, and a scope alone may claim it', () => {
    const c = cache(20 * 2 ** 20);
    const p = part(8);
    const a: Slot = {};
    c.set('a', a);
    c.hold('a', 'k', p);
    c.weigh('a', a, [{ view: p }]);
    const b: Slot = {};
    c.set('b', b);
    c.weigh('b', b, [{ own: new Float32Array((6 * 2 ** 20) / 4) }]);
    c.use('a');
    const d: Slot = {};
    c.set('d', d);
    c.weigh('d', d, [{ own: new Float32Array((6 * 2 ** 20) / 4) }]);
    expect(c.has('b')).toBe(false);
    expect(c.has('a')).toBe(true);
    expect(c.part('k')).toBe(p);
    c.hold('d', 'k', p);
    expect(c.claim('a', 'k')).toBe(false); // d held it too
    expect(c.part('k')).toBe(p);
    const q = part(1);
    c.hold('a', 'mine', q);
    expect(c.claim('a', 'mine')).toBe(true); // nobody else ever held it: a may change it in place
    expect(c.part('mine')).toBeUndefined(); // and nobody finds it from now on
  });
});
