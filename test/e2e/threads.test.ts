import { afterEach, describe, expect, it } from 'vitest';
import { createFakeServices, type FakeServices } from '../helpers/fake-services.js';
import { ADMIN, GUILD, MEMBER, startHarness, visibleText, type Harness } from './harness.js';

const botMessages = (h: Harness, threadId: string) => h.emu.channelMessages(threadId).filter((m) => m.authorId === h.emu.botUser.id);

async function openConversation(h: Harness, request = 'heist movies') {
  await h.run({ type: 'command', name: 'recommend', options: { request, count: 3 } });
  const thread = h.emu.threads().find((t) => t.name.endsWith(request));
  if (!thread) throw new Error('no thread');
  return thread;
}

async function say(h: Harness, threadId: string, author: { id: string; username: string }, content: string, mentionsBot = false) {
  const before = botMessages(h, threadId).length;
  await h.emu.sendMessage({ channelId: threadId, guildId: GUILD, author, content, mentionsBot });
  return before;
}

describe('e2e: conversational refinement in a thread', () => {
  let h: Harness | undefined;
  let sv: FakeServices;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('GIVEN three messages from the asker THEN each refines the same conversation (the thread id) and answers in the thread', async () => {
    sv = createFakeServices();
    h = await startHarness({ services: sv });
    const thread = await openConversation(h);
    expect(h.emu.message(thread.id)?.content).toBe('Asked by <@admin>');
    for (const [k, text] of ['no comedy', 'something older', 'no thriller'].entries()) {
      const before = await say(h, thread.id, ADMIN, text);
      const reply = await h.emu.waitFor(() => botMessages(h as Harness, thread.id)[before]);
      expect(visibleText(reply as never)).toContain(`turn ${k + 2}: ${text}`);
    }
    const refines = sv.calls.filter((c) => c.method === 'refine');
    expect(refines.map((c) => (c.input as { conversationId: string }).conversationId)).toEqual([thread.id, thread.id, thread.id]);
    expect(sv.conversations.get(thread.id)?.turns).toHaveLength(4);
    const last = botMessages(h, thread.id).at(-1);
    expect(visibleText(last as never)).not.toMatch(/Ronin|Heat \(/);
  });

  it('GIVEN a message from someone else in the thread THEN it is ignored', async () => {
    sv = createFakeServices();
    h = await startHarness({ services: sv });
    const thread = await openConversation(h);
    await say(h, thread.id, MEMBER, 'no heist');
    // The asker's next message is answered; by then the other message has long been handled.
    const before = await say(h, thread.id, ADMIN, 'no comedy');
    await h.emu.waitFor(() => botMessages(h as Harness, thread.id)[before]);
    expect(sv.calls.filter((c) => c.method === 'refine').map((c) => c.caller?.userId)).toEqual(['admin']);
  });

  it('GIVEN the bot restarts THEN the asker can still refine (the owner is read back from the thread)', async () => {
    sv = createFakeServices();
    h = await startHarness({ services: sv });
    const thread = await openConversation(h);
    await h.restartBot();
    await say(h, thread.id, MEMBER, 'ignored after restart');
    const before = await say(h, thread.id, ADMIN, 'no comedy');
    const reply = await h.emu.waitFor(() => botMessages(h as Harness, thread.id)[before]);
    expect(visibleText(reply as never)).toContain('Updated list');
    expect(sv.calls.filter((c) => c.method === 'refine').map((c) => c.caller?.userId)).toEqual(['admin']);
  });

  it('GIVEN no Message Content intent THEN the bot says once how to refine, and a mention refines', async () => {
    sv = createFakeServices();
    h = await startHarness({ services: sv, messageContent: false });
    const thread = await openConversation(h);
    const b1 = await say(h, thread.id, ADMIN, 'no comedy');
    const warn = await h.emu.waitFor(() => botMessages(h as Harness, thread.id)[b1]);
    expect(warn?.content).toContain('Message Content intent');
    const b2 = await say(h, thread.id, ADMIN, 'no thriller', true);
    const reply = await h.emu.waitFor(() => botMessages(h as Harness, thread.id)[b2]);
    expect(visibleText(reply as never)).toContain('Updated list');
    await say(h, thread.id, ADMIN, 'still unreadable');
    const b4 = await say(h, thread.id, ADMIN, 'no horror', true);
    await h.emu.waitFor(() => botMessages(h as Harness, thread.id)[b4]);
    expect(botMessages(h, thread.id).filter((m) => m.content.includes('Message Content intent'))).toHaveLength(1);
    expect(sv.calls.filter((c) => c.method === 'refine').map((c) => (c.input as { text: string }).text)).toEqual(['no thriller', 'no horror']);
  });

  it('GIVEN an expired conversation THEN the asker is told to start again', async () => {
    sv = createFakeServices();
    h = await startHarness({ services: sv });
    const thread = await openConversation(h);
    sv.conversations.delete(thread.id);
    const before = await say(h, thread.id, ADMIN, 'no comedy');
    const reply = await h.emu.waitFor(() => botMessages(h as Harness, thread.id)[before]);
    expect(reply?.content).toContain('This conversation has expired');
  });

  it('GIVEN /recommend in a DM THEN no thread is opened and the next DM refines it', async () => {
    sv = createFakeServices();
    h = await startHarness({ services: sv });
    const r = await h.run({ type: 'command', name: 'recommend', options: { request: 'cozy mystery' }, guildId: undefined, channelId: 'dm1', user: MEMBER });
    expect(visibleText(r.final())).toContain('Reply here to refine it');
    expect(h.emu.threads()).toHaveLength(0);
    await h.emu.sendMessage({ channelId: 'dm1', author: MEMBER, content: 'no comedy' });
    const reply = await h.emu.waitFor(() => botMessages(h as Harness, 'dm1').find((m) => visibleText(m as never).includes('Updated list')));
    expect(reply).toBeDefined();
    expect(sv.calls.find((c) => c.method === 'refine')).toMatchObject({ caller: { scope: 'dm:member', userId: 'member' }, input: { conversationId: 'inline.dm1.member' } });
  });
});
