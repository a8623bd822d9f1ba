import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CatalogItem } from '../../../src/domain/item.js';
import { createLogger } from '../../../src/log.js';
import { TmdbClient } from '../../../src/tmdb/client.js';
import { TmdbEnricher, type TmdbCache } from '../../../src/tmdb/enricher.js';
import { startTmdbEmulator, type TmdbEmulator } from '../../emulators/tmdb.js';

const HEAT = { id: 949, title: 'Heat', year: 1995, overview: 'A group of high-end professional thieves...', runtime: 170, trailer: '2GfZl4kuVNI', providers: { US: { flatrate: ['Netflix'], rent: ['Apple TV'] }, DE: { flatrate: ['Prime Video'] } } };
const ALIEN = { id: 348, title: 'Alien', year: 1979, overview: 'During its return to the earth...', runtime: 117 };
const heat: CatalogItem = { id: 'ml-6', title: 'Heat', year: 1995, extra: { tmdb: '949' } };
const alienNoId: CatalogItem = { id: 'c-1', title: 'Alien', year: 1979 };
const unknown: CatalogItem = { id: 'ml-x', title: 'Nothing', extra: { tmdb: '999999' } };

function memoryCache(): TmdbCache & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return { data, get: async <T>(k: string) => data.get(k) as T | undefined, set: async (k, v) => void data.set(k, v) };
}

describe('TMDB enrichment against the TMDB emulator', () => {
  let tmdb: TmdbEmulator;
  let logs: string[];
  const logger = () => createLogger('debug', { write: (s: string) => void logs.push(s) });
  const enricher = (key = tmdb.apiKey, waits: number[] = [], cache = memoryCache()) =>
    new TmdbEnricher({
      api: new TmdbClient({ apiKey: key, baseUrl: tmdb.url, sleep: async (ms) => void waits.push(ms), timeoutMs: 2_000 }),
      cache,
      logger: logger(),
      ttlMs: 3600_000,
    });

  beforeEach(async () => {
    logs = [];
    tmdb = await startTmdbEmulator({ movies: [HEAT, ALIEN] });
  });
  afterEach(() => tmdb.close());

  it('GIVEN a starter film with a TMDB id THEN its card has overview, poster, trailer, runtime and the region\'s providers', async () => {
    const cards = await enricher().cards([heat], 'US');
    const c = cards.get('ml-6');
    expect(c?.overview).toMatch(/professional thieves/);
    expect(c?.thumbUrl).toBe('https://image.tmdb.org/t/p/w185/poster-949.jpg');
    expect(c?.posterUrl).toBe('https://image.tmdb.org/t/p/w500/poster-949.jpg');
    expect(c?.trailerUrl).toBe('https://www.youtube.com/watch?v=2GfZl4kuVNI');
    expect(c?.runtime).toBe(170);
    expect(c?.watch?.stream).toEqual(['Netflix']);
    expect(c?.watch?.rent).toEqual(['Apple TV']);
    expect((await enricher().cards([heat], 'DE')).get('ml-6')?.watch?.stream).toEqual(['Prime Video']);
    expect(tmdb.requests.find((r) => r.path === '/3/movie/949')?.query.append_to_response).toBe('videos,watch/providers');
  });

  it('GIVEN a film already fetched THEN the next answer takes it from the cache without asking TMDB', async () => {
    const cache = memoryCache();
    await enricher(tmdb.apiKey, [], cache).cards([heat], 'US');
    const before = tmdb.requests.length;
    const again = await enricher(tmdb.apiKey, [], cache).cards([heat], 'GB');
    expect(again.get('ml-6')?.overview).toMatch(/thieves/);
    expect(again.get('ml-6')?.watch).toBeUndefined();
    expect(tmdb.requests.length).toBe(before);
  });

  it('GIVEN an item without a TMDB id THEN it is found by title and year', async () => {
    const c = (await enricher().cards([alienNoId], 'US')).get('c-1');
    expect(c?.tmdbId).toBe(348);
    expect(tmdb.requests.some((r) => r.path === '/3/search/movie' && r.query.query === 'Alien' && r.query.year === '1979')).toBe(true);
  });

  it('GIVEN TMDB answers 429 with Retry-After THEN the client waits as told and the card still comes', async () => {
    tmdb.fault({ kind: '429', retryAfterS: 2 }, 2);
    const waits: number[] = [];
    const c = (await enricher(tmdb.apiKey, waits).cards([heat], 'US', 5_000)).get('ml-6');
    expect(c?.tmdbId).toBe(949);
    expect(waits.length).toBe(2);
    expect(waits.every((w) => w >= 2_000)).toBe(true);
  });

  it('GIVEN a film TMDB does not know (404) THEN no card, and the miss is remembered', async () => {
    const cache = memoryCache();
    expect((await enricher(tmdb.apiKey, [], cache).cards([unknown], 'US')).size).toBe(0);
    const before = tmdb.requests.filter((r) => r.path === '/3/movie/999999').length;
    await enricher(tmdb.apiKey, [], cache).cards([unknown], 'US');
    expect(tmdb.requests.filter((r) => r.path === '/3/movie/999999').length).toBe(before);
  });

  it('GIVEN a slow TMDB THEN the answer does not wait past its budget, and the late card lands in the cache', async () => {
    // TMDB answers only when the test lets it: no wall-clock waits.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const client = new TmdbClient({ apiKey: tmdb.apiKey, baseUrl: tmdb.url, sleep: async () => undefined, timeoutMs: 2_000 });
    const e = new TmdbEnricher({ api: { get: async (p, q) => (await gate, client.get(p, q)) }, cache: memoryCache(), logger: logger(), ttlMs: 3600_000 });
    expect((await e.cards([heat], 'US', 50)).size).toBe(0);
    release();
    expect((await e.movieFor(heat))?.tmdbId).toBe(949); // the lookup the answer started, shared
    // From the cache now: the card comes as soon as the images configuration is in, without asking for the film again.
    expect((await e.cards([heat], 'US', 10_000)).get('ml-6')?.tmdbId).toBe(949);
    expect(tmdb.requests.filter((r) => r.path === '/3/movie/949')).toHaveLength(1);
  });

  it('GIVEN a wrong key THEN one clear log line without the key, no cards, and no more calls to TMDB', async () => {
    const e = enricher('wrong-secret-key-123');
    expect((await e.cards([heat, alienNoId], 'US')).size).toBe(0);
    expect(e.enabled).toBe(false);
    const errors = logs.filter((l) => l.includes('"level":50'));
    expect(errors.length).toBe(1);
    expect(errors[0]).toMatch(/TMDB refused TMDB_API_KEY/);
    expect(logs.join('')).not.toContain('wrong-secret-key-123');
    const before = tmdb.requests.length;
    await e.cards([heat], 'US');
    expect(tmdb.requests.length).toBe(before);
  });

  it('GIVEN a v4 read access token THEN it is sent as a Bearer header, not in the URL', async () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9.test.token';
    await tmdb.close();
    tmdb = await startTmdbEmulator({ apiKey: token, movies: [HEAT] });
    expect((await enricher(token).cards([heat], 'US')).get('ml-6')?.tmdbId).toBe(949);
    expect(tmdb.requests.every((r) => r.auth === 'bearer')).toBe(true);
  });
});
