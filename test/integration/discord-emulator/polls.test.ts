import { DiscordAPIError, GuildScheduledEventEntityType, Routes, GuildScheduledEventPrivacyLevel, type TextChannel } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_PERMISSIONS, EVENT_PERMISSIONS, startDiscordEmulator, type DiscordEmulator } from '../../emulators/discord/index.js';
import { startBot, type TestBot } from './client.js';

/** The emulator's native polls and scheduled events, driven by a real discord.js client. */
describe('discord emulator: polls and scheduled events', () => {
  let emu: DiscordEmulator;
  let bot: TestBot;
  let channel: TextChannel;
  beforeAll(async () => {
    emu = await startDiscordEmulator({ botPermissions: (BigInt(BOT_PERMISSIONS) | EVENT_PERMISSIONS.ManageEvents).toString() });
    bot = await startBot(emu);
    channel = (await bot.client.channels.fetch('c1')) as TextChannel;
  });
  afterAll(async () => {
    await bot?.client.destroy();
    await emu?.close();
  });

  const poll = (answers: string[], duration = 2) =>
    channel.send({ poll: { question: { text: 'Which one?' }, answers: answers.map((text) => ({ text })), duration, allowMultiselect: false } });

  it('GIVEN a poll and votes THEN voters are listed per answer, and ending it finalises the counts and posts the POLL_RESULT message', async () => {
    const m = await poll(['Heat', 'Alien']);
    expect([...m.poll!.answers.values()].map((a) => [a.id, a.text])).toEqual([[1, 'Heat'], [2, 'Alien']]);
    expect(Math.floor((m.poll!.expiresTimestamp! - m.createdTimestamp) / 1000)).toBe(2 * 3600);
    emu.castVote({ messageId: m.id, userId: 'admin', answerIds: [2] });
    emu.castVote({ messageId: m.id, userId: 'member', answerIds: [2] });
    expect(() => emu.castVote({ messageId: m.id, userId: 'member', answerIds: [1, 2] })).toThrow(/one answer/);
    const voters = await m.poll!.answers.get(2)!.voters.fetch();
    expect([...voters.keys()].sort()).toEqual(['admin', 'member']);
    expect((await m.poll!.answers.get(1)!.voters.fetch()).size).toBe(0);

    await m.poll!.end();
    const updated = await emu.waitFor(() => emu.dispatches.find((d) => d.t === 'MESSAGE_UPDATE' && (d.d as { id: string }).id === m.id));
    expect(updated.d).toMatchObject({ poll: { results: { is_finalized: true, answer_counts: [{ id: 2, count: 2 }] } } });
    const result = await emu.waitFor(() => emu.dispatches.find((d) => d.t === 'MESSAGE_CREATE' && (d.d as { type: number }).type === 46));
    const fields = Object.fromEntries(((result.d as { embeds: { fields: { name: string; value: string }[] }[] }).embeds[0].fields).map((f) => [f.name, f.value]));
    expect(fields).toMatchObject({ poll_question_text: 'Which one?', victor_answer_id: '2', victor_answer_text: 'Alien', victor_answer_votes: '2', total_votes: '2' });
    // discord.js refuses locally now (it saw the update); the route refuses too.
    await expect(m.poll!.end()).rejects.toThrow(/expired/i);
    await expect(bot.client.rest.post(Routes.expirePoll('c1', m.id))).rejects.toThrow(DiscordAPIError);
    expect(() => emu.castVote({ messageId: m.id, userId: 'carol', answerIds: [1] })).toThrow(/ended/);
  });

  it('GIVEN a tie THEN the POLL_RESULT names no victor; an answer over 55 characters is refused like Discord', async () => {
    const m = await poll(['A', 'B']);
    emu.castVote({ messageId: m.id, userId: 'admin', answerIds: [1] });
    emu.castVote({ messageId: m.id, userId: 'member', answerIds: [2] });
    const id = emu.expirePoll(m.id);
    const names = (emu.message(id)!.raw.embeds as { fields: { name: string }[] }[])[0].fields.map((f) => f.name);
    expect(names).not.toContain('victor_answer_id');
    await expect(poll(['x'.repeat(56), 'B'])).rejects.toThrow(/poll.answers\[0\]/);
  });

  it('GIVEN Manage Events THEN an external event is created and listed; a start in the past is refused', async () => {
    const guild = await bot.client.guilds.fetch('g1');
    const start = Date.now() + 86_400_000;
    const base = { name: 'Watch: Heat', privacyLevel: GuildScheduledEventPrivacyLevel.GuildOnly, entityType: GuildScheduledEventEntityType.External,
      entityMetadata: { location: 'Sofa' } } as const;
    const e = await guild.scheduledEvents.create({ ...base, scheduledStartTime: start, scheduledEndTime: start + 3_600_000 });
    expect(e.name).toBe('Watch: Heat');
    expect(emu.scheduledEvents('g1')).toHaveLength(1);
    expect(emu.dispatches.some((d) => d.t === 'GUILD_SCHEDULED_EVENT_CREATE')).toBe(false); // only with the Guild Scheduled Events intent
    await expect(guild.scheduledEvents.create({ ...base, scheduledStartTime: Date.now() - 1000, scheduledEndTime: start })).rejects.toThrow(/future/);
  });
});
