/**
 * "Gemini makes it better, never makes it possible": with the provider unreachable, catalogs still load
 * and upload (local vectors), lists still come (offline engine, saying why), and DMs get the starter catalog.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, makeApp, utf8 } from '../../helpers/app.js';
import type { AppServices } from '../../../src/services.js';

const DEAD = { LLM_PROVIDER: 'gemini', GEMINI_API_KEY: 'test-key-dead-provider', GEMINI_BASE_URL: 'http://127.0.0.1:9' };
const fastFail = { retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1, sleep: async () => {}, random: () => 0.5 } };

describe('GIVEN a configured LLM provider that cannot be reached', () => {
  let app: AppServices;
  beforeAll(async () => {
    app = await makeApp({ env: DEAD, providerDeps: fastFail });
  });
  afterAll(() => app.close());

  it('THEN a catalog upload still applies, built with the local embedder', async () => {
    const admin = caller('u-admin', 'guild-dead-llm');
    const csv = 'id,title,year,tags\nb1,Dune,1965,sci-fi|desert\nb2,Emma,1996,romance|comedy\nb3,Neuromancer,1984,sci-fi|cyberpunk\n';
    const r = await app.catalog.upload(admin, { bytes: utf8(csv), filename: 'books.csv', mode: 'replace' });
    expect(r).toMatchObject({ applied: true, added: 3 });
    const sim = await app.similar(admin, { text: 'cyberpunk sci-fi', count: 2 });
    expect(sim.items.map((x) => x.item.id)).toContain('b3');
    expect(sim.notes.join(' ')).toMatch(/local-sem-v\d/);
  });

  it('THEN /recommend answers from the offline engine and says the LLM failed', async () => {
    const me = caller('u-me', 'guild-dead-llm');
    const r = await app.recommend(me, { text: 'desert planet sci-fi', count: 2 });
    expect(r.items.length).toBeGreaterThan(0);
    expect(r.engine).toBe('offline');
    expect(r.offlineReason).toBe('llm-failed');
  });
});

describe('GIVEN a direct message (scope dm:{user}) with no catalog', () => {
  let app: AppServices;
  beforeAll(async () => {
    app = await makeApp();
  });
  afterAll(() => app.close());

  it('THEN the starter catalog is there for search and lists, without any admin step', async () => {
    const dm = caller('u-dm', 'dm:u-dm');
    expect((await app.searchTitles(dm, 'heat', 5)).map((i) => i.title)).toContain('Heat');
    const r = await app.recommend(dm, { text: 'heist movies', count: 3 });
    expect(r.items).toHaveLength(3);
    expect((await app.catalog.info('dm:u-dm'))?.source).toBe('starter');
  });

  it('THEN a server scope without a catalog still says there is none', async () => {
    await expect(app.recommend(caller('u-x', 'guild-empty'), { text: 'heist movies' })).rejects.toMatchObject({ code: 'catalog.empty' });
  });
});
