/**
 * /together with Gemini (the real SDK against the Gemini emulator on 127.0.0.1), through the Discord emulator:
 * ONE generation call per group list, asked with a group brief (a head count, never names), the model's
 * picks kept only among the candidates; each item still says how it fits the group; a refinement in the
 * thread is one more call and stays a group list.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { createServices, type AppServices } from '../../src/services.js';
import { startGeminiEmulator, type GeminiEmulator, type GeminiRequest } from '../emulators/gemini.js';
import { blockIds } from '../helpers/gemini-app.js';
import { titled } from '../helpers/app.js';
import { ADMIN_PERMISSIONS, MEMBER_PERMISSIONS } from '../emulators/discord/index.js';
import { ADMIN, CHANNEL, GUILD, listedTitles, refineInThread, startHarness, visibleText, type Harness } from './harness.js';

/** A member with a snowflake-like id (a /together mention only names real Discord ids). */
const MEMBER = { id: '100000000000000004', username: 'member' };
const guild = { id: GUILD, name: 'Test Guild', ownerId: ADMIN.id, channels: [{ id: CHANNEL, name: 'general' }],
  members: [{ user: ADMIN, permissions: ADMIN_PERMISSIONS }, { user: MEMBER, permissions: MEMBER_PERMISSIONS }] };
const MOVIES = new Uint8Array(readFileSync(new URL('../fixtures/app/movies-small.csv', import.meta.url)));

describe('e2e: /together with the Gemini emulator', () => {
  let gemini: GeminiEmulator;
  let app: AppServices;
  let h: Harness;
  const prompts: string[] = [];

  beforeAll(async () => {
    gemini = await startGeminiEmulator({ apiKey: 'e2e-together-key' });
    const config = parseConfig({ STORE_URL: 'memory://', LOG_LEVEL: 'silent', LLM_PROVIDER: 'gemini', GEMINI_API_KEY: gemini.apiKey, GEMINI_BASE_URL: gemini.url });
    app = await createServices(config, { logger: createLogger('silent'), retrainDelayMs: 0, providerDeps: { retry: { retries: 0 } } });
    expect((await app.catalog.upload({ scope: GUILD, userId: ADMIN.id }, { bytes: MOVIES, filename: 'movies.csv', mode: 'replace' })).applied).toBe(true);
    const rate = async (userId: string, rs: [string, number][]) => {
      for (const [t, v] of rs) await app.rate({ scope: GUILD, userId }, (await titled(app, { scope: GUILD, userId }, t)).id, v);
    };
    await rate(ADMIN.id, [['Toy Story', 5], ['Forrest Gump', 4.5], ['Heist', 2]]);
    await rate(MEMBER.id, [['Pulp Fiction', 5], ['Reservoir Dogs', 4.5], ['Toy Story', 3]]);
    await app.deps.engines.settle(GUILD);
    h = await startHarness({ services: app, emulator: { guilds: [guild] } });
    gemini.reset();
    // A model that answers with an id outside the candidates first (it must be dropped), then the last three candidates.
    gemini.respond((r: GeminiRequest) => {
      prompts.push(r.prompt);
      const ids = blockIds(r.prompt, 'Candidates').length ? blockIds(r.prompt, 'Candidates') : blockIds(r.prompt, 'Other candidates');
      const picks = ['not-a-candidate', ...ids.slice(-3)].map((id) => ({ id, reason: `emu ${id}` }));
      return { json: { picks } };
    });
  }, 90_000);
  afterAll(async () => {
    await h?.close();
    await app?.close();
    await gemini?.close();
  });

  it('GIVEN /together for two members THEN one call with a group brief and no names, the picks only among the candidates, each with its group fit', async () => {
    const before = gemini.counts.generateContent;
    const r = await h.run({ type: 'command', name: 'together', options: { members: `<@${MEMBER.id}>`, request: 'crime', count: 3 } });
    expect(gemini.counts.generateContent - before).toBe(1);
    const prompt = prompts.at(-1)!;
    expect(prompt).toContain('A list for 2 people watching together');
    expect(prompt).toContain('They asked for: crime');
    expect(prompt).not.toContain(MEMBER.id);
    const candidates = blockIds(prompt, 'Candidates');
    const conv = await app.deps.conversations.get(h.emu.threads().at(-1)!.id);
    expect(conv?.shown.every((id) => candidates.includes(id))).toBe(true);
    expect(conv?.shown).not.toContain('not-a-candidate');
    expect(conv?.shown.slice(0, 3)).toEqual(candidates.slice(-3));
    const text = visibleText(r.final());
    expect(listedTitles(r.final())).toHaveLength(3);
    expect(text).toMatch(/— (fits both|you both love it|\d loves? it|\d likes? it|\d (is|are) lukewarm)/);
    expect(text).not.toContain('emu ');
  });

  it('GIVEN a message in the group list\'s thread THEN one more call, and the list stays the group\'s', async () => {
    await h.run({ type: 'command', name: 'together', options: { members: `<@${MEMBER.id}>`, count: 3 } });
    const thread = h.emu.threads().at(-1)!;
    const before = gemini.counts.generateContent;
    const reply = await refineInThread(h, thread.id, ADMIN, 'something different');
    expect(gemini.counts.generateContent - before).toBe(1);
    expect(visibleText(reply)).toMatch(/— (fits both|you both love it|\d loves? it|\d likes? it|\d (is|are) lukewarm)/);
    const conv = await app.deps.conversations.get(thread.id);
    expect(conv?.group).toEqual([ADMIN.id, MEMBER.id]);
  });
});
