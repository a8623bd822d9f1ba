/**
 * The LLM paths of the pipelines that other suites do not reach: the open-world pipeline of a server
 * without a catalog (recommend and refine), the model's comment on a refinement, and a refinement the
 * model cannot answer (the offline pool of the same run answers, no second run).
 */
import { describe, expect, it } from 'vitest';
import type { GeminiRequest } from '../../emulators/gemini.js';
import { appError, caller, idsOf } from '../../helpers/app.js';
import { blockIds, useGeminiApps } from '../../helpers/gemini-app.js';

const g = useGeminiApps();
const admin = caller('u-admin', 'guild-paths');
const me = caller('u-paths', 'guild-paths');
const empty = caller('u-paths', 'guild-paths-empty');

const llmApp = (withCatalog: boolean) => g.app(withCatalog ? { catalog: admin } : {});
const titles = (names: string[]) => () => ({ json: { titles: names.map((title, i) => ({ title, year: 1990 + i, reason: `because ${title}` })) } });

describe('open world: a server without a catalog, with the LLM on', () => {
  it('GIVEN /recommend THEN the LLM names the list in one call, and the reply says it is open world', async () => {
    const app = await llmApp(false);
    g.emu.respond(titles(['Made Up One', 'Made Up Two', 'Made Up Three']));
    const r = await app.recommend(empty, { text: 'heist movies', count: 3, conversationId: 'ow-1' });
    expect(g.emu.counts.generateContent).toBe(1);
    expect(r).toMatchObject({ engine: 'llm', llmCalls: 1 });
    expect(r.items.map((x) => x.item.title)).toEqual(['Made Up One', 'Made Up Two', 'Made Up Three']);
    expect(r.items.every((x) => x.item.id.startsWith('ow-') && x.sources[0] === 'llm')).toBe(true);
    expect(r.items[0].reason).toMatchObject({ kind: 'llm', text: 'because Made Up One' });
    expect(r.notes.join(' ')).toMatch(/open world/);
    expect(r.conversation?.shown).toEqual(idsOf(r));
  });

  it('GIVEN a follow-up THEN the LLM proposes a new list for the whole conversation', async () => {
    const app = await llmApp(false);
    g.emu.respond(titles(['Made Up One', 'Made Up Two']));
    await app.recommend(empty, { text: 'heist movies', count: 2, conversationId: 'ow-2' });
    let prompt = '';
    g.emu.respond((q: GeminiRequest) => {
      prompt = q.prompt;
      return titles(['Other One', 'Other Two'])();
    });
    const r = await app.refine(empty, { conversationId: 'ow-2', text: 'older ones' });
    expect(g.emu.counts.generateContent).toBe(2);
    expect(prompt).toContain('older ones');
    expect(r).toMatchObject({ engine: 'llm', change: 'a new list for your request' });
    expect(r.items.map((x) => x.item.title)).toEqual(['Other One', 'Other Two']);
    expect(r.conversation).toMatchObject({ extraText: 'older ones', shown: idsOf(r) });
  });

  it('GIVEN the LLM fails THEN there is nothing to answer with: catalog.empty', async () => {
    const app = await llmApp(false);
    g.emu.fault({ kind: '500' });
    expect((await appError(app.recommend(empty, { text: 'heist movies', count: 3 }))).code).toBe('catalog.empty');
  });
});

describe('refinement turns with the LLM', () => {
  it('GIVEN the model comments on its new list THEN the comment is among the notes', async () => {
    const app = await llmApp(true);
    g.emu.respond((q) => ({ json: { picks: blockIds(q.prompt, 'Candidates').slice(0, 4).map((id) => ({ id, reason: 'first' })) } }));
    await app.recommend(me, { text: 'heist movies', count: 4, conversationId: 'c-comment' });
    g.emu.respond((q) => ({ json: { picks: blockIds(q.prompt, 'Other candidates').slice(0, 4).map((id) => ({ id, reason: 'new' })), comment: 'went darker' } }));
    const r = await app.refine(me, { conversationId: 'c-comment', text: 'something darker' });
    expect(r.engine).toBe('llm');
    expect(r.notes).toContain('went darker');
    expect(r.items.every((x) => x.sources[0] === 'llm')).toBe(true);
  });

  it('GIVEN the model fails on a turn THEN the offline answer of the same run fills the list, in one generation call', async () => {
    const app = await llmApp(true);
    g.emu.respond((q) => ({ json: { picks: blockIds(q.prompt, 'Candidates').slice(0, 4).map((id) => ({ id, reason: 'first' })) } }));
    const first = await app.recommend(me, { text: 'heist movies', count: 4, conversationId: 'c-fail' });
    g.emu.fault({ kind: '500' });
    const r = await app.refine(me, { conversationId: 'c-fail', text: 'swap the second one' });
    expect(g.emu.counts.generateContent).toBe(2);
    expect(r).toMatchObject({ engine: 'offline', offlineReason: 'llm-failed' });
    expect(r.items).toHaveLength(4);
    const ids = idsOf(r);
    expect([ids[0], ids[2], ids[3]]).toEqual([idsOf(first)[0], idsOf(first)[2], idsOf(first)[3]]);
    expect(ids[1]).not.toBe(idsOf(first)[1]);
    expect(r.change).toMatch(/#2 is now .+ \(instead of .+\)/);
  });
});
