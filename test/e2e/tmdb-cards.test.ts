/** Item cards from TMDB through the real bot: the Discord emulator, the real services, and the TMDB emulator. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIEmbed } from 'discord.js';
import type { AppServices } from '../../src/services.js';
import { makeApp, utf8 } from '../helpers/app.js';
import { startTmdbEmulator, type EmulatedMovie, type TmdbEmulator } from '../emulators/tmdb.js';
import { ADMIN, customIds, GUILD, MEMBER, refineInThread, startHarness, visibleText, type Harness } from './harness.js';

const CSV = [
  'id,title,year,tags,description,tmdb',
  'h1,Heat,1995,Crime|Thriller|heist,,949',
  'h2,Ronin,1998,Action|Crime|Thriller|heist,,8195',
  'h3,The Italian Job,2003,Action|Crime|heist,,9654',
  'h4,Inside Man,2006,Crime|Drama|Thriller|heist,,388',
  'h5,Ocean\'s Eleven,2001,Comedy|Crime|Thriller|heist,,161',
  'h6,The Town,2010,Crime|Drama|Thriller|heist,,23168',
].join('\n');

const films: EmulatedMovie[] = [
  { id: 949, title: 'Heat', year: 1995, overview: 'Obsessive master thief Neil McCauley leads a top-notch crew.', runtime: 170, trailer: '2GfZl4kuVNI', providers: { US: { flatrate: ['Netflix'], rent: ['Apple TV'] }, DE: { flatrate: ['Prime Video'] } } },
  { id: 8195, title: 'Ronin', year: 1998, overview: 'A briefcase everyone wants.', runtime: 122, providers: { US: { rent: ['Apple TV'] } } },
  { id: 9654, title: 'The Italian Job', year: 2003, overview: 'Gold, Minis, double-cross.', runtime: 111, providers: { US: { flatrate: ['Paramount+'] } } },
  { id: 388, title: 'Inside Man', year: 2006, overview: 'A perfect bank robbery.', runtime: 129, providers: { US: { free: ['Tubi'] } } },
  { id: 161, title: "Ocean's Eleven", year: 2001, overview: 'Eleven against three casinos.', runtime: 116, providers: { US: { flatrate: ['Max'] } } },
  { id: 23168, title: 'The Town', year: 2010, overview: 'Boston bank robbers.', runtime: 125, providers: {} },
];

describe('e2e: item cards from TMDB', () => {
  let tmdb: TmdbEmulator;
  let app: AppServices;
  let h: Harness;
  beforeAll(async () => {
    tmdb = await startTmdbEmulator({ movies: films });
    app = await makeApp({ env: { TMDB_API_KEY: tmdb.apiKey, TMDB_BASE_URL: tmdb.url } });
    h = await startHarness({ services: app });
    await app.catalog.upload({ scope: GUILD, userId: ADMIN.id }, { bytes: utf8(CSV), filename: 'heists.csv', mode: 'replace' });
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await app?.close();
    await tmdb?.close();
  });

  it('GIVEN /recommend with TMDB THEN one card per item with its poster, runtime and where to stream, within Discord limits, and a Details button', async () => {
    const r = await h.run({ type: 'command', name: 'recommend', options: { request: 'heist movies', count: 5 } });
    const msg = r.final();
    const embeds = (msg.embeds ?? []) as APIEmbed[];
    expect(embeds.length).toBe(6);
    const items = embeds.slice(1);
    expect(items.map((e) => e.title)).toEqual(items.map((_, k) => expect.stringMatching(new RegExp(`^${k + 1}\\. `))));
    const heat = items.find((e) => e.title?.includes('Heat (1995)'));
    expect(heat?.thumbnail?.url).toBe('https://image.tmdb.org/t/p/w185/poster-949.jpg');
    expect(heat?.url).toBe('https://www.themoviedb.org/movie/949');
    expect(heat?.description).toContain('2h 50m · Stream: Netflix');
    const total = embeds.reduce((n, e) => n + (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0), 0);
    expect(total).toBeLessThanOrEqual(6000);
    expect(customIds(msg)).toContain('dt:h1');
    expect(items.at(-1)?.footer?.text).toMatch(/Offline engine/);
  });

  it('GIVEN Details on a list item THEN a private card with poster, overview, runtime, trailer, where to watch with JustWatch attribution, the reason and the TMDB notice', async () => {
    const list = await h.run({ type: 'command', name: 'recommend', options: { request: 'heist movies', count: 5 } });
    const d = await h.run({ type: 'button', customId: 'dt:h1', messageId: list.messageId as string, user: MEMBER });
    const card = d.final();
    expect(d.callbacks[0].data.flags).toBe(64);
    const e = card.embeds?.[0];
    expect(e?.title).toBe('Heat (1995)');
    expect(e?.image?.url).toBe('https://image.tmdb.org/t/p/w500/poster-949.jpg');
    expect(e?.description).toContain('Obsessive master thief');
    const text = visibleText(card);
    expect(text).toContain('2h 50m');
    expect(text).toContain('[Watch on YouTube](https://www.youtube.com/watch?v=2GfZl4kuVNI)');
    expect(text).toMatch(/Stream: Netflix\nRent: Apple TV/);
    expect(text).toContain('data from JustWatch');
    expect(text).toContain('This product uses the TMDB API but is not endorsed or certified by TMDB');
    expect((e?.fields as { name: string }[] | undefined)?.some((f) => f.name === 'Why')).toBe(true);
  });

  it('GIVEN spoilers hidden by an admin THEN the overview is in spoiler tags', async () => {
    await app.settings.set({ scope: GUILD, userId: ADMIN.id }, { hideSpoilers: true });
    const list = await h.run({ type: 'command', name: 'recommend', options: { request: 'heist movies', count: 5 } });
    const d = await h.run({ type: 'button', customId: 'dt:h2', messageId: list.messageId as string, user: MEMBER });
    expect(d.final().embeds?.[0]?.description).toMatch(/^\|\|A briefcase everyone wants\.\|\|$/);
    await app.settings.set({ scope: GUILD, userId: ADMIN.id }, { hideSpoilers: false });
  });

  it('GIVEN /settings region DE THEN Details says where to watch it in Germany; a region that is no country code is refused by name', async () => {
    const set = await h.run({ type: 'command', name: 'settings', options: { region: 'de' } });
    expect(visibleText(set.final())).toMatch(/Where-to-watch region\nDE/);
    const list = await h.run({ type: 'command', name: 'recommend', options: { request: 'heist movies', count: 5 } });
    const d = await h.run({ type: 'button', customId: 'dt:h1', messageId: list.messageId as string, user: MEMBER });
    expect(visibleText(d.final())).toMatch(/Stream: Prime Video\n.*JustWatch.*\(DE\)/);
    const bad = await h.run({ type: 'command', name: 'settings', options: { region: '1x' } });
    expect(visibleText(bad.final())).toMatch(/region.*two-letter country code/);
    // "auto" clears it: the default region (US here) is back.
    const auto = await h.run({ type: 'command', name: 'settings', options: { region: 'auto' } });
    expect(visibleText(auto.final())).not.toMatch(/Where-to-watch region\nDE/);
    expect((await app.settings.get(GUILD)).region).toBeUndefined();
    const again = await h.run({ type: 'command', name: 'recommend', options: { request: 'heist movies', count: 5 } });
    const us = await h.run({ type: 'button', customId: 'dt:h1', messageId: again.messageId as string, user: MEMBER });
    expect(visibleText(us.final())).toMatch(/Stream: Netflix\n/);
  });

  it('GIVEN /help with TMDB configured THEN it carries TMDB\'s notice and JustWatch\'s credit', async () => {
    const text = visibleText((await h.run({ type: 'command', name: 'help' })).final());
    expect(text).toContain('This product uses the TMDB API but is not endorsed or certified by TMDB.');
    expect(text).toContain('JustWatch');
  });

  it('GIVEN "only what is on Netflix" typed in the list\'s thread THEN the list keeps what streams there, as cards, and says how many fit so far', async () => {
    await h.run({ type: 'command', name: 'recommend', options: { request: 'heist films', count: 4 } });
    const thread = h.emu.threads().find((t) => t.name.endsWith('heist films'));
    const reply = await refineInThread(h, thread?.id as string, ADMIN, 'only ones on netflix');
    const embeds = (reply.embeds ?? []) as APIEmbed[];
    expect(embeds.slice(1).map((e) => e.title)).toEqual(['1. Heat (1995)']);
    expect(embeds[1].description).toContain('Stream: Netflix');
    expect(visibleText(reply)).toContain('Only 1 of the films I could check so far fit “on netflix” in US');
  });

  it('GIVEN /similar and /next with TMDB THEN their lists are cards too', async () => {
    const sim = await h.run({ type: 'command', name: 'similar', options: { title: 'Heat' } });
    expect((sim.final().embeds as APIEmbed[]).slice(1).every((e) => e.thumbnail?.url?.startsWith('https://image.tmdb.org/t/p/w185/'))).toBe(true);
    await h.run({ type: 'command', name: 'rate', options: { title: 'Heat', score: 5 } });
    const next = await h.run({ type: 'command', name: 'next', options: { count: 3 } });
    const embeds = next.final().embeds as APIEmbed[];
    expect(embeds.length).toBeGreaterThan(1);
    expect(embeds.slice(1).every((e) => e.thumbnail?.url !== undefined)).toBe(true);
  });

  it('GIVEN /predict with TMDB THEN the answer shows the poster and a Details button', async () => {
    const r = await h.run({ type: 'command', name: 'predict', options: { title: 'Heat' } });
    expect(r.final().embeds?.[0]?.thumbnail?.url).toBe('https://image.tmdb.org/t/p/w185/poster-949.jpg');
    expect(customIds(r.final())).toEqual(['dt:h1']);
  });
});

describe('e2e: TMDB with a wrong key', () => {
  it('GIVEN a key TMDB refuses THEN one clear log line and lists exactly as without TMDB', async () => {
    const tmdb = await startTmdbEmulator({ movies: films });
    const logs: string[] = [];
    const { createLogger } = await import('../../src/log.js');
    const { createServices } = await import('../../src/services.js');
    const { appConfig } = await import('../helpers/app.js');
    const app = await createServices(appConfig({ TMDB_API_KEY: 'not-the-key-0000', TMDB_BASE_URL: tmdb.url }), {
      logger: createLogger('info', { write: (s: string) => void logs.push(s) }),
      retrainDelayMs: 0,
    });
    const h = await startHarness({ services: app });
    try {
      await app.catalog.upload({ scope: GUILD, userId: ADMIN.id }, { bytes: utf8(CSV), filename: 'heists.csv', mode: 'replace' });
      for (let k = 0; k < 2; k++) {
        const r = await h.run({ type: 'command', name: 'recommend', options: { request: 'heist movies', count: 5 } });
        expect(r.final().embeds).toHaveLength(1);
        expect(visibleText(r.final())).toMatch(/\*\*1\. /);
        expect(customIds(r.final()).some((id) => id.startsWith('dt:'))).toBe(false);
      }
      const refused = logs.filter((l) => l.includes('TMDB refused TMDB_API_KEY'));
      expect(refused).toHaveLength(1);
      expect(logs.join('')).not.toContain('not-the-key-0000');
    } finally {
      await h.close();
      await app.close();
      await tmdb.close();
    }
  }, 60_000);
});

describe('e2e: cards from a catalog\'s own image and url columns', () => {
  it('GIVEN image and url columns with spaces, accents and parentheses THEN the list answers with well-formed embed URLs', async () => {
    const app = await makeApp();
    const h = await startHarness({ services: app });
    try {
      const csv = [
        'id,title,year,tags,image,url',
        'p1,Amélie,2001,romance|comedy,https://img.example/posters/Amélie poster.jpg,https://wiki.example/Amélie_(film)',
        'p2,Heat,1995,crime|heist,https://img.example/a b.jpg,https://wiki.example/Heat (1995 film)',
      ].join('\n');
      await app.catalog.upload({ scope: GUILD, userId: ADMIN.id }, { bytes: utf8(csv), filename: 'own.csv', mode: 'replace' });
      const r = await h.run({ type: 'command', name: 'recommend', options: { request: 'romance or crime', count: 2 } });
      const embeds = (r.final().embeds ?? []) as APIEmbed[];
      const urls = embeds.flatMap((e) => [e.url, e.thumbnail?.url]).filter((u): u is string => u !== undefined);
      expect(urls.length).toBeGreaterThanOrEqual(4);
      for (const u of urls) {
        expect(u).toMatch(/^https:\/\/[\x21-\x7e]+$/);
        expect(new URL(u).href).toBe(u);
      }
      expect(urls).toContain('https://img.example/a%20b.jpg');
    } finally {
      await h.close();
      await app.close();
    }
  });
});
