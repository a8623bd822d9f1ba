import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CatalogItem } from '../../../src/domain/item.js';
import { createLogger } from '../../../src/log.js';
import { TmdbAuthError, TmdbClient } from '../../../src/tmdb/client.js';
import { TmdbEnricher, type EnricherOptions, type TmdbApi, type TmdbCache } from '../../../src/tmdb/enricher.js';
import { knowsRegion, movieBytes } from '../../../src/tmdb/memory.js';
import { startTmdbEmulator, type TmdbEmulator } from '../../emulators/tmdb.js';

const HEAT = { id: 949, title: 'Heat', year: 1995, overview: 'Thieves.', runtime: 170, providers: { US: { flatrate: ['Netflix'] }, DE: { flatrate: ['Prime Video'] }, FR: { flatrate: ['Canal+'] } } };
const ALIEN = { id: 348, title: 'Alien', year: 1979, overview: 'In space.', runtime: 117, providers: { US: { flatrate: ['Hulu'] } } };
const heat: CatalogItem = { id: 'ml-6', title: 'Heat', year: 1995, extra: { tmdb: '949' } };
const alien: CatalogItem = { id: 'ml-1', title: 'Alien', year: 1979, extra: { tmdb: '348' } };
const alienNoId: CatalogItem = { id: 'c-1', title: 'Alien', year: 1979 };

function memoryCache(): TmdbCache {
  const data = new Map<string, unknown>();
  return { get: async <T>(k: string) => data.get(k) as T | undefined, set: async (k, v) => void data.set(k, v) };
}

describe('TMDB enricher: memory, prefetch and the images configuration', () => {
  let tmdb: TmdbEmulator;
  let client: TmdbClient;
  const make = (o: Partial<EnricherOptions> = {}) =>
    new TmdbEnricher({ api: client, cache: memoryCache(), logger: createLogger('silent', { write: () => undefined }), ttlMs: 3600_000, ...o });
  const asked = (path: string) => tmdb.requests.filter((r) => r.path === path).length;

  beforeEach(async () => {
    tmdb = await startTmdbEmulator({ movies: [HEAT, ALIEN] });
    client = new TmdbClient({ apiKey: tmdb.apiKey, baseUrl: tmdb.url, sleep: async () => undefined, timeoutMs: 2_000 });
  });
  afterEach(() => tmdb.close());

  it('GIVEN a film with providers in three regions THEN memory keeps only the regions asked, and a newly asked one comes from the cache', async () => {
    const e = make({ regions: ['GB'] });
    await e.cards([heat], 'US');
    expect(Object.keys(e.seen(heat)?.providers ?? {}).sort()).toEqual(['US']);
    // Not "nowhere in DE": unknown there until DE is asked.
    expect(knowsRegion(e.seen(heat)!, 'DE')).toBe(false);
    expect(knowsRegion(e.seen(heat)!, 'GB')).toBe(true);
    const before = tmdb.requests.length;
    expect((await e.cards([heat], 'DE')).get('ml-6')?.watch?.stream).toEqual(['Prime Video']);
    expect(Object.keys(e.seen(heat)?.providers ?? {}).sort()).toEqual(['DE', 'US']);
    expect(knowsRegion(e.seen(heat)!, 'DE')).toBe(true);
    expect(tmdb.requests.length).toBe(before);
  });

  it('GIVEN a byte limit that holds one film THEN the older film leaves memory', async () => {
    const probe = make();
    await probe.cards([heat, alien], 'US');
    const limit = Math.max(movieBytes(probe.seen(heat)!), movieBytes(probe.seen(alien)!)) + 10;
    const e = make({ memoryBytes: limit });
    await e.cards([heat], 'US');
    expect(e.seen(heat)?.tmdbId).toBe(949);
    await e.cards([alien], 'US');
    expect(e.seen(alien)?.tmdbId).toBe(348);
    expect(e.seen(heat)).toBeUndefined();
  });

  it('GIVEN two servers with the same catalog THEN it is prefetched once', async () => {
    const e = make();
    await e.prefetch('guild-1', [heat, alien]);
    await e.prefetch('guild-2', [heat, alien]);
    expect(asked('/3/movie/949')).toBe(1);
    expect(asked('/3/movie/348')).toBe(1);
  });

  it('GIVEN a server uploads a new catalog while the old one is prefetched THEN the old run stops', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const api: TmdbApi = { get: async (p, q) => (p === '/movie/949' ? await gate : undefined, client.get(p, q)) };
    const e = make({ api });
    const old = e.prefetch('guild-1', [heat, alienNoId]);
    const fresh = e.prefetch('guild-1', [alien]);
    release();
    await Promise.all([old, fresh]);
    expect(asked('/3/movie/348')).toBe(1);
    expect(asked('/3/search/movie')).toBe(0);
  });

  it('GIVEN the images configuration has no images at first THEN a later card asks again and gets its poster', async () => {
    let calls = 0;
    const api: TmdbApi = { get: async (p, q) => (p === '/configuration' && ++calls === 1 ? {} : client.get(p, q)) };
    const e = make({ api });
    expect((await e.cards([heat], 'US')).get('ml-6')?.posterUrl).toBeUndefined();
    expect((await e.cards([heat], 'US')).get('ml-6')?.posterUrl).toBe('https://image.tmdb.org/t/p/w500/poster-949.jpg');
  });

  it('GIVEN TMDB refuses the key on the images configuration THEN TMDB is switched off', async () => {
    const api: TmdbApi = {
      get: async (p, q) => {
        if (p === '/configuration') throw new TmdbAuthError(p);
        return client.get(p, q);
      },
    };
    const e = make({ api });
    await e.cards([heat], 'US');
    expect(e.enabled).toBe(false);
    expect((await e.cards([alien], 'US')).size).toBe(0);
  });
});
