import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeServices, type FakeServices } from '../helpers/fake-services.js';
import type { RecResult } from '../../src/app/types.js';
import type { Reason } from '../../src/domain/reason.js';
import type { InteractionInput } from '../emulators/discord/index.js';
import { ADMIN, answered, CHANNEL, customIds, gate, GUILD, MEMBER, replyFiles, startHarness, visibleText, type Harness } from './harness.js';

const EPHEMERAL = 64;

describe('e2e: every slash command through the emulator with the real discord.js client', () => {
  let h: Harness;
  let sv: FakeServices;
  beforeAll(async () => {
    sv = createFakeServices();
    // Cheap commands answer long before this: their lazy defer never fires here (see the gated tests below).
    h = await startHarness({ services: sv, deferAfterMs: 60_000 });
  });
  afterAll(async () => h?.close());

  const bodies = () => h.emu.log.filter((c) => c.body && typeof c.body === 'object' && /interactions|webhooks|messages/.test(c.path) && c.method !== 'GET');

  it('GIVEN /recommend THEN it defers, opens a thread named after the request, and lists items with buttons', async () => {
    const r = await h.run({ type: 'command', name: 'recommend', options: { request: 'heist movies', count: 3 } });
    expect(r.callbacks[0].type).toBe(5);
    const thread = h.emu.threads().find((t) => t.name === 'Recs for admin: heist movies');
    expect(thread).toBeDefined();
    const final = r.final();
    expect(visibleText(final)).toMatch(/1\. Heat/);
    expect(visibleText(final)).toContain('Offline engine (no API key)');
    expect(visibleText(final)).toContain(`<#${thread?.id}>`);
    expect(customIds(final)).toEqual(expect.arrayContaining(['w:m1', 'ni:m1', 'ml:m1']));
    expect(sv.calls.find((c) => c.method === 'recommend')?.input).toMatchObject({ text: 'heist movies', count: 3, conversationId: thread?.id });
  });

  it('GIVEN /recommend in inline mode THEN no thread is opened', async () => {
    await h.run({ type: 'command', name: 'settings', options: { conversations: 'inline' } });
    const before = h.emu.threads().length;
    const r = await h.run({ type: 'command', name: 'recommend', options: { request: 'cozy' } });
    expect(h.emu.threads().length).toBe(before);
    expect(visibleText(r.final())).toContain('Reply to this message to refine it');
    await h.run({ type: 'command', name: 'settings', options: { conversations: 'thread' } });
  });

  it('GIVEN a cheap command (store reads) answered before the lazy delay THEN it is one direct ephemeral reply (no defer)', async () => {
    const r = await h.run({ type: 'command', name: 'watched', subcommand: 'list' });
    expect(r.callbacks).toHaveLength(1);
    expect(r.callbacks[0]).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(r.edits).toHaveLength(0);
    expect(visibleText(r.final())).toContain('Watched (');
  });

  it('GIVEN /next THEN it defers privately at once and then shows the list', async () => {
    const r = await h.run({ type: 'command', name: 'next', options: { count: 2 } });
    expect(r.callbacks).toEqual([expect.objectContaining({ type: 5, data: { flags: EPHEMERAL } })]);
    expect(visibleText(r.final())).toContain('Up next for you');
  });

  it('GIVEN /watched add, list and remove THEN each acts for the caller, privately', async () => {
    const add = await h.run({ type: 'command', name: 'watched', subcommand: 'add', options: { title: 'm3', rating: 4 }, user: MEMBER });
    expect(visibleText(add.final())).toContain('Added **Up (2009)** to your watched list with 4★');
    expect(add.callbacks[0].data?.flags).toBe(EPHEMERAL);
    const list = await h.run({ type: 'command', name: 'watched', subcommand: 'list', user: MEMBER });
    expect(visibleText(list.final())).toContain('Watched (1)');
    const rm = await h.run({ type: 'command', name: 'watched', subcommand: 'remove', options: { title: 'Up' }, user: MEMBER });
    expect(visibleText(rm.final())).toContain('Removed **Up (2009)**');
    const again = await h.run({ type: 'command', name: 'watched', subcommand: 'remove', options: { title: 'Up' }, user: MEMBER });
    expect(visibleText(again.final())).toContain('is not in your watched list');
  });

  it('GIVEN /rate with a typed title THEN it resolves the title and stores the rating', async () => {
    const r = await h.run({ type: 'command', name: 'rate', options: { title: 'heat', score: 4.5 } });
    expect(visibleText(r.final())).toContain('Rated **Heat (1995)** 4.5★');
    const bad = await h.run({ type: 'command', name: 'rate', options: { title: 'heat', score: 3.3 } });
    expect(visibleText(bad.final())).toContain('A rating goes from 0.5 to 5');
  });

  it('GIVEN /predict, /rank and /similar THEN each renders its result', async () => {
    expect(visibleText((await h.run({ type: 'command', name: 'predict', options: { title: 'm2' } })).final())).toContain('Predicted rating');
    const rank = await h.run({ type: 'command', name: 'rank', options: { titles: 'Heat, Alien\nUp, Nope Movie', method: 'pairwise' } });
    expect(visibleText(rank.final())).toContain('Your list, ranked (pairwise)');
    expect(visibleText(rank.final())).toContain('Not found in the catalog: Nope Movie');
    expect(visibleText((await h.run({ type: 'command', name: 'similar', options: { title: 'm1' } })).final())).toContain('Similar to Heat');
    expect(visibleText((await h.run({ type: 'command', name: 'similar', options: { text: 'dreams' } })).final())).toContain('Similar to "dreams"');
    expect(visibleText((await h.run({ type: 'command', name: 'similar' })).final())).toContain('Give me a `title` or a `text`');
  });

  it('GIVEN /profile, /help and /privacy export THEN they are ephemeral, export is a JSON file', async () => {
    const p = await h.run({ type: 'command', name: 'profile' });
    expect(p.callbacks[0].data?.flags).toBe(EPHEMERAL);
    expect(visibleText(p.final())).toContain('Your taste profile');
    const help = await h.run({ type: 'command', name: 'help' });
    expect(help.callbacks[0]).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(visibleText(help.final())).toContain('LLM: not configured');
    const ex = await h.run({ type: 'command', name: 'privacy', subcommand: 'export' });
    const file = replyFiles(ex)[0];
    expect(file?.name).toBe('tastemaker-data.json');
    expect(JSON.parse(new TextDecoder().decode(file?.bytes))).toHaveProperty('profile.ratings.m1.value', 4.5);
  });

  it('GIVEN /import with an attachment THEN it downloads it and reports unmatched rows', async () => {
    const att = h.emu.addAttachment('ratings.csv', new TextEncoder().encode('title,year\nHeat,1995\nNo Such Film,2000\n'), 'text/csv');
    const r = await h.run({ type: 'command', name: 'import', options: { format: 'csv' }, attachments: { file: att } });
    const text = visibleText(r.final());
    expect(text).toContain('1 watched of 2 rows');
    expect(text).toContain('row 2: No Such Film (2000)');
  });

  it('GIVEN /catalog info, export, remove, starter, clear as an admin THEN each works', async () => {
    expect(visibleText((await h.run({ type: 'command', name: 'catalog', subcommand: 'info' })).final())).toMatch(/Items\n1[12]/);
    const ex = await h.run({ type: 'command', name: 'catalog', subcommand: 'export' });
    expect(replyFiles(ex)[0]?.name).toBe('catalog.json');
    // Compact JSON: no indentation, the same items back.
    const json = new TextDecoder().decode(replyFiles(ex)[0]?.bytes);
    expect(json).not.toContain('\n');
    expect(JSON.parse(json)).toEqual(sv.catalogs.get('g1'));
    const rm = await h.run({ type: 'command', name: 'catalog', subcommand: 'remove', options: { title: 'm12' } });
    expect(visibleText(rm.final())).toContain('Removed **Amélie (2001)** from the catalog');
    const ask = await h.run({ type: 'command', name: 'catalog', subcommand: 'clear' });
    expect(visibleText(ask.final())).toContain('cannot be undone');
    expect(sv.catalogs.get('g1')?.length).toBeGreaterThan(0);
    expect(visibleText((await h.run({ type: 'button', customId: 'cc:admin', messageId: ask.messageId as string })).final())).toContain('The catalog is cleared');
    expect(sv.catalogs.get('g1')).toEqual([]);
    const st = await h.run({ type: 'command', name: 'catalog', subcommand: 'starter' });
    expect(visibleText(st.final())).toContain('Added 12');
  });

  it('GIVEN /settings with and without options THEN it saves and shows them; a member is refused', async () => {
    const set = await h.run({ type: 'command', name: 'settings', options: { llm: false, user_daily_calls: 7 } });
    expect(visibleText(set.final())).toContain('Settings saved');
    expect(visibleText(set.final())).toContain('7 per user');
    expect(visibleText((await h.run({ type: 'command', name: 'settings' })).final())).toContain('LLM: not configured');
    const denied = await h.run({ type: 'command', name: 'settings', options: { llm: true }, user: MEMBER });
    expect(visibleText(denied.final())).toContain('Manage Server');
    expect((await sv.settings.get('g1')).llmEnabled).toBe(false);
  });

  it('GIVEN a cheap command whose store read outlasts the lazy delay THEN the reply is deferred privately first, then edited with the answer', async () => {
    const slow = createFakeServices();
    const held = gate();
    const profile = slow.profile.bind(slow);
    slow.profile = async (c) => {
      await held.wait;
      return profile(c);
    };
    const h2 = await startHarness({ services: slow, deferAfterMs: 5 });
    try {
      const r = await h2.emu.interact({ type: 'command', name: 'profile', user: ADMIN, guildId: GUILD, channelId: CHANNEL });
      // The answer is held until the defer is seen: no real sleep, no race.
      await r.acknowledged();
      expect(r.callbacks[0]).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
      held.open();
      await h2.emu.waitFor(() => answered(r));
      expect(visibleText(r.edits.at(-1)?.body)).toContain('Your taste profile');
    } finally {
      held.open();
      await h2.close();
    }
  });

  it('GIVEN commands that call the engine THEN each defers at once, while the engine is still working, and then answers', async () => {
    const busy = createFakeServices();
    const held = gate();
    for (const m of ['next', 'similar', 'rank', 'predict', 'recommend', 'moreLike', 'importHistory'] as const) {
      const real = busy[m].bind(busy) as (...a: unknown[]) => Promise<unknown>;
      (busy as unknown as Record<string, unknown>)[m] = async (...a: unknown[]) => {
        await held.wait;
        return real(...a);
      };
    }
    // The lazy delay is far away: a defer seen here can only be the immediate one.
    const h2 = await startHarness({ services: busy, deferAfterMs: 60_000 });
    try {
      const att = h2.emu.addAttachment('r.csv', new TextEncoder().encode('title\nHeat\n'), 'text/csv');
      const inputs: [Partial<InteractionInput>, number][] = [
        [{ type: 'command', name: 'next' }, EPHEMERAL],
        [{ type: 'command', name: 'similar', options: { title: 'm1' } }, 0],
        [{ type: 'command', name: 'rank', options: { titles: 'Heat, Alien' } }, 0],
        [{ type: 'command', name: 'predict', options: { title: 'm2' } }, EPHEMERAL],
        [{ type: 'command', name: 'recommend', options: { request: 'heist' } }, 0],
        [{ type: 'command', name: 'import', attachments: { file: att } }, EPHEMERAL],
        [{ type: 'button', customId: 'ml:m1', messageId: 'any-list' }, EPHEMERAL],
      ];
      const recs = await Promise.all(inputs.map(([i]) => h2.emu.interact({ user: ADMIN, guildId: GUILD, channelId: CHANNEL, ...i } as InteractionInput)));
      await Promise.all(recs.map((r) => r.acknowledged()));
      recs.forEach((r, k) => {
        expect(r.callbacks[0]?.type, JSON.stringify(inputs[k][0])).toBe(5);
        expect(r.callbacks[0]?.data?.flags ?? 0, JSON.stringify(inputs[k][0])).toBe(inputs[k][1]);
        expect(r.edits, JSON.stringify(inputs[k][0])).toHaveLength(0);
      });
      held.open();
      await Promise.all(recs.map((r) => h2.emu.waitFor(() => answered(r))));
      for (const r of recs) expect(visibleText(r.final())).not.toContain('Sorry, something went wrong');
    } finally {
      held.open();
      await h2.close();
    }
  });

  it('GIVEN /similar with a title not in the catalog THEN the public "thinking" reply is deleted and the error is private', async () => {
    const r = await h.run({ type: 'command', name: 'similar', options: { title: 'zzzz qqqq' } });
    expect(r.callbacks[0]).toMatchObject({ type: 5 });
    expect(r.callbacks[0].data?.flags ?? 0).toBe(0);
    expect(h.emu.log.some((c) => c.method === 'DELETE' && c.path.includes(r.token) && c.path.endsWith('/messages/@original'))).toBe(true);
    expect(r.messageId && h.emu.message(r.messageId)).toBeFalsy();
    expect(r.followUps).toHaveLength(1);
    expect(r.followUps[0].body).toMatchObject({ flags: EPHEMERAL, content: expect.stringContaining('I could not find "zzzz qqqq"') });
    expect(h.emu.channelMessages(CHANNEL).some((m) => visibleText(m as never).includes('zzzz'))).toBe(false);
  });

  it('GIVEN reasons that name the asker\'s ratings THEN public lists say "similar to X" without the rating, private ones keep them', async () => {
    const heat: Reason = { kind: 'rated', itemId: 'm1', title: 'Heat', value: 4.5 };
    const alien: Reason = { kind: 'liked', itemId: 'm2', title: 'Alien' };
    const personal = <T extends RecResult>(r: T): T => ({ ...r, items: r.items.map((x, k) => ({ ...x, reason: k % 2 ? alien : heat })) });
    const saved = { similar: sv.similar, next: sv.next, recommend: sv.recommend, rank: sv.rank };
    sv.similar = async (c, i) => personal(await saved.similar(c, i));
    sv.next = async (c, i) => personal(await saved.next(c, i));
    sv.recommend = async (c, i) => personal(await saved.recommend(c, i));
    sv.rank = async (c, i) => {
      const r = await saved.rank(c, i);
      return { ...r, ranked: r.ranked.map((x) => ({ ...x, reason: heat })) };
    };
    try {
      for (const input of [
        { type: 'command', name: 'similar', options: { title: 'm3' } },
        { type: 'command', name: 'recommend', options: { request: 'heist', count: 3 } },
        { type: 'command', name: 'rank', options: { titles: 'Heat, Alien, Up' } },
      ] as (Partial<InteractionInput> & { type: 'command'; name: string })[]) {
        const text = visibleText((await h.run(input)).final());
        expect(text, input.name).toContain('similar to Heat');
        expect(text, input.name).not.toMatch(/because you|4\.5/);
      }
      const mine = visibleText((await h.run({ type: 'command', name: 'next', options: { count: 2 } })).final());
      expect(mine).toContain('because you rated Heat 4.5');
      expect(mine).toContain('because you liked Alien');
    } finally {
      Object.assign(sv, saved);
    }
  });

  it('GIVEN autocomplete on a title option THEN it answers with at most 25 choices whose value is the item id', async () => {
    const r = await h.run({ type: 'autocomplete', name: 'rate', focused: 'title', options: { title: 'hea' } });
    expect(r.callbacks[0].type).toBe(8);
    const choices = r.callbacks[0].data.choices as { name: string; value: string }[];
    expect(choices[0]).toEqual({ name: 'Heat (1995)', value: 'm1' });
    expect(choices.length).toBeLessThanOrEqual(25);
    const typo = await h.run({ type: 'autocomplete', name: 'watched', subcommand: 'add', focused: 'title', options: { title: 'alein' } });
    expect((typo.callbacks[0].data.choices as { value: string }[]).map((c) => c.value)).toContain('m2');
    for (const [name, sub] of [['predict'], ['similar'], ['catalog', 'remove'], ['watched', 'remove']]) {
      const a = await h.run({ type: 'autocomplete', name, subcommand: sub, focused: 'title', options: { title: 'up' } });
      expect(a.callbacks[0].type).toBe(8);
    }
  });

  it('GIVEN any reply THEN mentions are switched off in every message body the bot sent', async () => {
    const sent = bodies().map((c) => c.body as Record<string, unknown>);
    const withContent = sent.map((b) => (b.data as Record<string, unknown> | undefined) ?? b).filter((b) => 'content' in b || 'embeds' in b);
    expect(withContent.length).toBeGreaterThan(10);
    for (const b of withContent) expect(b.allowed_mentions).toEqual({ parse: [] });
  });
});
