import { afterEach, describe, expect, it } from 'vitest';
import { ChannelType } from '../emulators/discord/constants.js';
import { ADMIN_PERMISSIONS, MEMBER_PERMISSIONS, type EmulatorOptions } from '../emulators/discord/index.js';
import { createFakeServices, type FakeServices } from '../helpers/fake-services.js';
import { ADMIN, CHANNEL, GUILD, MEMBER, startHarness, visibleText, type Harness } from './harness.js';

const botMessages = (h: Harness, channelId: string) => h.emu.channelMessages(channelId).filter((m) => m.authorId === h.emu.botUser.id && !m.interactionId);
const refines = (sv: FakeServices) => sv.calls.filter((c) => c.method === 'refine');

/** A user's reply to `messageId`; resolves with the bot's next plain message in that channel. */
async function replyAndWait(h: Harness, channelId: string, author: { id: string; username: string }, replyTo: string, content: string) {
  const before = botMessages(h, channelId).length;
  await h.emu.sendMessage({ channelId, guildId: GUILD, author, content, replyTo });
  return h.emu.waitFor(() => botMessages(h, channelId)[before]);
}

/** A guild with a thread that a person started (not the bot). */
const withForeignThread: EmulatorOptions = {
  guilds: [
    {
      id: GUILD, name: 'Test Guild', ownerId: 'admin',
      channels: [{ id: CHANNEL, name: 'general', type: ChannelType.GuildText }, { id: 't-people', name: 'movie night', type: ChannelType.PublicThread, ownerId: 'member' }],
      members: [{ user: ADMIN, permissions: ADMIN_PERMISSIONS }, { user: MEMBER, permissions: MEMBER_PERMISSIONS }],
    },
  ],
};

describe('e2e: inline conversations refine only by the asker replying to their own /recommend answer', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  async function inlineHarness(emulator?: EmulatorOptions) {
    const sv = createFakeServices();
    await sv.settings.set({ scope: GUILD, userId: 'admin' }, { conversationMode: 'inline' });
    h = await startHarness({ services: sv, emulator });
    return { h, sv };
  }

  it('GIVEN A replies to their own list THEN it refines the conversation that answer made, and a reply to the updated list refines it again', async () => {
    const { h, sv } = await inlineHarness();
    const r = await h.run({ type: 'command', name: 'recommend', options: { request: 'heist movies', count: 3 } });
    expect(visibleText(r.final())).toContain('Reply to this message to refine it');
    const conversationId = (sv.calls.find((c) => c.method === 'recommend')?.input as { conversationId: string }).conversationId;
    expect(conversationId).toBe(`inline.${r.id}`);
    const updated = await replyAndWait(h, CHANNEL, ADMIN, r.messageId as string, 'no comedy');
    expect(visibleText(updated as never)).toContain('Updated list');
    const again = await replyAndWait(h, CHANNEL, ADMIN, updated!.id, 'something older');
    expect(visibleText(again as never)).toContain('turn 3: something older');
    expect(refines(sv).map((c) => (c.input as { conversationId: string }).conversationId)).toEqual([conversationId, conversationId]);
  });

  it('GIVEN two lists by A THEN a reply to the older one refines the older conversation, not the newer', async () => {
    const { h, sv } = await inlineHarness();
    const first = await h.run({ type: 'command', name: 'recommend', options: { request: 'heist', count: 3 } });
    await h.run({ type: 'command', name: 'recommend', options: { request: 'cozy', count: 3 } });
    await replyAndWait(h, CHANNEL, ADMIN, first.messageId as string, 'no comedy');
    expect(refines(sv).map((c) => (c.input as { conversationId: string }).conversationId)).toEqual([`inline.${first.id}`]);
  });

  it("GIVEN another user replies to A's list, or A replies to a /similar answer THEN both are ignored silently", async () => {
    const { h, sv } = await inlineHarness();
    const list = await h.run({ type: 'command', name: 'recommend', options: { request: 'heist movies', count: 3 } });
    const similar = await h.run({ type: 'command', name: 'similar', options: { title: 'm1' } });
    await h.emu.sendMessage({ channelId: CHANNEL, guildId: GUILD, author: MEMBER, content: 'no heist', replyTo: list.messageId });
    await h.emu.sendMessage({ channelId: CHANNEL, guildId: GUILD, author: ADMIN, content: 'no thriller', replyTo: similar.messageId });
    await h.emu.sendMessage({ channelId: CHANNEL, guildId: GUILD, author: ADMIN, content: 'no comedy, not a reply' });
    // A's reply to their own list is answered; the messages before it were handled by then, in order.
    const answer = await replyAndWait(h, CHANNEL, ADMIN, list.messageId as string, 'no comedy');
    expect(visibleText(answer as never)).toContain('turn 2: no comedy');
    expect(refines(sv).map((c) => [c.caller?.userId, (c.input as { text: string }).text])).toEqual([['admin', 'no comedy']]);
    expect(botMessages(h, CHANNEL)).toHaveLength(1);
  });

  it('GIVEN /recommend in a thread a person started THEN it answers inline there, with the reply hint, and a reply refines', async () => {
    const { h, sv } = await inlineHarness(withForeignThread);
    await sv.settings.set({ scope: GUILD, userId: 'admin' }, { conversationMode: 'thread' });
    const r = await h.run({ type: 'command', name: 'recommend', options: { request: 'heist', count: 3 }, channelId: 't-people' });
    expect(h.emu.threads()).toHaveLength(0);
    expect(visibleText(r.final())).toContain('Reply to this message to refine it');
    const answer = await replyAndWait(h, 't-people', ADMIN, r.messageId as string, 'no comedy');
    expect(visibleText(answer as never)).toContain('Updated list');
    expect(refines(sv)[0]?.input).toMatchObject({ conversationId: `inline.${r.id}` });
  });
});
