import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { Engines } from '../../../src/engine/engines.js';
import { createLocalEmbedder } from '../../../src/embed/local.js';
import { createLogger } from '../../../src/log.js';
import type { AppServices } from '../../../src/services.js';
import { CatalogRepo, createStore, ProfileRepo, type Store } from '../../../src/store/index.js';
import { caller, makeApp } from '../../helpers/app.js';

const embedder = createLocalEmbedder();
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/app/${name}`, import.meta.url)));
let store: Store | undefined;
let engines: Engines | undefined;
let app: AppServices | undefined;

afterEach(async () => {
  engines?.close();
  await store?.close();
  await app?.close();
  engines = store = app = undefined;
});

const film = (i: number) => ({ id: `f-${i}`, title: `Film ${i}`, description: `a story number ${i} of a long night`, tags: ['drama'] });

/** Engines over servers whose catalogs are `catalogs[server]` items (the same list = the same content). */
async function setup(catalogs: Record<string, ReturnType<typeof film>[]>, maxBytes?: number): Promise<Engines> {
  store = await createStore('memory://');
  const repo = new CatalogRepo(store);
  for (const [g, items] of Object.entries(catalogs)) await repo.write(g, items, null, { updatedBy: 'admin', source: 'upload' });
  engines = new Engines({ catalogs: repo, profiles: new ProfileRepo(store), embedder, logger: createLogger('silent'), maxBytes, trainInWorker: false });
  return engines;
}

async function use(e: Engines, g: string): Promise<void> {
  await e.catalog(g);
  await e.models(g);
}

const same = Array.from({ length: 400 }, (_, i) => film(i));
const other = Array.from({ length: 400 }, (_, i) => ({ ...film(i), id: `o-${i}` }));

describe('Engines: servers with the same catalog share one copy', () => {
  it('GIVEN two servers with the same items THEN they read one vector index and item list, and a third with other items has its own', async () => {
    const e = await setup({ a: same, b: same, c: other });
    const [a, b, c] = [await e.catalog('a'), await e.catalog('b'), await e.catalog('c')];
    expect(b.index).toBe(a.index);
    expect(b.items).toBe(a.items);
    expect(c.index).not.toBe(a.index);
    expect(b.titles.resolve('Film 7')?.id).toBe('f-7');
  });

  it('GIVEN two servers on one catalog THEN the engine memory counts the shared vectors once', async () => {
    const vectors = same.length * embedder.dims * 4;
    const one = await setup({ a: same });
    await use(one, 'a');
    const alone = one.memory.calculatedSize;
    one.close();
    await store!.close();
    const e = await setup({ a: same, b: same });
    await use(e, 'a');
    await use(e, 'b');
    const both = e.memory.calculatedSize;
    expect(alone).toBeGreaterThan(vectors);
    expect(both).toBeGreaterThan(alone); // b's own models weigh something
    expect(both - alone).toBeLessThan(vectors / 2); // but not a second copy of the vectors
  });

  it('GIVEN a budget of about one and a half servers THEN two servers on the same catalog both stay loaded, while two on different catalogs do not', async () => {
    const probe = await setup({ a: same });
    await use(probe, 'a');
    const budget = Math.round(probe.memory.calculatedSize * 1.5);
    probe.close();
    await store!.close();
    const e = await setup({ a: same, b: same, c: other }, budget);
    await use(e, 'a');
    await use(e, 'b');
    expect(e.memory.has('a') && e.memory.has('b')).toBe(true);
    expect(e.memory.calculatedSize).toBeLessThanOrEqual(budget);
    await use(e, 'c');
    expect(e.memory.has('c')).toBe(true);
    expect(e.memory.has('a')).toBe(false); // the least recently used went to make room
    expect(e.memory.calculatedSize).toBeLessThanOrEqual(budget);
    const again = await e.catalog('a'); // reloads over b's core, still held
    expect(again.index).toBe((await e.catalog('b')).index);
  });
});

describe('Engines: a server that changes a shared catalog changes only its own', () => {
  it('GIVEN two servers on one uploaded catalog WHEN one merges a file THEN the other keeps its items, index and answers', async () => {
    app = await makeApp();
    const [one, two] = [caller('u-admin', 'guild-share-1'), caller('u-admin', 'guild-share-2')];
    for (const c of [one, two]) await app.catalog.upload(c, { bytes: fixture('books-v1.csv'), filename: 'books.csv', mode: 'replace' });
    const before = await app.deps.engines.catalog(two.scope);
    expect((await app.deps.engines.catalog(one.scope)).index).toBe(before.index);
    const ids = before.items.map((i) => i.id);
    const r = await app.catalog.upload(one, { bytes: fixture('books-extra.csv'), filename: 'extra.csv', mode: 'merge' });
    expect(r).toMatchObject({ applied: true, added: 1, updated: 1 });
    const merged = await app.deps.engines.catalog(one.scope);
    const kept = await app.deps.engines.catalog(two.scope);
    expect(merged.index).not.toBe(kept.index);
    expect(merged.index.vector('b-earthsea')).toBeDefined();
    expect(kept.items.map((i) => i.id)).toEqual(ids);
    expect(kept.index.size).toBe(ids.length);
    expect(kept.index.vector('b-earthsea')).toBeUndefined();
    expect(kept.byId.get('b-dune')?.tags).not.toContain('spice');
    expect((await app.similar(one, { text: 'wizard shadow magic sea', count: 1 })).items[0]?.item.id).toBe('b-earthsea');
    const theirs = await app.similar(two, { text: 'wizard shadow magic sea', count: 3 });
    expect(theirs.items.map((x) => x.item.id)).not.toContain('b-earthsea');
  });

  it('GIVEN two servers on one uploaded catalog WHEN one removes an item THEN the other still has it', async () => {
    app = await makeApp();
    const [one, two] = [caller('u-admin', 'guild-rm-1'), caller('u-admin', 'guild-rm-2')];
    for (const c of [one, two]) await app.catalog.upload(c, { bytes: fixture('books-v1.csv'), filename: 'books.csv', mode: 'replace' });
    expect(await app.catalog.remove(one, 'b-dune')).toBe(true);
    expect((await app.deps.engines.catalog(one.scope)).byId.has('b-dune')).toBe(false);
    const kept = await app.deps.engines.catalog(two.scope);
    expect(kept.byId.has('b-dune')).toBe(true);
    expect(kept.index.vector('b-dune')).toBeDefined();
  });

  it('GIVEN one server alone on its catalog WHEN it merges a file THEN its index is updated in place (nothing else reads it)', async () => {
    app = await makeApp();
    const admin = caller('u-admin', 'guild-share-alone');
    await app.catalog.upload(admin, { bytes: fixture('books-v1.csv'), filename: 'books.csv', mode: 'replace' });
    const before = await app.deps.engines.catalog(admin.scope);
    await app.catalog.upload(admin, { bytes: fixture('books-extra.csv'), filename: 'extra.csv', mode: 'merge' });
    const after = await app.deps.engines.catalog(admin.scope);
    expect(after.index).toBe(before.index);
    expect(after.index.vector('b-earthsea')).toBeDefined();
  });
});
