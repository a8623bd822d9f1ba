/** What a catalog core grows after it is built (the title-word index) counts in ENGINE_MEMORY_MB, once. */
import { describe, expect, it } from 'vitest';
import { CoreExtras } from '../../../src/engine/core-extras.js';
import { ScopeCache, type WeighedSlot } from '../../../src/engine/scope-cache.js';
import { titleEchoes } from '../../../src/app/title-echo.js';
import { createLogger } from '../../../src/log.js';
import type { CatalogItem } from '../../../src/domain/item.js';

const MB = 2 ** 20;
const cache = () => new ScopeCache<WeighedSlot>(100 * MB, createLogger('silent'), [], (bytes) => ({ bytes }));
const core = (extras: CoreExtras) => ({ index: new Float32Array((4 * MB) / 4), extras });

describe('catalog core extras', () => {
  it('GIVEN two scopes on one core WHEN its extras grow by 3 MB THEN the cache counts 3 MB more, once', () => {
    const c = cache();
    const extras = new CoreExtras();
    const p = core(extras);
    for (const scope of ['a', 'b']) {
      const s: WeighedSlot = {};
      c.set(scope, s);
      c.hold(scope, 'k', p);
      c.weigh(scope, s, [{ view: p }]);
    }
    const before = c.calculatedSize;
    extras.grew(3 * MB);
    expect(c.calculatedSize - before).toBe(3 * MB);
    extras.grew(1 * MB);
    expect(c.calculatedSize - before).toBe(4 * MB);
  });

  it('GIVEN a request on a catalog with extras THEN the title-word index is built into them and its bytes told', async () => {
    const items: CatalogItem[] = Array.from({ length: 600 }, (_, i) => ({ id: `m${i}`, title: `Twist Number ${i} Heist`, tags: ['Drama'] }));
    const extras = new CoreExtras();
    let told = 0;
    extras.onGrow = (bytes) => (told = bytes);
    const byId = new Map(items.map((it) => [it.id, it]));
    titleEchoes('a tense heist movie with a clever twist', (id) => byId.get(id), items, extras);
    for (let turn = 0; turn < 5 && told === 0; turn++) await new Promise((r) => setImmediate(r));
    expect(extras.get('title-words')).toBeDefined();
    expect(told).toBeGreaterThan(0);
    expect(extras.bytes).toBe(told);
  });
});
