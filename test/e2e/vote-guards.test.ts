/**
 * Who may start a vote and make an event, and an announcement that fails once, through the Discord emulator:
 * a link to a channel the member cannot use is refused (the bot would post with its own permissions), so is
 * the duration select for a member without Send Polls; "Create an event" needs the member's Manage or Create
 * Events; a refused announcement is retried by the poll's other close event; a one-item list offers no vote.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PERMISSIONS, BOT_PERMISSIONS, EVENT_PERMISSIONS, MEMBER_PERMISSIONS, Perm, type EmulatedMessage, type EmulatorGuild } from '../emulators/discord/index.js';
import { createFakeServices } from '../helpers/fake-services.js';
import { ADMIN, CHANNEL, customIds, GUILD, MEMBER, startHarness, visibleText, type Harness } from './harness.js';

const CAROL = { id: 'carol', username: 'carol' };
const STAFF = '900000000000000003';
const guild: EmulatorGuild = {
  id: GUILD, name: 'Test Guild', ownerId: ADMIN.id,
  channels: [
    // In the public channel, MEMBER may write but not post polls; the staff channel is hidden from them.
    { id: CHANNEL, name: 'general', overwrites: [{ id: MEMBER.id, type: 1, deny: Perm.SendPolls.toString() }] },
    { id: STAFF, name: 'staff', overwrites: [{ id: MEMBER.id, type: 1, deny: (Perm.ViewChannel | Perm.SendMessages).toString() }] },
  ],
  members: [{ user: ADMIN, permissions: ADMIN_PERMISSIONS }, { user: MEMBER, permissions: MEMBER_PERMISSIONS }, { user: CAROL, permissions: MEMBER_PERMISSIONS }],
};

const polls = (h: Harness, channelId = CHANNEL) => h.emu.channelMessages(channelId).filter((m) => m.raw.poll);
const refersTo = (m: EmulatedMessage, pollId: string) => (m.raw.message_reference as { message_id?: string } | undefined)?.message_id === pollId;
const announcementsOf = (h: Harness, pollId: string) => h.emu.channelMessages(CHANNEL).filter((m) => refersTo(m, pollId) && visibleText(m as never).includes('The vote is closed'));

describe('e2e: who may start a vote or make an event, and a failed announcement', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ services: createFakeServices(), emulator: { guilds: [guild], botPermissions: (BigInt(BOT_PERMISSIONS) | EVENT_PERMISSIONS.ManageEvents).toString() } });
  });
  afterAll(async () => h?.close());

  /** CAROL's public list, put to a vote through the button and the duration select; the poll. */
  async function carolsPoll(hours: string) {
    const list = await h.run({ type: 'command', name: 'recommend', options: { request: 'heist', count: 3 }, user: CAROL });
    const before = polls(h).length;
    await h.run({ type: 'button', customId: 'vt:', messageId: list.messageId as string, user: CAROL });
    await h.run({ type: 'select', customId: `vd:${list.messageId}`, values: [hours], messageId: list.messageId as string, user: CAROL });
    return h.emu.waitFor(() => polls(h)[before]);
  }

  it('GIVEN a link to a list in a channel the member cannot see THEN /vote refuses and no poll is posted there', async () => {
    const list = await h.run({ type: 'command', name: 'recommend', options: { request: 'heist', count: 3 }, channelId: STAFF });
    expect(customIds(list.final())).toContain('vt:');
    const link = `https://discord.com/channels/1/${STAFF}/${list.messageId}`;
    const r = await h.run({ type: 'command', name: 'vote', options: { message: link }, user: MEMBER });
    expect(visibleText(r.final())).toContain('You cannot start a vote in that channel');
    expect(polls(h, STAFF)).toHaveLength(0);
    // The admin, who can use the channel, may.
    const ok = await h.run({ type: 'command', name: 'vote', options: { message: link }, user: ADMIN });
    expect(visibleText(ok.final())).toContain('Poll posted');
    expect(polls(h, STAFF)).toHaveLength(1);
  });

  it('GIVEN a member without Send Polls here THEN "Vote on this" and a forged duration select are refused, and no poll is posted', async () => {
    const list = await h.run({ type: 'command', name: 'recommend', options: { request: 'heist', count: 3 } });
    const before = polls(h).length;
    const click = await h.run({ type: 'button', customId: 'vt:', messageId: list.messageId as string, user: MEMBER });
    expect(visibleText(click.final())).toContain('You cannot start a vote in that channel');
    const forged = await h.run({ type: 'select', customId: `vd:${list.messageId}`, values: ['6'], messageId: list.messageId as string, user: MEMBER });
    // The select was deferred (an update of the message it sits on): the refusal comes as a private follow-up.
    expect(forged.followUps.map((m) => visibleText(m.body as never)).join('\n')).toContain('You cannot start a vote in that channel');
    expect(polls(h)).toHaveLength(before);
  });

  it('GIVEN the asker lacks Manage and Create Events THEN "Create an event" and a forged modal are refused, and no event is made', async () => {
    const poll = await carolsPoll('2');
    h.emu.castVote({ messageId: poll.id, userId: CAROL.id, answerIds: [1] });
    h.emu.expirePoll(poll.id);
    const said = await h.emu.waitFor(() => announcementsOf(h, poll.id)[0]);
    expect(customIds(said as never)).toEqual([`ve:${poll.id}`]);
    const click = await h.run({ type: 'button', customId: `ve:${poll.id}`, messageId: said.id, user: CAROL });
    expect(visibleText(click.final())).toContain('needs the **Manage Events** or **Create Events** permission');
    const modal = await h.run({ type: 'modal', customId: `vm:${poll.id}`, fields: { when: '2031-01-02 20:30' }, messageId: said.id, user: CAROL });
    expect(visibleText(modal.final())).toContain('needs the **Manage Events** or **Create Events** permission');
    expect(h.emu.log.some((c) => c.method === 'POST' && c.path === `/guilds/${GUILD}/scheduled-events`)).toBe(false);
    expect(h.emu.scheduledEvents()).toHaveLength(0);
  });

  it('GIVEN the first announcement is refused by Discord THEN the poll\'s other close event announces it, once', async () => {
    const poll = await carolsPoll('4');
    h.emu.castVote({ messageId: poll.id, userId: CAROL.id, answerIds: [2] });
    const answer = (poll.raw.poll as { answers: { poll_media: { text: string } }[] }).answers[1].poll_media.text;
    h.emu.failNext({ method: 'POST', path: `/channels/${CHANNEL}/messages`, when: (b) => (b?.message_reference as { message_id?: string } | undefined)?.message_id === poll.id });
    h.emu.expirePoll(poll.id);
    const said = await h.emu.waitFor(() => announcementsOf(h, poll.id)[0]);
    expect(visibleText(said as never)).toContain(`**${answer}** wins with 1 of 1 vote`);
    const replies = () => h.emu.log.filter((c) => c.method === 'POST' && c.path === `/channels/${CHANNEL}/messages` && (c.body as { message_reference?: { message_id?: string } })?.message_reference?.message_id === poll.id);
    await h.emu.waitFor(() => replies().every((c) => c.status > 0));
    expect(replies().map((c) => c.status)).toEqual([403, 200]);
    await h.run({ type: 'command', name: 'help' });
    expect(announcementsOf(h, poll.id)).toHaveLength(1);
  });

  it('GIVEN a list of one item THEN it offers no "Vote on this"', async () => {
    const one = await h.run({ type: 'command', name: 'recommend', options: { request: 'heist', count: 1 } });
    expect(customIds(one.final()).some((id) => id.startsWith('w:')), 'set-up: the list has its item').toBe(true);
    expect(customIds(one.final())).not.toContain('vt:');
  });
});
