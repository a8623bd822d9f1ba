import { DiscordAPIError } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordEmulator, type DiscordEmulator } from '../../emulators/discord/index.js';
import { startBot, type TestBot } from './client.js';

const admin = { id: 'admin', username: 'admin' };
const where = { guildId: 'g1', channelId: 'c1' };

describe('discord emulator with a real discord.js client: gateway, threads, REST errors', () => {
  let emu: DiscordEmulator;
  let bot: TestBot;

  beforeAll(async () => {
    emu = await startDiscordEmulator();
    bot = await startBot(emu);
  });
  afterAll(async () => {
    await bot?.client.destroy();
    await emu?.close();
  });

  it('GIVEN a thread started from a reply THEN the thread is recorded and user messages in it reach messageCreate', async () => {
    const rec = await emu.interact({ type: 'command', name: 'thread', user: admin, ...where });
    const thread = await emu.waitFor(() => emu.threads()[0]);
    expect(thread).toMatchObject({ name: 'Taste talk', parentId: 'c1', ownerId: emu.botUser.id });
    expect(thread.id).toBe(rec.messageId);
    await emu.waitFor(() => emu.channelMessages(thread.id).length > 0);
    expect(emu.channelMessages(thread.id)[0].content).toBe('ask me anything');

    const sent = await emu.sendMessage({ channelId: thread.id, guildId: 'g1', author: admin, content: 'something like Alien?' });
    const got = await emu.waitFor(() => bot.messages.find((m) => m.id === sent.id));
    expect(got.content).toBe('something like Alien?');
    expect(got.channel.isThread()).toBe(true);
    expect(got.author.id).toBe('admin');
  });

  it('GIVEN a user message mentioning the bot THEN discord.js sees the mention', async () => {
    const sent = await emu.sendMessage({ channelId: 'c1', author: admin, content: 'hi', mentionsBot: true });
    const got = await emu.waitFor(() => bot.messages.find((m) => m.id === sent.id));
    expect(got.mentions.users.has(emu.botUser.id)).toBe(true);
    expect(got.content).toBe(`<@${emu.botUser.id}> hi`);
  });

  it('GIVEN dropped connections THEN the client RESUMEs and gets events dispatched meanwhile', async () => {
    emu.dropConnections();
    const sent = await emu.sendMessage({ channelId: 'c1', author: admin, content: 'while you were away' });
    expect(emu.dispatches.filter((d) => d.t === 'RESUMED')).toHaveLength(0);
    await emu.waitForReady();
    await emu.waitFor(() => bot.resumed > 0);
    expect(emu.dispatches.some((d) => d.t === 'RESUMED')).toBe(true);
    expect(emu.dispatches.filter((d) => d.t === 'READY')).toHaveLength(1);
    expect((await emu.waitFor(() => bot.messages.find((m) => m.id === sent.id))).content).toBe('while you were away');
    const rec = await emu.interact({ type: 'command', name: 'ping', user: admin, ...where });
    await rec.acknowledged();
    expect(rec.final().content).toBe('pong');
  });

  it('GIVEN an unknown route THEN discord.js gets a 404 DiscordAPIError and the log shows it', async () => {
    const err = await bot.client.rest.get('/nonexistent/123').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DiscordAPIError);
    expect((err as DiscordAPIError).status).toBe(404);
    expect(emu.log.some((c) => c.path === '/nonexistent/123' && c.status === 404)).toBe(true);
  });

  it('GIVEN a REST call without the bot token THEN 401 is returned', async () => {
    const res = await fetch(`${emu.apiUrl}/v10/users/@me`);
    expect(res.status).toBe(401);
  });

  it('GIVEN the session THEN sequence numbers increase by one per dispatch', () => {
    const seqs = emu.dispatches.map((d) => d.s);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(bot.errors).toEqual([]);
  });
});
