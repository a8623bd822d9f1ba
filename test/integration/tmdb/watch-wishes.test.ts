/** "On Netflix", "free to stream", "under 2 hours": checked against TMDB's data, or said plainly when there is none. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServices } from '../../../src/services.js';
import { makeApp, utf8 } from '../../helpers/app.js';
import { startTmdbEmulator, type EmulatedMovie, type TmdbEmulator } from '../../emulators/tmdb.js';

const SCOPE = 'g-watch';
const who = { scope: SCOPE, userId: 'u1' };
const CSV = [
  'id,title,year,tags,tmdb',
  'h1,Heat,1995,Crime|Thriller|heist,949',
  'h2,Ronin,1998,Action|Crime|Thriller|heist,8195',
  'h3,The Italian Job,2003,Action|Crime|heist,9654',
  'h4,Inside Man,2006,Crime|Drama|Thriller|heist,388',
  "h5,Ocean's Eleven,2001,Comedy|Crime|Thriller|heist,161",
  'h6,The Town,2010,Crime|Drama|Thriller|heist,23168',
  'h7,Logan Lucky,2017,Comedy|Crime|heist,399170',
].join('\n');
const films: EmulatedMovie[] = [
  { id: 949, title: 'Heat', runtime: 170, providers: { US: { flatrate: ['Netflix'] } } },
  { id: 8195, title: 'Ronin', runtime: 122, providers: { US: { rent: ['Apple TV'] } } },
  { id: 9654, title: 'The Italian Job', runtime: 111, providers: { US: { flatrate: ['Netflix', 'Paramount Plus'] } } },
  { id: 388, title: 'Inside Man', runtime: 129, providers: { US: { free: ['Tubi TV'] } } },
  { id: 161, title: "Ocean's Eleven", runtime: 116, providers: { US: { flatrate: ['Max'] } } },
  { id: 23168, title: 'The Town', runtime: 125, providers: {} },
  { id: 399170, title: 'Logan Lucky', runtime: 118, providers: { US: { ads: ['Pluto TV'] } } },
];
const titles = (r: { items: { item: { title: string } }[] }) => r.items.map((x) => x.item.title).sort();

describe('watch wishes with TMDB', () => {
  let tmdb: TmdbEmulator;
  let app: AppServices;
  beforeAll(async () => {
    tmdb = await startTmdbEmulator({ movies: films });
    app = await makeApp({ env: { TMDB_API_KEY: tmdb.apiKey, TMDB_BASE_URL: tmdb.url } });
    await app.catalog.upload({ ...who, userId: 'admin' }, { bytes: utf8(CSV), filename: 'h.csv', mode: 'replace' });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await tmdb?.close();
  });

  it('GIVEN "heist movies on Netflix" THEN only what streams on Netflix in the region, and the list says it is short', async () => {
    const r = await app.recommend(who, { text: 'heist movies on Netflix', count: 5 });
    expect(titles(r)).toEqual(['Heat', 'The Italian Job']);
    expect(r.replies?.map((x) => x.code)).toEqual(['watch.few']);
    expect(r.replies?.[0].text).toContain('Only 2 of the films I could check so far fit “on netflix” in US');
  });

  it('GIVEN "something free to stream" THEN free and with-ads films only', async () => {
    const r = await app.recommend(who, { text: 'a heist movie free to stream', count: 5 });
    expect(titles(r)).toEqual(['Inside Man', 'Logan Lucky']);
  });

  it('GIVEN "under 2 hours" THEN films of 120 minutes or less; a refinement "on Netflix" narrows that list further', async () => {
    const r = await app.recommend(who, { text: 'heist movies under 2 hours', count: 3, conversationId: 'conv-watch-1' });
    expect(titles(r)).toEqual(['Logan Lucky', "Ocean's Eleven", 'The Italian Job']);
    const t = await app.refine(who, { conversationId: 'conv-watch-1', text: 'only ones on netflix' });
    expect(titles(t)).toEqual(['The Italian Job']);
  });
});

describe('watch wishes without TMDB', () => {
  it('GIVEN "on Netflix" and no TMDB key THEN the list ignores it and says why', async () => {
    const app = await makeApp();
    try {
      await app.catalog.upload({ ...who, userId: 'admin' }, { bytes: utf8(CSV), filename: 'h.csv', mode: 'replace' });
      const r = await app.recommend(who, { text: 'heist movies on Netflix', count: 3 });
      expect(r.items).toHaveLength(3);
      expect(r.replies?.map((x) => x.code)).toEqual(['watch.no-data']);
      expect(r.replies?.[0].text).toMatch(/can’t tell where films stream.*TMDB_API_KEY.*“on netflix”/);
    } finally {
      await app.close();
    }
  });
});
