import { afterEach, describe, expect, it } from 'vitest';
import { Engines } from '../../../src/engine/engines.js';
import { createLocalEmbedder } from '../../../src/embed/local.js';
import { createLogger } from '../../../src/log.js';
import { CatalogRepo, createStore, ProfileRepo, type Store } from '../../../src/store/index.js';

const embedder = createLocalEmbedder();
let store: Store | undefined;
let engines: Engines | undefined;

afterEach(async () => {
  engines?.close();
  await store?.close();
  engines = store = undefined;
});

/** A store with one catalog of `items` items per server, and engines over it with `maxBytes`. */
async function setup(servers: Record<string, number>, maxBytes?: number) {
  store = await createStore('memory://');
  const catalogs = new CatalogRepo(store);
  for (const [g, n] of Object.entries(servers)) {
    const items = Array.from({ length: n }, (_, i) => ({ id: `${g}-${i}`, title: `Film ${i} of ${g}`, description: `a story number ${i} told in ${g}`, tags: ['drama'] }));
    await catalogs.write(g, items, null, { updatedBy: 'admin', source: 'upload' });
  }
  engines = new Engines({ catalogs, profiles: new ProfileRepo(store), embedder, logger: createLogger('silent'), maxBytes, trainInWorker: false });
  return engines;
}

async function use(e: Engines, g: string): Promise<void> {
  await e.catalog(g);
  await e.models(g);
}

/** What one server of `n` items weighs once loaded and trained. */
async function weightOf(n: number): Promise<number> {
  const e = await setup({ one: n });
  await use(e, 'one');
  const w = e.memory.calculatedSize;
  e.close();
  await store!.close();
  store = undefined;
  return w;
}

describe('Engines: memory is bounded by bytes', () => {
  it('GIVEN a budget of 2.5 servers and five servers used in turn THEN the total stays under it and the least recently used go first', async () => {
    const one = await weightOf(300);
    const budget = Math.round(one * 2.5);
    const e = await setup({ g1: 300, g2: 300, g3: 300, g4: 300, g5: 300 }, budget);
    for (const g of ['g1', 'g2', 'g3']) {
      await use(e, g);
      expect(e.memory.calculatedSize).toBeLessThanOrEqual(budget);
    }
    expect(e.size).toBe(2);
    expect(e.memory.has('g1')).toBe(false); // the oldest went when g3 came
    await use(e, 'g2'); // g2 is now the most recently used, g3 the least
    await use(e, 'g4');
    expect(e.memory.calculatedSize).toBeLessThanOrEqual(budget);
    expect(e.memory.has('g2')).toBe(true);
    expect(e.memory.has('g3')).toBe(false);
    expect(e.memory.has('g4')).toBe(true);
  });

  it('GIVEN an evicted server THEN its next use reloads its whole catalog', async () => {
    const one = await weightOf(50);
    const e = await setup({ g1: 50, g2: 50, g3: 50 }, Math.round(one * 1.5));
    for (const g of ['g1', 'g2', 'g3']) await use(e, g);
    expect(e.memory.has('g1')).toBe(false);
    const again = await e.catalog('g1');
    expect(again.items.map((i) => i.id)).toEqual(Array.from({ length: 50 }, (_, i) => `g1-${i}`));
    expect(again.index.size).toBe(50);
    expect(e.memory.has('g1')).toBe(true);
  });

  it('GIVEN one server heavier than the whole budget THEN it is kept, alone, instead of reloading on every use', async () => {
    const small = await weightOf(20);
    const e = await setup({ big: 2_000, small: 20 }, small * 3);
    await use(e, 'small');
    await use(e, 'big');
    expect(e.memory.has('big')).toBe(true);
    expect(e.memory.has('small')).toBe(false);
    expect(e.memory.calculatedSize).toBeLessThanOrEqual(small * 3);
    const before = await e.catalog('big');
    expect(await e.catalog('big')).toBe(before); // the same loaded catalog, not a reload
  });

  it('GIVEN catalogs of 1,000 and 4,000 items THEN the weight counts every vector and grows with the catalog', async () => {
    const w1 = await weightOf(1_000);
    const w4 = await weightOf(4_000);
    expect(w1).toBeGreaterThan(1_000 * embedder.dims * 4); // the vectors alone
    expect(w4 / w1).toBeGreaterThan(3);
    expect(w4 / w1).toBeLessThan(5);
  });
});
