/**
 * The bot over the REAL services with Gemini configured, against the Gemini emulator on 127.0.0.1 (the real
 * SDK talks to it): /recommend in a thread with the model's picks, a three-turn refinement by the asker
 * (one generation call each), others' messages ignored, and the offline engine answering when the model fails.
 * The small movie catalog (50 rows) keeps embedding through the emulator quick.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { createServices, type AppServices } from '../../src/services.js';
import { startGeminiEmulator, type GeminiEmulator, type GeminiRequest } from '../emulators/gemini.js';
import { ADMIN, GUILD, listedTitles, MEMBER, refineInThread, startHarness, visibleText, type Harness } from './harness.js';

const MOVIES = new Uint8Array(readFileSync(new URL('../fixtures/app/movies-small.csv', import.meta.url)));

interface Brief {
  id: string;
  title: string;
  tags?: string[];
}

/** A data block of a prompt ("Candidates", "The list shown now, in order", ...), as the model sees it. */
function block<T>(prompt: string, label: string): T | undefined {
  const m = new RegExp(`(?:^|\\n)${label}:\\n<data>\\n(.*?)\\n</data>`, 's').exec(prompt);
  return m ? (JSON.parse(m[1]) as T) : undefined;
}
const isComedy = (b: Brief) => (b.tags ?? []).some((t) => t.toLowerCase() === 'comedy');

/**
 * A model that does what it is asked: the first list puts comedies first (so "no comedies" has work to do);
 * refinements swap #2, drop comedies, or cut to three, and say so in the comment.
 */
function model(r: GeminiRequest) {
  const shown = block<Brief[]>(r.prompt, 'The list shown now, in order');
  if (!shown) {
    const cands = block<Brief[]>(r.prompt, 'Candidates') ?? [];
    const picks = [...cands.filter(isComedy), ...cands.filter((c) => !isComedy(c))].slice(0, 5);
    return { json: { picks: picks.map((c) => ({ id: c.id, reason: `emu pick ${c.id}` })) } };
  }
  const others = (block<Brief[]>(r.prompt, 'Other candidates') ?? []).filter((c) => !shown.some((s) => s.id === c.id));
  const message = block<string>(r.prompt, "The user's new message") ?? '';
  let list: Brief[];
  if (/second/.test(message)) list = [shown[0], others[0], ...shown.slice(2)];
  else if (/comed/.test(message)) list = [...shown.filter((c) => !isComedy(c)), ...others.filter((c) => !isComedy(c))].slice(0, shown.length);
  else if (/just 3/.test(message)) list = shown.slice(0, 3);
  else list = shown;
  return { json: { picks: list.map((c) => ({ id: c.id, reason: `emu refine ${c.id}` })), comment: `emu did: ${message}` } };
}

describe('e2e over the real services with the Gemini emulator', () => {
  let gemini: GeminiEmulator;
  let app: AppServices;
  let h: Harness;
  let threadId: string;
  const calls = () => gemini.counts.generateContent;
  const botMessages = () => h.emu.channelMessages(threadId);
  const shown = async () => (await app.deps.conversations.get(threadId))?.shown ?? [];
  const comedies = async (ids: string[]) => {
    const items = await Promise.all(ids.map((id) => app.getItem(GUILD, id)));
    return items.filter((it) => (it?.tags ?? []).some((t) => t.toLowerCase() === 'comedy')).map((it) => it?.title);
  };

  beforeAll(async () => {
    gemini = await startGeminiEmulator({ apiKey: 'e2e-gemini-key' });
    const config = parseConfig({ STORE_URL: 'memory://', LOG_LEVEL: 'silent', LLM_PROVIDER: 'gemini', GEMINI_API_KEY: gemini.apiKey, GEMINI_BASE_URL: gemini.url });
    // No retries: a 500 is one failed call, answered offline at once.
    app = await createServices(config, { logger: createLogger('silent'), retrainDelayMs: 0, providerDeps: { retry: { retries: 0 } } });
    const rep = await app.catalog.upload({ scope: GUILD, userId: ADMIN.id }, { bytes: MOVIES, filename: 'movies.csv', mode: 'replace' });
    expect(rep.applied, 'set-up: the small catalog is uploaded').toBe(true);
    h = await startHarness({ services: app });
    gemini.reset();
    gemini.respond(model);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await app?.close();
    await gemini?.close();
  });

  it('GIVEN /recommend THEN a thread is opened and the list is the model\'s picks, from exactly one generation call', async () => {
    const r = await h.run({ type: 'command', name: 'recommend', options: { request: 'heist movies', count: 5 } });
    const thread = h.emu.threads().find((t) => t.name === 'Recs for admin: heist movies');
    expect(thread).toBeDefined();
    threadId = thread?.id as string;
    expect(calls()).toBe(1);
    const req = gemini.requests.find((q) => q.kind === 'generateContent');
    expect(req?.prompt).toContain('heist movies');
    const offered = block<Brief[]>(req?.prompt ?? '', 'Candidates') ?? [];
    const picked = [...offered.filter(isComedy), ...offered.filter((c) => !isComedy(c))].slice(0, 5);
    expect(await shown()).toEqual(picked.map((c) => c.id));
    const text = visibleText(r.final());
    expect(listedTitles(r.final()).map((t) => t.replace(/ \(\d{4}\)$/, ''))).toEqual(picked.map((c) => c.title));
    for (const c of picked) expect(text).toContain(`emu pick ${c.id}`);
    expect(text).toContain('Ranked with the LLM');
    expect(text).not.toContain('Offline engine');
    expect(await comedies(await shown()), 'set-up: the first list has a comedy').not.toEqual([]);
  });

  it('GIVEN three messages by the asker in the thread THEN each is one generation call and a reply saying what changed', async () => {
    const first = await shown();
    const t1 = await refineInThread(h, threadId, ADMIN, 'swap the second one');
    expect(calls()).toBe(2);
    const after1 = await shown();
    expect(after1[1]).not.toBe(first[1]);
    expect(after1.filter((_, k) => k !== 1)).toEqual(first.filter((_, k) => k !== 1));
    const title = async (id: string) => (await app.getItem(GUILD, id))?.title ?? id;
    expect(visibleText(t1)).toContain(`swapped #2 ${await title(first[1])} for ${await title(after1[1])}`);
    expect(visibleText(t1)).toContain('Ranked with the LLM');
    expect(visibleText(t1)).toContain('emu did: swap the second one');

    const before2 = await comedies(after1);
    const t2 = await refineInThread(h, threadId, ADMIN, 'no comedies');
    expect(calls()).toBe(3);
    const after2 = await shown();
    expect(await comedies(after2)).toEqual([]);
    expect(after2).toHaveLength(5);
    expect(listedTitles(t2)).toHaveLength(5);
    for (const t of before2) expect(visibleText(t2)).toMatch(new RegExp(`swapped #\\d ${t?.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} for`));
    expect(visibleText(t2)).toContain('Ranked with the LLM');

    const t3 = await refineInThread(h, threadId, ADMIN, 'just 3');
    expect(calls()).toBe(4);
    expect(await shown()).toEqual(after2.slice(0, 3));
    expect(listedTitles(t3)).toHaveLength(3);
    expect(visibleText(t3)).toContain(`removed #4 ${await title(after2[3])}`);
    expect(visibleText(t3)).toContain(`removed #5 ${await title(after2[4])}`);
    expect(visibleText(t3)).toContain('Ranked with the LLM');
  });

  it('GIVEN a message by someone else in the thread THEN it is ignored: no generation call, no reply', async () => {
    const replies = botMessages().length;
    const calls0 = calls();
    const list = await shown();
    await h.emu.sendMessage({ channelId: threadId, guildId: GUILD, author: MEMBER, content: 'no heist please' });
    // The asker's next message is answered; by then the other one has long been handled (events are in order).
    const mine = await h.emu.sendMessage({ channelId: threadId, guildId: GUILD, author: ADMIN, content: 'keep them' });
    const reply = await h.emu.waitFor(() => botMessages()[replies], 30_000);
    expect((reply.raw as { message_reference?: { message_id?: string } }).message_reference?.message_id).toBe(mine.id);
    expect(calls()).toBe(calls0 + 1);
    expect(botMessages()).toHaveLength(replies + 1);
    expect(await shown()).toEqual(list);
    expect((await app.deps.conversations.get(threadId))?.turns.filter((t) => t.role === 'user').map((t) => t.text)).not.toContain('no heist please');
    expect(gemini.requests.some((q) => q.prompt.includes('no heist please'))).toBe(false);
  });

  it('GIVEN the model answers 500 THEN the turn is still answered in the thread, by the offline engine, and the reply says so', async () => {
    const calls0 = calls();
    gemini.fault({ kind: '500' });
    const reply = await refineInThread(h, threadId, ADMIN, 'something older');
    expect(calls()).toBe(calls0 + 1);
    expect(visibleText(reply)).toContain('Updated list');
    expect(visibleText(reply)).toContain('Offline engine (LLM unavailable)');
    expect(listedTitles(reply).length).toBeGreaterThan(0);
  });
});
