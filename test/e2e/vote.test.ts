import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BOT_PERMISSIONS, EVENT_PERMISSIONS, MESSAGE_TYPE_POLL_RESULT, type EmulatedMessage } from '../emulators/discord/index.js';
import { createFakeServices, type FakeServices } from '../helpers/fake-services.js';
import { ADMIN, CHANNEL, customIds, GUILD, MEMBER, refineInThread, startHarness, visibleText, type Harness } from './harness.js';

const WITH_EVENTS = (BigInt(BOT_PERMISSIONS) | EVENT_PERMISSIONS.ManageEvents).toString();
const CAROL = { id: 'carol', username: 'carol' };

type PollMsg = EmulatedMessage & { raw: { poll: { question: { text: string }; answers: { answer_id: number; poll_media: { text: string } }[]; expiry: string } } };

const polls = (h: Harness) => h.emu.channelMessages(CHANNEL).filter((m) => m.raw.poll) as PollMsg[];
const announcements = (h: Harness) => h.emu.channelMessages(CHANNEL).filter((m) => visibleText(m as never).includes('The vote is closed'));

/** A public /recommend list in c1, then "Vote on this" -> the duration select -> the poll. */
async function listAndVote(h: Harness, hours: string, user = ADMIN) {
  const list = await h.run({ type: 'command', name: 'recommend', options: { request: 'heist', count: 3 }, user });
  const before = polls(h).length;
  const click = await h.run({ type: 'button', customId: 'vt:', messageId: list.messageId as string, user });
  expect(click.callbacks[0]).toMatchObject({ type: 4, data: { flags: 64 } });
  expect(customIds(click.final())).toEqual([`vd:${list.messageId}`]);
  const pick = await h.run({ type: 'select', customId: `vd:${list.messageId}`, values: [hours], messageId: click.messageId as string, user });
  const poll = await h.emu.waitFor(() => polls(h)[before]);
  return { list, pick, poll };
}

describe('e2e: a vote on a list (native poll), its close, and an event for the winner', () => {
  let h: Harness;
  let sv: FakeServices;
  beforeAll(async () => {
    sv = createFakeServices();
    h = await startHarness({ services: sv, emulator: { botPermissions: WITH_EVENTS } });
  });
  afterAll(async () => h?.close());

  it('GIVEN a public list THEN it has "Vote on this"; choosing 6 hours posts a poll of its items, one answer each, for 6 hours', async () => {
    const { list, pick, poll } = await listAndVote(h, '6');
    expect(customIds(list.final())).toContain('vt:');
    const titles = [...visibleText(list.final()).matchAll(/^\*\*\d+\. (.+?)\*\*/gm)].map((m) => m[1]);
    expect(poll.raw.poll.answers.map((a) => a.poll_media.text)).toEqual(titles);
    expect(poll.raw.poll.question.text).toContain('heist');
    const sent = h.emu.log.find((c) => c.method === 'POST' && c.path === `/channels/${CHANNEL}/messages` && (c.body as { poll?: unknown })?.poll);
    expect(sent?.body).toMatchObject({ poll: { duration: 6, allow_multiselect: false }, allowed_mentions: { parse: [] } });
    // The emulator reads its clock once for the timestamp and once for the expiry: the same second.
    expect(Math.floor((Date.parse(poll.raw.poll.expiry) - Date.parse(poll.raw.timestamp as string)) / 1000)).toBe(6 * 3600);
    expect(visibleText(pick.final())).toContain('open for 6 hours');
  });

  it('GIVEN votes and the poll ends THEN the winner is announced once and becomes the server pick; Create an event makes a scheduled event', async () => {
    const { poll } = await listAndVote(h, '24');
    h.emu.castVote({ messageId: poll.id, userId: 'admin', answerIds: [2] });
    h.emu.castVote({ messageId: poll.id, userId: 'member', answerIds: [2] });
    h.emu.castVote({ messageId: poll.id, userId: 'carol', answerIds: [1] });
    const winner = poll.raw.poll.answers[1].poll_media.text;
    const resultId = h.emu.expirePoll(poll.id);
    expect(h.emu.message(resultId)?.raw).toMatchObject({ type: MESSAGE_TYPE_POLL_RESULT, message_reference: { message_id: poll.id } });
    const said = await h.emu.waitFor(() => announcements(h).find((m) => (m.raw.message_reference as { message_id?: string })?.message_id === poll.id));
    expect(visibleText(said as never)).toContain(`**${winner}** wins with 2 of 3 votes`);
    expect((await sv.votes.pick(GUILD))?.item.title).toBe(winner.replace(/ \(\d{4}\)$/, ''));
    // Both gateway events came; the second (the type 46 message) fetches the poll and finds the vote closed.
    await h.emu.waitFor(() => h.emu.log.some((c) => c.method === 'GET' && c.path === `/channels/${CHANNEL}/messages/${poll.id}`));
    await h.run({ type: 'command', name: 'help' });
    expect(announcements(h).filter((m) => (m.raw.message_reference as { message_id?: string })?.message_id === poll.id)).toHaveLength(1);

    expect(customIds(said as never)).toEqual([`ve:${poll.id}`]);
    const other = await h.run({ type: 'button', customId: `ve:${poll.id}`, messageId: said.id, user: MEMBER });
    expect(visibleText(other.final())).toContain('belongs to someone else');
    const open = await h.run({ type: 'button', customId: `ve:${poll.id}`, messageId: said.id, user: ADMIN });
    expect(open.callbacks[0].type).toBe(9);
    const bad = await h.run({ type: 'modal', customId: `vm:${poll.id}`, fields: { when: 'next friday' }, messageId: said.id, user: ADMIN });
    expect(visibleText(bad.final())).toContain('could not read "next friday"');
    const done = await h.run({ type: 'modal', customId: `vm:${poll.id}`, fields: { when: '2031-01-02 20:30' }, messageId: said.id, user: ADMIN });
    expect(visibleText(done.final())).toContain('Event created');
    expect(h.emu.scheduledEvents(GUILD)).toHaveLength(1);
    expect(h.emu.scheduledEvents(GUILD)[0]).toMatchObject({ name: `Watch: ${winner}`, scheduled_start_time: '2031-01-02T20:30:00.000Z', entity_type: 3 });
  });

  it('GIVEN a tie THEN the announcement says so and the list order picks', async () => {
    const { poll } = await listAndVote(h, '1');
    h.emu.castVote({ messageId: poll.id, userId: 'admin', answerIds: [3] });
    h.emu.castVote({ messageId: poll.id, userId: 'member', answerIds: [2] });
    h.emu.expirePoll(poll.id);
    const said = await h.emu.waitFor(() => announcements(h).find((m) => (m.raw.message_reference as { message_id?: string })?.message_id === poll.id));
    const [a, b] = [poll.raw.poll.answers[1].poll_media.text, poll.raw.poll.answers[2].poll_media.text];
    expect(visibleText(said as never)).toContain(`It's a tie between **${a}** and **${b}** (1 vote each); the list's order picks **${a}**`);
  });

  it('GIVEN the bot restarted before the poll ended THEN the POLL_RESULT message alone closes it', async () => {
    const { poll } = await listAndVote(h, '12');
    h.emu.castVote({ messageId: poll.id, userId: 'carol', answerIds: [3] });
    await h.restartBot();
    h.emu.expirePoll(poll.id);
    const said = await h.emu.waitFor(() => announcements(h).find((m) => (m.raw.message_reference as { message_id?: string })?.message_id === poll.id));
    expect(visibleText(said as never)).toContain(`**${poll.raw.poll.answers[2].poll_media.text}** wins with 1 of 1 vote`);
  });

  it('GIVEN /vote THEN it polls the asker\'s latest list here for the duration given; a member with no list is told how to get one', async () => {
    await h.run({ type: 'command', name: 'recommend', options: { request: 'cozy', count: 4 }, user: CAROL });
    const before = polls(h).length;
    const r = await h.run({ type: 'command', name: 'vote', options: { duration: 48 }, user: CAROL });
    expect(visibleText(r.final())).toContain('open for 48 hours');
    const poll = polls(h)[before];
    expect(poll.raw.poll.question.text).toContain('cozy');
    expect(poll.raw.poll.answers).toHaveLength(4);
    const none = await h.run({ type: 'command', name: 'vote', user: { id: 'dave', username: 'dave' } });
    expect(visibleText(none.final())).toContain('I found no list of yours in this channel');
  });
});

describe('e2e: a vote in a conversation thread', () => {
  it('GIVEN a list refined in its thread THEN /vote there polls the updated list, in the thread', async () => {
    const h = await startHarness({ services: createFakeServices() });
    try {
      await h.run({ type: 'command', name: 'recommend', options: { request: 'heist', count: 3 } });
      const thread = await h.emu.waitFor(() => h.emu.threads()[0]);
      const updated = await refineInThread(h, thread.id, ADMIN, 'swap the 2nd');
      const r = await h.run({ type: 'command', name: 'vote', options: { duration: 2 }, channelId: thread.id });
      expect(visibleText(r.final())).toContain('open for 2 hours');
      const poll = h.emu.channelMessages(thread.id).find((m) => m.raw.poll) as PollMsg | undefined;
      const titles = [...visibleText(updated).matchAll(/^\*\*\d+\. (.+?)\*\*/gm)].map((m) => m[1]);
      expect(poll?.raw.poll.answers.map((a) => a.poll_media.text)).toEqual(titles);
    } finally {
      await h.close();
    }
  });
});

describe('e2e: a vote without the Manage Events permission', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('GIVEN the bot lacks Manage Events THEN the announcement says what to grant, offers no button, and a forged event request is refused', async () => {
    h = await startHarness({ services: createFakeServices() });
    const { poll } = await listAndVote(h, '3');
    h.emu.castVote({ messageId: poll.id, userId: 'member', answerIds: [1] });
    h.emu.expirePoll(poll.id);
    const said = await h.emu.waitFor(() => announcements(h!)[0]);
    expect(visibleText(said as never)).toContain('give my role the **Manage Events** permission');
    expect(customIds(said as never)).toEqual([]);
    const forged = await h.run({ type: 'button', customId: `ve:${poll.id}`, messageId: said.id, user: ADMIN });
    expect(visibleText(forged.final())).toContain('I need the **Manage Events** permission');
    const modal = await h.run({ type: 'modal', customId: `vm:${poll.id}`, fields: { when: '2031-01-02 20:30' }, user: ADMIN });
    expect(visibleText(modal.final())).toContain('I need the **Manage Events** permission');
    expect(h.emu.log.find((c) => c.method === 'POST' && c.path === `/guilds/${GUILD}/scheduled-events`)?.status).toBe(403);
    expect(h.emu.scheduledEvents()).toHaveLength(0);
  });
});
