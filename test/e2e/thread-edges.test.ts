import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { BOT_PERMISSIONS, Perm } from '../emulators/discord/index.js';
import { createFakeServices, type FakeServices } from '../helpers/fake-services.js';
import { ADMIN, CHANNEL, GUILD, MEMBER, startHarness, visibleText, type Harness } from './harness.js';

const EPHEMERAL = 64;
const botMessages = (h: Harness, channelId: string) => h.emu.channelMessages(channelId).filter((m) => m.authorId === h.emu.botUser.id);

async function say(h: Harness, channelId: string, author: { id: string; username: string }, content: string, mentionsBot = false) {
  const before = botMessages(h, channelId).length;
  await h.emu.sendMessage({ channelId, guildId: GUILD, author, content, mentionsBot });
  return before;
}

async function openConversation(h: Harness, request = 'heist movies', user = ADMIN) {
  const r = await h.run({ type: 'command', name: 'recommend', options: { request, count: 3 }, user });
  const thread = h.emu.threads().find((t) => t.name.endsWith(request));
  if (!thread) throw new Error(`no thread: ${visibleText(r.final())}`);
  return { r, thread };
}

describe('e2e: threads at the edges (intent refused, failures, permissions, /recommend inside a thread)', () => {
  let h: Harness | undefined;
  let sv: FakeServices;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('GIVEN the Message Content intent is off in the Developer Portal THEN the bot warns, logs in without it, and refinement works by mention', async () => {
    const lines: Record<string, unknown>[] = [];
    const dest = new Writable({ write(chunk, _e, cb) { lines.push(JSON.parse(String(chunk)) as Record<string, unknown>); cb(); } });
    sv = createFakeServices();
    h = await startHarness({ services: sv, emulator: { allowMessageContent: false }, logger: createLogger('info', dest as never) });
    expect(h.bot.messageContent).toBe(false);
    const warning = lines.find((l) => l.level === 40 && String(l.msg).includes('Message Content intent'));
    expect(String(warning?.msg)).toMatch(/4014.*Privileged Gateway Intents.*README/s);
    const { r, thread } = await openConversation(h);
    expect(visibleText(r.final())).toContain('by mentioning me');
    const b1 = await say(h, thread.id, ADMIN, 'no comedy');
    expect((await h.emu.waitFor(() => botMessages(h as Harness, thread.id)[b1]))?.content).toContain('Message Content intent is off');
    const b2 = await say(h, thread.id, ADMIN, 'no thriller', true);
    expect(visibleText((await h.emu.waitFor(() => botMessages(h as Harness, thread.id)[b2])) as never)).toContain('Updated list');
  });

  it('GIVEN the intent is on and the asker sends a message without text (a sticker) THEN nothing is said about the intent', async () => {
    sv = createFakeServices();
    h = await startHarness({ services: sv });
    expect(h.bot.messageContent).toBe(true);
    const { thread } = await openConversation(h);
    await say(h, thread.id, ADMIN, '');
    const before = await say(h, thread.id, ADMIN, 'no comedy');
    await h.emu.waitFor(() => botMessages(h as Harness, thread.id)[before]);
    expect(botMessages(h, thread.id).map((m) => m.content).join('\n')).not.toContain('Message Content');
    expect(sv.calls.filter((c) => c.method === 'refine')).toHaveLength(1);
  });

  it('GIVEN no catalog and no LLM THEN /recommend says so privately, with no thread and no public message', async () => {
    sv = createFakeServices();
    sv.catalogs.set(GUILD, []);
    h = await startHarness({ services: sv });
    const r = await h.run({ type: 'command', name: 'recommend', options: { request: 'heist' } });
    expect(r.callbacks).toEqual([expect.objectContaining({ type: 4, data: expect.objectContaining({ flags: EPHEMERAL }) })]);
    expect(visibleText(r.final())).toContain('This server has no catalog yet');
    expect(h.emu.threads()).toHaveLength(0);
    expect(botMessages(h, CHANNEL)).toHaveLength(0);
    expect(sv.calls.some((c) => c.method === 'recommend')).toBe(false);
  });

  it('GIVEN the bot may not create public threads THEN /recommend answers inline instead of failing', async () => {
    sv = createFakeServices();
    const noThreads = (BigInt(BOT_PERMISSIONS) & ~Perm.CreatePublicThreads).toString();
    h = await startHarness({ services: sv, emulator: { botPermissions: noThreads } });
    const r = await h.run({ type: 'command', name: 'recommend', options: { request: 'heist', count: 3 } });
    expect(h.emu.threads()).toHaveLength(0);
    expect(h.emu.log.some((c) => c.method === 'POST' && c.path.endsWith('/threads') && c.status === 403)).toBe(true);
    expect(visibleText(r.final())).toMatch(/1\. Heat[\s\S]*Reply to this message to refine it/);
    expect(sv.calls.find((c) => c.method === 'recommend')?.input).toMatchObject({ conversationId: `inline.${r.id}` });
  });

  it('GIVEN /recommend fails after its thread opened THEN the thread stays, its first message says what went wrong, and the error is private', async () => {
    sv = createFakeServices();
    h = await startHarness({ services: sv });
    sv.failNext('recommend', Object.assign(new Error('budget'), { userMessage: 'The daily LLM budget is used up; try again tomorrow.' }));
    const r = await h.run({ type: 'command', name: 'recommend', options: { request: 'heist' } });
    expect(h.emu.threads()).toHaveLength(1);
    expect(h.emu.log.some((c) => c.method === 'DELETE' && /^\/channels\/[^/]+$/.test(c.path))).toBe(false);
    const starter = h.emu.message(r.messageId as string);
    expect(starter?.content).toContain('No list this time. The daily LLM budget is used up');
    expect(r.followUps.at(-1)?.body).toMatchObject({ flags: EPHEMERAL, content: expect.stringContaining('budget is used up') });
  });

  it("GIVEN /recommend inside the bot's conversation thread THEN it replaces that thread's conversation (same id), says so, and the new asker refines it, also after a restart", async () => {
    sv = createFakeServices();
    h = await startHarness({ services: sv });
    const { thread } = await openConversation(h);
    const r = await h.run({ type: 'command', name: 'recommend', options: { request: 'cozy mystery', count: 3 }, channelId: thread.id, user: MEMBER });
    expect(h.emu.threads()).toHaveLength(1);
    expect(r.final().content).toBe('Asked by <@member>');
    expect(visibleText(r.final())).toContain('replaces the previous list');
    expect(sv.calls.filter((c) => c.method === 'recommend').map((c) => (c.input as { conversationId: string }).conversationId)).toEqual([thread.id, thread.id]);
    await h.restartBot();
    const plain = () => botMessages(h as Harness, thread.id).filter((m) => !m.interactionId);
    const before = plain().length;
    await h.emu.sendMessage({ channelId: thread.id, guildId: GUILD, author: ADMIN, content: 'no heist' });
    await h.emu.sendMessage({ channelId: thread.id, guildId: GUILD, author: MEMBER, content: 'no comedy' });
    const reply = await h.emu.waitFor(() => plain()[before]);
    expect(visibleText(reply as never)).toContain('Updated list');
    expect(sv.calls.filter((c) => c.method === 'refine').map((c) => [c.caller?.userId, (c.input as { conversationId: string }).conversationId])).toEqual([['member', thread.id]]);
  });
});
