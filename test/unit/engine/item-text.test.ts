/** Overviews arriving one by one are taken into the loaded catalogs in batches, never on every single one. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { itemText, type CatalogItem } from '../../../src/domain/item.js';
import { createLocalEmbedder } from '../../../src/embed/semantic/factory.js';
import { ItemTextRefresher, versionWithItemText, type RefresherOptions } from '../../../src/engine/item-text.js';
import { buildScopeCatalog, type ScopeCatalog } from '../../../src/engine/scope-catalog.js';
import { createLogger } from '../../../src/log.js';
import type { CatalogVersion } from '../../../src/store/types.js';

const items: CatalogItem[] = [
  { id: 'a', title: 'The Keeper', year: 1999 },
  { id: 'b', title: 'Night Harbour', year: 2004 },
];
const version = (its: CatalogItem[]): CatalogVersion => ({
  pointer: { version: 1, itemCount: its.length, chunkCount: 1, embedModel: null, dims: 0, updatedBy: 't', updatedAt: 0, source: 'test' },
  items: its,
  vectors: null,
});

describe('ItemTextRefresher', () => {
  const embedder = createLocalEmbedder('hash');
  const logger = createLogger('silent');
  let cat: ScopeCatalog;
  let loaded: Promise<ScopeCatalog>;
  let swaps: number;
  let cached: Map<string, string>;
  const refresher = (o: Partial<RefresherOptions> = {}) =>
    new ItemTextRefresher({
      engines: {
        loadedCatalogs: () => [['s1', loaded]],
        setCatalog: (_s, c) => void ((cat = c), (loaded = Promise.resolve(c)), (swaps += 1)),
        markDirty: () => {},
        popularity: () => () => 0,
      },
      source: { overviews: async () => new Map(cached) },
      embedder,
      logger,
      every: 3,
      delayMs: 10_000,
      ...o,
    });

  beforeEach(async () => {
    vi.useFakeTimers();
    cat = await buildScopeCatalog(version(items), embedder);
    loaded = Promise.resolve(cat);
    swaps = 0;
    cached = new Map();
  });
  afterEach(() => vi.useRealTimers());

  it('GIVEN fewer new overviews than `every` THEN they are taken in once, `delayMs` after the first', async () => {
    const r = refresher();
    cached.set('a', 'A lighthouse keeper befriends a quorblex.');
    r.note();
    await vi.advanceTimersByTimeAsync(5_000);
    cached.set('b', 'Dock workers uncover a smuggling ring.');
    r.note();
    expect(swaps).toBe(0);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(swaps).toBe(1);
    expect(cat.byId.get('a')?.overview).toMatch(/quorblex/);
    expect(cat.byId.get('b')?.overview).toMatch(/smuggling/);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(swaps).toBe(1);
  });

  it('GIVEN `every` new overviews THEN they are taken in at once; notes without a text change swap nothing', async () => {
    const r = refresher();
    cached.set('a', 'A lighthouse keeper befriends a quorblex.');
    r.note(3);
    await vi.advanceTimersByTimeAsync(0);
    await r.flushNow();
    expect(swaps).toBe(1);
    r.note(3);
    await r.flushNow();
    expect(swaps).toBe(1);
  });

  it('GIVEN the catalog replaced while a refresh embedded (an upload) THEN the newer catalog is kept', async () => {
    const r = refresher({ source: { overviews: async () => ((loaded = Promise.resolve(cat)), new Map(cached)) } });
    cached.set('a', 'A lighthouse keeper befriends a quorblex.');
    r.note(3);
    await r.flushNow();
    expect(swaps).toBe(0);
  });

  it('GIVEN the refresher closed (shutdown) THEN notes take nothing in', async () => {
    const r = refresher();
    cached.set('a', 'A lighthouse keeper befriends a quorblex.');
    r.note();
    r.close();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(swaps).toBe(0);
  });
});

describe('versionWithItemText (a catalog loading with stored vectors, as with a remote embedder)', () => {
  it('GIVEN stored vectors THEN only the items carrying an overview are embedded again; the others keep theirs', async () => {
    const inner = createLocalEmbedder('hash');
    const texts: string[] = [];
    const embedder = { model: inner.model, dims: inner.dims, embed: async (t: string[]) => (texts.push(...t), inner.embed(t)) };
    const stored = await inner.embed(items.map(itemText));
    const v: CatalogVersion = { ...version(items), pointer: { ...version(items).pointer, embedModel: inner.model, dims: inner.dims }, vectors: stored };
    const source = { overviews: async () => new Map([['b', 'Dock workers uncover a smuggling ring.']]) };
    const out = await versionWithItemText(v, source, { embedder, logger: createLogger('silent') });
    expect(texts).toEqual(['Night Harbour (2004). Dock workers uncover a smuggling ring.']);
    expect(out?.vectors?.[0]).toBe(stored[0]);
    expect(out?.vectors?.[1]).not.toBe(stored[1]);
    expect(out?.items[1].overview).toMatch(/smuggling/);
    expect(await versionWithItemText(v, { overviews: async () => new Map() }, { embedder, logger: createLogger('silent') })).toBe(v);
  });
});
