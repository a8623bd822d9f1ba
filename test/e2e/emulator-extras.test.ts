import { afterEach, describe, expect, it } from 'vitest';
import { BOT_PERMISSIONS, Perm, type EmulatorOptions } from '../emulators/discord/index.js';
import { createFakeServices } from '../helpers/fake-services.js';
import { ADMIN, CHANNEL, GUILD, startHarness, type Harness } from './harness.js';

/** Emulator features the bot's fixes rely on, exercised through the real discord.js client. */
describe('discord emulator: DELETE /channels/:id, replies, interaction metadata', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  async function withThread(emulator?: EmulatorOptions) {
    h = await startHarness({ services: createFakeServices(), emulator });
    const r = await h.run({ type: 'command', name: 'recommend', options: { request: 'heist', count: 2 } });
    const thread = h.emu.threads()[0];
    if (!thread) throw new Error('no thread');
    return { h, r, thread };
  }

  it('GIVEN Manage Threads THEN deleting a thread answers 200, removes it, and dispatches THREAD_DELETE', async () => {
    const { h, thread } = await withThread();
    const ch = await h.bot.client.channels.fetch(thread.id);
    await ch?.delete();
    expect(h.emu.threads()).toHaveLength(0);
    expect(h.emu.log.find((c) => c.method === 'DELETE' && c.path === `/channels/${thread.id}`)?.status).toBe(200);
    expect(h.emu.dispatches.some((d) => d.t === 'THREAD_DELETE' && (d.d as { id: string }).id === thread.id)).toBe(true);
  });

  it('GIVEN no Manage Threads (as the invite grants) THEN deleting a thread is refused with 403 Missing Permissions', async () => {
    const { h, thread } = await withThread({ botPermissions: (BigInt(BOT_PERMISSIONS) & ~Perm.ManageThreads).toString() });
    const ch = await h.bot.client.channels.fetch(thread.id);
    await expect(ch?.delete()).rejects.toThrow(/Missing Permissions/);
    expect(h.emu.threads()).toHaveLength(1);
  });

  it('GIVEN a reply to a command answer THEN discord.js sees the reference, and the answer carries who asked and which command', async () => {
    const { h, r } = await withThread();
    await h.emu.sendMessage({ channelId: CHANNEL, guildId: GUILD, author: ADMIN, content: 'thanks', replyTo: r.messageId });
    const raw = await h.emu.waitFor(() => [...h.emu.dispatches].reverse().find((d) => d.t === 'MESSAGE_CREATE' && (d.d as { content?: string }).content === 'thanks'));
    expect(raw.d).toMatchObject({ type: 19, message_reference: { message_id: r.messageId, channel_id: CHANNEL }, referenced_message: { id: r.messageId } });
    const channel = await h.bot.client.channels.fetch(CHANNEL);
    const answer = channel?.isTextBased() ? await channel.messages.fetch(r.messageId as string) : undefined;
    expect(answer?.interactionMetadata?.user.id).toBe('admin');
    expect(answer?.interaction?.commandName).toBe('recommend');
  });
});
