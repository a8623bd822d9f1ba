/**
 * Watching together through Discord, over the REAL services (offline, starter catalog): /together for the
 * members mentioned or a voice channel (voice states from the emulator's gateway), refined in its thread;
 * /match; "Who here would like it?" on a list; /privacy group off. Names show as mentions that never ping,
 * and no one's rating is ever shown.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServices } from '../../src/services.js';
import { ADMIN_PERMISSIONS, MEMBER_PERMISSIONS, type EmulatorGuild } from '../emulators/discord/index.js';
import { VoiceChannelType } from '../emulators/discord/voice.js';
import { makeApp, settle, titled } from '../helpers/app.js';
import { ADMIN, CHANNEL, customIds, GUILD, listedTitles, refineInThread, replyFiles, startHarness, visibleText, type Harness } from './harness.js';

// Snowflake-like ids: a /together mention names a real Discord id (17-20 digits), never a made-up one.
const ANN = { id: '100000000000000001', username: 'ann' };
const BO = { id: '100000000000000002', username: 'bo' };
const CY = { id: '100000000000000003', username: 'cy' };
const ROBOT = { id: 'robot', username: 'robot', bot: true };
const VOICE = 'v1';
const EPHEMERAL = 64;

const guild: EmulatorGuild = {
  id: GUILD, name: 'Movie night', ownerId: ADMIN.id,
  channels: [{ id: CHANNEL, name: 'general' }, { id: VOICE, name: 'Movie night', type: VoiceChannelType.GuildVoice }],
  members: [ADMIN, ANN, BO, CY, ROBOT].map((user) => ({ user, permissions: user === ADMIN ? ADMIN_PERMISSIONS : MEMBER_PERMISSIONS })),
  voice: [{ userId: ANN.id, channelId: VOICE }, { userId: BO.id, channelId: VOICE }, { userId: ROBOT.id, channelId: VOICE }],
};

/** A rating in a list's text: "4.5", "5★", "rated 3". No group answer may show one. */
const RATING_TEXT = /\b\d(\.5)?\s*★|rated \d/;

describe('e2e: watching together', () => {
  let h: Harness;
  let app: AppServices;
  const rate = async (userId: string, ratings: [string, number][]) => {
    const c = { scope: GUILD, userId };
    for (const [t, v] of ratings) await app.rate(c, (await titled(app, c, t)).id, v);
  };

  beforeAll(async () => {
    app = await makeApp();
    h = await startHarness({ services: app, emulator: { guilds: [guild] } });
    await h.run({ type: 'command', name: 'catalog', subcommand: 'starter' });
    await rate(ADMIN.id, [['Toy Story', 5], ['Finding Nemo', 4.5], ['Up', 4.5], ['The Terminator', 2]]);
    await rate(ANN.id, [['The Terminator', 5], ['Die Hard', 5], ['The Matrix', 4.5], ['Toy Story', 3.5], ['Notting Hill', 1]]);
    await rate(BO.id, [['Toy Story', 4.5], ['The Matrix', 4], ['Amélie', 5], ['Die Hard', 2]]);
    await rate(CY.id, [['Toy Story', 5], ['Die Hard', 4.5]]);
    await settle(app, GUILD);
  }, 90_000);
  afterAll(async () => {
    await h?.close();
    await app?.close();
  });

  it('GIVEN /together with two members mentioned THEN one public list for 3 says how each item fits them, leaves out what they rated, and refines in its thread', async () => {
    const r = await h.run({ type: 'command', name: 'together', options: { members: `<@${ANN.id}> and <@!${BO.id}>`, count: 5 } });
    const text = visibleText(r.final());
    expect(text).toContain('Watching together (3)');
    expect(text).toContain('For 3 people: 3 members’ tastes counted');
    expect(listedTitles(r.final())).toHaveLength(5);
    expect(text).toMatch(/— (fits all 3|all 3 love it|\d loves? it|\d likes? it)/);
    expect(text).not.toMatch(RATING_TEXT);
    for (const t of ['Toy Story', 'Die Hard', 'The Matrix', 'Amélie']) expect(listedTitles(r.final())).not.toContain(expect.stringMatching(new RegExp(`^${t} \\(`)));
    const thread = h.emu.threads().at(-1)!;
    const conv = await app.deps.conversations.get(thread.id);
    expect(conv?.group).toEqual([ADMIN.id, ANN.id, BO.id]);
    const reply = await refineInThread(h, thread.id, ADMIN, 'swap the second one');
    expect(visibleText(reply)).toMatch(/#2 is now/);
    expect(visibleText(reply)).toMatch(/— (fits all 3|all 3 love it|\d loves? it|\d likes? it|\d (is|are) lukewarm)/);
  });

  it('GIVEN the asker joins the voice channel and runs /together with no members THEN the list is for everyone in it, bots left out', async () => {
    h.emu.setVoice({ guildId: GUILD, userId: ADMIN.id, channelId: VOICE });
    await h.emu.waitFor(() => h.bot.client.guilds.cache.get(GUILD)?.voiceStates.cache.get(ADMIN.id)?.channelId === VOICE);
    const r = await h.run({ type: 'command', name: 'together', options: { request: 'something fun' } });
    expect(visibleText(r.final())).toContain('Watching together (3): something fun');
    expect(visibleText(r.final())).toContain('For 3 people');
    h.emu.setVoice({ guildId: GUILD, userId: ADMIN.id, channelId: null });
    await h.emu.waitFor(() => !h.bot.client.guilds.cache.get(GUILD)?.voiceStates.cache.get(ADMIN.id)?.channelId);
    const none = await h.run({ type: 'command', name: 'together', options: {} });
    expect(visibleText(none.final())).toContain('Name the members');
    expect(none.final().flags & EPHEMERAL).toBe(EPHEMERAL);
  });

  it('GIVEN mentions with made-up ids THEN none counts; GIVEN 26 people THEN the app\'s size rule answers privately and no thread opens', async () => {
    const threads = h.emu.threads().length;
    const fake = await h.run({ type: 'command', name: 'together', options: { members: '<@abc> <@!12> <@ann>' } });
    expect(visibleText(fake.final())).toContain('Name the members');
    const many = Array.from({ length: 25 }, (_, k) => `<@${200000000000000000n + BigInt(k)}>`).join(' ');
    const big = await h.run({ type: 'command', name: 'together', options: { members: many } });
    expect(visibleText(big.final())).toContain('A group list is for 2 to 25 people (I found 26)');
    expect(big.final().flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(h.emu.threads()).toHaveLength(threads);
  });

  it('GIVEN the voice option THEN the people in that channel are the group (their voice states came with GUILD_CREATE)', async () => {
    const created = h.emu.dispatches.find((d) => d.t === 'GUILD_CREATE')?.d as { voice_states: { user_id: string; channel_id: string }[] };
    expect(created.voice_states.filter((v) => v.channel_id === VOICE).map((v) => v.user_id).sort()).toEqual([ANN.id, BO.id, ROBOT.id]);
    const r = await h.run({ type: 'command', name: 'together', user: CY, options: { voice: VOICE, count: 3 } });
    expect(visibleText(r.final())).toContain('Watching together (3)');
    expect(listedTitles(r.final())).toHaveLength(3);
  });

  it('GIVEN /match with a member THEN a private score from the titles both rated, shrunk for few in common, and no rating shown', async () => {
    const r = await h.run({ type: 'command', name: 'match', options: { member: CY.id } });
    const text = visibleText(r.final());
    expect(r.callbacks[0]).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    expect(text).toContain(`Taste match with <@${CY.id}>`);
    const pct = Number(/\*\*(\d+)%\*\*/.exec(text)?.[1]);
    expect(pct).toBeGreaterThan(0);
    expect(pct).toBeLessThan(100); // one title in common (Toy Story, both 5): never 100%
    expect(text).toContain('from 1 title you both rated');
    expect(text).not.toMatch(RATING_TEXT);
    // A picture to share: the PNG card is attached and shown as the embed's image.
    const files = replyFiles(r);
    expect(files.map((f) => f.name)).toEqual(['match-card.png']);
    expect(Buffer.from(files[0].bytes).subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect((r.final().embeds?.[0] as { image?: { url: string } } | undefined)?.image?.url).toBe('attachment://match-card.png');
  });

  it('GIVEN "Who here would like it?" on a list THEN up to 3 members who allow it, as mentions that never ping, privately', async () => {
    const list = await h.run({ type: 'command', name: 'recommend', options: { request: 'action movies', count: 3 } });
    const id = customIds(list.final()).find((x) => x.startsWith('wh:'));
    expect(id, 'the list has the button').toBeDefined();
    const r = await h.run({ type: 'button', customId: id!, messageId: list.messageId! });
    expect(r.callbacks[0]).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    const text = visibleText(r.final());
    expect(text).toMatch(/Who here would like \*\*.+\*\*\?/);
    const named = [...text.matchAll(/<@(\w+)>/g)].map((m) => m[1]);
    expect(named.length).toBeLessThanOrEqual(3);
    expect(named).not.toContain(ADMIN.id);
    expect(named.length, 'set-up: someone here is predicted to like it').toBeGreaterThan(0);
    // Every message body that carries the names (not the defer) says: mention no one.
    const bodies = h.emu.log.filter((c) => c.path.includes(r.token)).map((c) => c.body as { embeds?: unknown; data?: { embeds?: unknown }; allowed_mentions?: unknown });
    const sent = bodies.filter((b) => b?.embeds ?? b?.data?.embeds).map((b) => b.allowed_mentions ?? (b as { data?: { allowed_mentions?: unknown } }).data?.allowed_mentions);
    expect(sent.length).toBeGreaterThan(0);
    for (const b of sent) expect(b).toEqual({ parse: [] });
  });

  it('GIVEN a member turns group features off THEN /together does not count them, /match with them says it is unavailable, and "who would like it" never names them', async () => {
    const off = await h.run({ type: 'command', name: 'privacy', subcommand: 'group', user: ANN, options: { setting: 'off' } });
    expect(visibleText(off.final())).toContain('Group features are **off**');
    const r = await h.run({ type: 'command', name: 'together', options: { members: `<@${ANN.id}> <@${BO.id}>` } });
    expect(visibleText(r.final())).toContain('1 member keeps their taste out of group picks');
    expect(visibleText(r.final())).not.toContain(ANN.id);
    const m = await h.run({ type: 'command', name: 'match', options: { member: ANN.id } });
    expect(visibleText(m.final())).toContain('not available for matching');
    const terminator2 = await titled(app, { scope: GUILD, userId: ADMIN.id }, 'Terminator 2');
    const who = await app.whoWouldLike({ scope: GUILD, userId: ADMIN.id }, { itemId: terminator2.id });
    expect(who.userIds).not.toContain(ANN.id);
    const help = await h.run({ type: 'command', name: 'help' });
    expect(visibleText(help.final())).toMatch(/group off: never named or counted in \/together, \/match or "who would like this"/);
    await h.run({ type: 'command', name: 'privacy', subcommand: 'group', user: ANN, options: { setting: 'on' } });
  });
});
