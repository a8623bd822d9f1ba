import { expect, it } from 'vitest';
import { describeStores } from '../../helpers/store.js';
import { CatalogRepo } from '../../../src/store/catalogs.js';
import { StoreError } from '../../../src/store/errors.js';
import type { CatalogItem } from '../../../src/domain/item.js';

const G = '42';
const items = (n: number, tag: string): CatalogItem[] => Array.from({ length: n }, (_, i) => ({ id: `${tag}${i}`, title: `${tag} ${i}`, tags: ['t'], year: 2000 + (i % 20) }));
const vecs = (n: number, dims: number, base: number) => Array.from({ length: n }, (_, i) => Float32Array.from({ length: dims }, (_, d) => base + i + d / 10));
const meta = { updatedBy: 'admin', source: 'upload', embedModel: 'emb-1' };

async function chunkKeys(repoStore: { keys(p: string): AsyncIterable<string> }): Promise<string[]> {
  const out: string[] = [];
  for await (const k of repoStore.keys(`catalog:${G}:v`)) out.push(k);
  return out.sort();
}

describeStores('CatalogRepo', (ctx) => {
  it('GIVEN no catalog THEN load and pointer return null', async () => {
    const repo = new CatalogRepo(ctx.store);
    expect(await repo.load(G)).toBeNull();
    expect(await repo.pointer(G)).toBeNull();
  });

  it('GIVEN items and vectors over several chunks THEN load returns them whole and in order', async () => {
    const repo = new CatalogRepo(ctx.store, { chunkSize: 7, clock: () => 123 });
    const p = await repo.write(G, items(30, 'a'), vecs(30, 4, 0), meta);
    expect(p).toEqual({ version: 1, itemCount: 30, chunkCount: 5, embedModel: 'emb-1', dims: 4, updatedBy: 'admin', updatedAt: 123, source: 'upload' });
    const loaded = await repo.load(G);
    expect(loaded?.items).toEqual(items(30, 'a'));
    expect(loaded?.vectors?.map((v) => Array.from(v))).toEqual(vecs(30, 4, 0).map((v) => Array.from(v)));
  });

  it('GIVEN a catalog without vectors THEN vectors load as null and the pointer has no model', async () => {
    const repo = new CatalogRepo(ctx.store, { chunkSize: 10 });
    const p = await repo.write(G, items(12, 'a'), null, { updatedBy: 'x', source: 'starter' });
    expect(p).toMatchObject({ embedModel: null, dims: 0, chunkCount: 2 });
    expect((await repo.load(G))?.vectors).toBeNull();
  });

  it('GIVEN a second write THEN the pointer flips to it and the old version is deleted', async () => {
    const repo = new CatalogRepo(ctx.store, { chunkSize: 10 });
    await repo.write(G, items(25, 'old'), null, meta);
    await repo.write(G, items(15, 'new'), null, meta);
    expect((await repo.pointer(G))?.version).toBe(2);
    expect((await repo.load(G))?.items.map((i) => i.id)).toEqual(items(15, 'new').map((i) => i.id));
    expect(await chunkKeys(ctx.store)).toEqual([`catalog:${G}:v2:0`, `catalog:${G}:v2:1`]);
  });

  it('GIVEN a failure in the middle of writing a new version THEN the old version stays whole and current', async () => {
    const old = new CatalogRepo(ctx.store, { chunkSize: 10 });
    await old.write(G, items(35, 'old'), vecs(35, 3, 0), meta);
    const failing = new CatalogRepo(ctx.store, {
      chunkSize: 10,
      beforeChunkWrite: (i) => {
        if (i === 3) throw new Error('disk on fire');
      },
    });
    await expect(failing.write(G, items(60, 'new'), vecs(60, 3, 100), meta)).rejects.toThrow('disk on fire');
    const loaded = await old.load(G);
    expect(loaded?.pointer.version).toBe(1);
    expect(loaded?.items).toEqual(items(35, 'old'));
    expect(Array.from(loaded!.vectors![34])).toEqual(Array.from(vecs(35, 3, 0)[34]));
  });

  it('GIVEN chunks left behind by an unfinished version THEN the next write removes them and never reuses their number', async () => {
    const repo = new CatalogRepo(ctx.store, { chunkSize: 10 });
    await repo.write(G, items(10, 'a'), null, meta);
    await ctx.store.set(`catalog:${G}:v2:0`, { orphan: true });
    await ctx.store.set(`catalog:${G}:v5:3`, { orphan: true });
    const p = await repo.write(G, items(10, 'b'), null, meta);
    expect(p.version).toBe(6);
    expect(await chunkKeys(ctx.store)).toEqual([`catalog:${G}:v6:0`]);
  });

  it('GIVEN a chunk of the current version is missing THEN load throws StoreError instead of returning part of it', async () => {
    const repo = new CatalogRepo(ctx.store, { chunkSize: 10 });
    await repo.write(G, items(30, 'a'), null, meta);
    await ctx.store.delete(`catalog:${G}:v1:1`);
    const err = await repo.load(G).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect(err).toMatchObject({ code: 'store.corrupt', key: `catalog:${G}:v1:1` });
  });

  it('GIVEN clear THEN pointer and every chunk are gone and other scopes are untouched', async () => {
    const repo = new CatalogRepo(ctx.store, { chunkSize: 10 });
    await repo.write(G, items(20, 'a'), null, meta);
    await repo.write('43', items(5, 'z'), null, meta);
    expect(await repo.clear(G)).toBe(true);
    expect(await repo.load(G)).toBeNull();
    expect(await chunkKeys(ctx.store)).toEqual([]);
    expect((await repo.load('43'))?.items).toHaveLength(5);
  });

  it('GIVEN vectors that do not match the items THEN write refuses before touching the store', async () => {
    const repo = new CatalogRepo(ctx.store);
    await expect(repo.write(G, items(3, 'a'), vecs(2, 3, 0), meta)).rejects.toMatchObject({ code: 'catalog.vectors' });
    await expect(repo.write(G, items(2, 'a'), vecs(2, 3, 0), { updatedBy: 'x', source: 'y' })).rejects.toMatchObject({ code: 'catalog.model' });
    expect(await repo.pointer(G)).toBeNull();
  });

  it('GIVEN two writes at once THEN both complete in turn and the last one is current', async () => {
    const repo = new CatalogRepo(ctx.store, { chunkSize: 5 });
    await Promise.all([repo.write(G, items(12, 'x'), null, meta), repo.write(G, items(8, 'y'), null, meta)]);
    const loaded = await repo.load(G);
    expect(loaded?.pointer.version).toBe(2);
    expect(loaded?.items[0].id).toBe('y0');
    expect(await chunkKeys(ctx.store)).toHaveLength(2);
  });
});
