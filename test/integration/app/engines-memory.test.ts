import { describe, expect, it } from 'vitest';
import { Engines } from '../../../src/engine/engines.js';
import { createLocalEmbedder } from '../../../src/embed/local.js';
import { createLogger } from '../../../src/log.js';
import { CatalogRepo, createStore, ProfileRepo } from '../../../src/store/index.js';

describe('Engines: memory per server is bounded', () => {
  it('GIVEN maxScopes 2 and four servers used in turn THEN at most 2 stay in memory and an evicted one reloads whole', async () => {
    const store = await createStore('memory://');
    const catalogs = new CatalogRepo(store);
    const profiles = new ProfileRepo(store);
    const engines = new Engines({ catalogs, profiles, embedder: createLocalEmbedder(), logger: createLogger('silent'), maxScopes: 2, trainInWorker: false });
    for (const g of ['g1', 'g2', 'g3', 'g4']) {
      await catalogs.write(g, [{ id: `${g}-a`, title: `Film of ${g}` }, { id: `${g}-b`, title: 'Another film' }], null, { updatedBy: 'admin', source: 'upload' });
      await engines.catalog(g);
      await engines.models(g);
      expect(engines.size).toBeLessThanOrEqual(2);
    }
    const again = await engines.catalog('g1');
    expect(again.items.map((i) => i.id)).toEqual(['g1-a', 'g1-b']);
    expect(again.index.size).toBe(2);
    engines.close();
    await store.close();
  });
});
