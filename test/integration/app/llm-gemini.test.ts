/**
 * The app with Gemini configured, against the Gemini emulator on 127.0.0.1 (the real SDK talks to it):
 * one generation call per list, grounding to the candidates, fallback to the offline engine on faults,
 * budgets, the on/off setting, the response cache, and embedding requests of catalog uploads.
 * A small movie catalog (50 items) keeps embedding through the emulator cheap.
 */
import { describe, expect, it } from 'vitest';
import { reasonText } from '../../../src/present/reason-text.js';
import { caller, hasTag, idsOf, makeApp } from '../../helpers/app.js';
import { blockIds, blockItems, picking, SMALL_MOVIES as MOVIES, useGeminiApps } from '../../helpers/gemini-app.js';

const g = useGeminiApps();
const admin = caller('u-admin', 'guild-llm');
const me = caller('u-llm', 'guild-llm');

/** A fresh app (own memory store, own breaker) with Gemini through the emulator and the small catalog loaded. */
const llmApp = (env: Record<string, string> = {}) => g.app({ env, catalog: admin });

describe('recommend with Gemini', () => {
  it('GIVEN Gemini is configured WHEN recommending THEN exactly one generation call is made and its picks come back in its order', async () => {
    const app = await llmApp();
    let offered: string[] = [];
    g.emu.respond((r) => {
      offered = blockIds(r.prompt, 'Candidates');
      return picking('Candidates', (ids) => ids.slice(-5).reverse())(r);
    });
    const r = await app.recommend(me, { text: 'heist movies', count: 5 });
    expect(g.emu.counts.generateContent).toBe(1);
    expect(offered.length).toBeGreaterThan(5);
    expect(idsOf(r)).toEqual(offered.slice(-5).reverse());
    expect(r.items.map((x) => reasonText(x.reason, { public: false }))).toEqual(idsOf(r).map((id) => `emu says ${id}`));
    expect(r).toMatchObject({ engine: 'llm', llmCalls: 1 });
    expect(r.offlineReason).toBeUndefined();
    expect(g.emu.requests.find((q) => q.kind === 'generateContent')?.prompt).toContain('heist movies');
  });

  it('GIVEN the model answers with ids outside the candidates (made up, or already watched) THEN those are dropped and the list is completed', async () => {
    const app = await llmApp();
    const seen = (await app.searchTitles(me, 'Ocean'))[0];
    await app.watched.add(me, seen.id);
    let offered: string[] = [];
    g.emu.respond((r) => {
      offered = blockIds(r.prompt, 'Candidates');
      return { json: { picks: [{ id: 'ml-999999', reason: 'made up' }, { id: offered[3], reason: 'real' }, { id: seen.id, reason: 'watched' }, { id: offered[1], reason: 'real' }] } };
    });
    const r = await app.recommend(me, { text: 'heist movies', count: 5 });
    expect(offered).not.toContain(seen.id);
    expect(idsOf(r).slice(0, 2)).toEqual([offered[3], offered[1]]);
    expect(idsOf(r)).toHaveLength(5);
    expect(idsOf(r)).not.toContain('ml-999999');
    expect(idsOf(r)).not.toContain(seen.id);
    expect(r.engine).toBe('llm');
    expect(r.notes.join(' ')).toMatch(/dropped 2/);
  });

  it('GIVEN the emulator answers 500 THEN the offline engine answers, saying the LLM failed', async () => {
    const app = await llmApp();
    g.emu.fault({ kind: '500' });
    const r = await app.recommend(me, { text: 'heist movies', count: 5 });
    expect(r).toMatchObject({ engine: 'offline', offlineReason: 'llm-failed' });
    expect(r.items).toHaveLength(5);
    expect(g.emu.counts.generateContent).toBe(1);
  });

  it('GIVEN the emulator is slower than LLM_TIMEOUT_MS THEN the offline engine answers, saying the LLM failed', async () => {
    const app = await llmApp({ LLM_TIMEOUT_MS: '500' });
    g.emu.fault({ kind: 'slow', ms: 5_000 });
    const r = await app.recommend(me, { text: 'heist movies', count: 5 });
    expect(r).toMatchObject({ engine: 'offline', offlineReason: 'llm-failed' });
    expect(r.items).toHaveLength(5);
  });

  it('GIVEN an answer that is not JSON THEN the offline engine answers with bad-answer', async () => {
    const app = await llmApp();
    g.emu.reply('I think you would enjoy Heat and Ronin!');
    const r = await app.recommend(me, { text: 'heist movies', count: 5 });
    expect(r).toMatchObject({ engine: 'offline', offlineReason: 'bad-answer' });
    expect(r.items).toHaveLength(5);
  });

  it('GIVEN a budget of one call a day per user THEN the second list is answered offline as over-budget without a generation request', async () => {
    const app = await llmApp({ USER_DAILY_LLM_CALLS: '1' });
    g.emu.respond(picking('Candidates', (ids) => ids.slice(0, 5)));
    expect((await app.recommend(me, { text: 'heist movies', count: 5 })).engine).toBe('llm');
    const second = await app.recommend(me, { text: 'crime thrillers', count: 5 });
    expect(second).toMatchObject({ engine: 'offline', offlineReason: 'over-budget', llmCalls: 0 });
    expect(second.items).toHaveLength(5);
    expect(g.emu.counts.generateContent).toBe(1);
    // another user of the same server still has their own budget
    expect((await app.recommend(caller('u-llm-other', 'guild-llm'), { text: 'crime thrillers', count: 5 })).engine).toBe('llm');
  });

  it('GIVEN the server turned the LLM off THEN lists come from the offline engine with disabled and no generation call', async () => {
    const app = await llmApp();
    await app.settings.set(admin, { llmEnabled: false });
    expect(await app.llmStatus(admin.scope)).toMatchObject({ configured: true, enabled: false, provider: 'gemini', model: 'gemini-test' });
    const r = await app.recommend(me, { text: 'heist movies', count: 5 });
    expect(r).toMatchObject({ engine: 'offline', offlineReason: 'disabled', llmCalls: 0 });
    expect(g.emu.counts.generateContent).toBe(0);
  });

  it('GIVEN the same request twice THEN the second is answered from the cache: one generation call in all, same list', async () => {
    const app = await llmApp();
    g.emu.respond(picking('Candidates', (ids) => ids.slice(2, 7)));
    const a = await app.recommend(me, { text: 'heist movies', count: 5 });
    const b = await app.recommend(me, { text: 'heist movies', count: 5 });
    expect(g.emu.counts.generateContent).toBe(1);
    expect(idsOf(b)).toEqual(idsOf(a));
    expect(b.engine).toBe('llm');
    expect(b.notes.join(' ')).toMatch(/cache/);
  });
});

describe('refine and other uses with Gemini', () => {
  it('GIVEN a conversation WHEN refining THEN one generation call makes the new list and the conversation is updated', async () => {
    const app = await llmApp();
    g.emu.respond(picking('Candidates', (ids) => ids.slice(0, 5)));
    const first = await app.recommend(me, { text: 'heist movies', count: 5, conversationId: 'conv-llm-1' });
    g.emu.respond((q) => {
      const shown = new Set(blockIds(q.prompt, 'The list shown now, in order'));
      const fresh = blockIds(q.prompt, 'Other candidates').filter((id) => !shown.has(id));
      return { json: { picks: fresh.slice(0, 5).map((id) => ({ id, reason: 'new' })), comment: 'fresh picks' } };
    });
    const r = await app.refine(me, { conversationId: 'conv-llm-1', text: 'something different please' });
    expect(g.emu.counts.generateContent).toBe(2);
    expect(r.engine).toBe('llm');
    expect(r.items).toHaveLength(5);
    expect(r.conversation?.shown).toEqual(idsOf(r));
    expect(idsOf(r)).not.toEqual(idsOf(first));
  });

  it('GIVEN "no comedies" WHEN the model keeps a comedy from the list shown THEN the comedy is still removed', async () => {
    const app = await llmApp();
    // the first list: comedies first
    g.emu.respond((q) => {
      const cands = blockItems(q.prompt, 'Candidates');
      const comedyFirst = [...cands.filter((c) => c.tags?.includes('Comedy')), ...cands.filter((c) => !c.tags?.includes('Comedy'))];
      return { json: { picks: comedyFirst.slice(0, 5).map((c) => ({ id: c.id, reason: 'funny' })) } };
    });
    const first = await app.recommend(me, { text: 'funny heist comedy', count: 5, conversationId: 'conv-llm-2' });
    const comedy = first.items.find((x) => hasTag(x.item, 'comedy'));
    expect(comedy, 'set-up: the first list has a comedy').toBeDefined();
    // the model ignores the request and answers with the list it was shown
    g.emu.respond(picking('The list shown now, in order', (ids) => ids, { comment: 'kept them' }));
    const r = await app.refine(me, { conversationId: 'conv-llm-2', text: 'no comedies' });
    expect(r.items.filter((x) => hasTag(x.item, 'comedy')).map((x) => x.item.title)).toEqual([]);
    expect(r.items.length).toBeGreaterThan(0);
  });

  it('GIVEN "swap the second one" WHEN the model answers with the same list THEN #2 is still replaced', async () => {
    const app = await llmApp();
    g.emu.respond(picking('Candidates', (ids) => ids.slice(0, 5)));
    const first = await app.recommend(me, { text: 'heist movies', count: 5, conversationId: 'conv-llm-3' });
    g.emu.respond(picking('The list shown now, in order', (ids) => ids, { comment: 'same' }));
    const r = await app.refine(me, { conversationId: 'conv-llm-3', text: 'swap the second one' });
    expect(r.change).toMatch(/#2/);
    expect(idsOf(r)).not.toContain(idsOf(first)[1]);
    expect(r.items).toHaveLength(5);
  });

  it('GIVEN Gemini WHEN asking next, predict and listwise rank THEN each costs one generation call', async () => {
    const app = await llmApp();
    const [heist, score] = [(await app.searchTitles(me, 'Heist'))[0], (await app.searchTitles(me, 'The Score'))[0]];
    await app.rate(me, heist.id, 4);
    g.emu.respond(picking('Candidates', (ids) => ids.slice(0, 3)));
    const n = await app.next(me, { count: 3 });
    expect(n.engine).toBe('llm');
    expect(g.emu.counts.generateContent).toBe(1);

    g.emu.respond(() => ({ json: { rating: 4.5, why: 'you liked heists' } }));
    const p = await app.predict(me, { itemId: score.id });
    expect(p).toMatchObject({ engine: 'llm', rating: 4.5, why: 'you liked heists' });
    expect(g.emu.counts.generateContent).toBe(2);

    g.emu.respond(() => ({ json: { order: ['ml-2571', 'ml-1', 'ml-4963'] } }));
    const k = await app.rank(me, { titles: ["Ocean's Eleven", 'Toy Story', 'The Matrix'], method: 'listwise' });
    expect(k.engine).toBe('llm');
    expect(k.ranked.map((x) => x.item.id)).toEqual(['ml-2571', 'ml-1', 'ml-4963']);
    expect(g.emu.counts.generateContent).toBe(3);
  });
});

describe('catalog embeddings with Gemini', () => {
  it('GIVEN a catalog uploaded once THEN uploading the same file again makes no embedding request', async () => {
    const app = await makeApp({ env: { LLM_PROVIDER: 'gemini', GEMINI_API_KEY: 'test-key', GEMINI_BASE_URL: g.emu.url }, providerDeps: { retry: { retries: 0 } } });
    g.opened.push(app);
    const first = await app.catalog.upload(admin, { bytes: MOVIES, filename: 'movies.csv', mode: 'replace' });
    expect(first.applied).toBe(true);
    expect(first.embedRequests).toBeGreaterThanOrEqual(1);
    expect(g.emu.counts.batchEmbedContents).toBe(first.embedRequests);
    expect(g.emu.counts.generateContent).toBe(0);
    g.emu.reset();
    const again = await app.catalog.upload(admin, { bytes: MOVIES, filename: 'movies.csv', mode: 'replace' });
    expect(again).toMatchObject({ applied: true, embedRequests: 0, added: 0, removed: 0 });
    expect(g.emu.counts.batchEmbedContents + g.emu.counts.embedContent).toBe(0);
    expect((await app.catalog.info(admin.scope))?.embedModel).toContain('gemini-embedding-001');
  });
});
