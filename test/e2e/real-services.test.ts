/** The same bot over the REAL services (composition root, memory store, offline engine, starter catalog). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServices } from '../../src/services.js';
import { makeApp } from '../helpers/app.js';
import { MEMBER_PERMISSIONS } from '../emulators/discord/constants.js';
import { ADMIN, customIds, GUILD, listedTitles, MEMBER, refineInThread, startHarness, visibleText, type Harness } from './harness.js';

describe('e2e over the real services', () => {
  let h: Harness;
  let app: AppServices;
  /** Added to the bot's clock: moves time forward for expiry checks. */
  let skew = 0;
  /** While true, each reading of the bot's clock is one second later (so the 2-second progress throttle lets every other step through). */
  let stepping = false;
  let stepped = 0;
  beforeAll(async () => {
    app = await makeApp();
    h = await startHarness({ services: app, clock: () => Date.now() + skew + (stepping ? (stepped += 1000) : 0) });
    const st = await h.run({ type: 'command', name: 'catalog', subcommand: 'starter' });
    expect(visibleText(st.final())).toContain('Catalog replaced from **starter catalog**');
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await app?.close();
  });

  it('GIVEN /recommend and a message in its thread THEN the real engine answers and refines, offline, in the thread', async () => {
    const r = await h.run({ type: 'command', name: 'recommend', options: { request: 'heist movies' } });
    expect(visibleText(r.final())).toMatch(/\*\*1\. .+\*\*/);
    expect(r.final().content).toBe('Asked by <@admin>');
    expect(visibleText(r.final())).toContain('Offline engine (no API key)');
    const thread = h.emu.threads().find((t) => t.name === 'Recs for admin: heist movies');
    expect(thread).toBeDefined();
    const id = thread?.id as string;
    const bot = () => h.emu.channelMessages(id).filter((m) => m.authorId === h.emu.botUser.id);
    await h.emu.sendMessage({ channelId: id, guildId: GUILD, author: ADMIN, content: 'something older' });
    const reply = await h.emu.waitFor(() => bot()[0], 15_000);
    expect(visibleText(reply as never)).toContain('Updated list');
  });

  it('GIVEN a three-turn refinement without a key THEN the rule-based reader changes the list as asked, each turn answered in the thread', async () => {
    const r = await h.run({ type: 'command', name: 'recommend', options: { request: 'funny heist movies', count: 5 } });
    const thread = h.emu.threads().find((t) => t.name === 'Recs for admin: funny heist movies');
    const id = thread?.id as string;
    const shown = async () => (await app.deps.conversations.get(id))?.shown ?? [];
    const isComedy = async (itemId: string) => ((await app.getItem(GUILD, itemId))?.tags ?? []).some((t) => t.toLowerCase() === 'comedy');
    const first = await shown();
    expect(first).toHaveLength(5);
    expect(listedTitles(r.final())).toHaveLength(5);
    expect((await Promise.all(first.map(isComedy))).some(Boolean), 'set-up: the first list has a comedy').toBe(true);

    // Turn 1: the second item is replaced, the others stay in place.
    const t1 = await refineInThread(h, id, ADMIN, 'swap the second one');
    const after1 = await shown();
    expect(after1[1]).not.toBe(first[1]);
    expect(after1.filter((_, k) => k !== 1)).toEqual(first.filter((_, k) => k !== 1));
    expect(visibleText(t1)).toContain('Updated list');
    expect(visibleText(t1)).toMatch(/#2 is now .+ \(instead of .+\)/);
    expect(visibleText(t1)).toContain('Offline engine (no API key)');

    // Turn 2: no comedy is left, the list is still full.
    const t2 = await refineInThread(h, id, ADMIN, 'no comedies');
    const after2 = await shown();
    expect(after2).toHaveLength(5);
    expect((await Promise.all(after2.map(isComedy))).some(Boolean)).toBe(false);
    expect(listedTitles(t2)).toHaveLength(5);

    // Turn 3: three items, still without comedies.
    const t3 = await refineInThread(h, id, ADMIN, 'just 3');
    const after3 = await shown();
    expect(after3).toHaveLength(3);
    expect((await Promise.all(after3.map(isComedy))).some(Boolean)).toBe(false);
    expect(listedTitles(t3)).toHaveLength(3);
    expect(visibleText(t3)).toContain('now 3 items');
    expect((await app.deps.conversations.get(id))?.turns.filter((t) => t.role === 'user').map((t) => t.text)).toEqual([
      'funny heist movies',
      'swap the second one',
      'no comedies',
      'just 3',
    ]);
  });

  it('GIVEN autocomplete then /rate with the chosen id THEN the rating is stored for that user', async () => {
    const ac = await h.run({ type: 'autocomplete', name: 'rate', focused: 'title', options: { title: 'hea' } });
    const choice = (ac.callbacks[0].data.choices as { name: string; value: string }[])[0];
    expect(choice.name).toBe('Heat (1995)');
    const r = await h.run({ type: 'command', name: 'rate', options: { title: choice.value, score: 4.5 }, user: MEMBER });
    expect(visibleText(r.final())).toContain('Rated **Heat (1995)** 4.5★');
  });

  it('GIVEN /privacy delete confirmed THEN nothing of that user is left in the store', async () => {
    const ask = await h.run({ type: 'command', name: 'privacy', subcommand: 'delete', user: MEMBER });
    await h.run({ type: 'button', customId: 'pd:member', messageId: ask.messageId as string, user: MEMBER });
    const left = await app.privacy.export({ scope: GUILD, userId: 'member' });
    expect(left.profile.history).toEqual([]);
    expect(left.profile.ratings).toEqual({});
    expect(left.conversations).toEqual([]);
  });

  it('GIVEN /settings without a key THEN it says the LLM is not configured, even with the server switch on', async () => {
    const s = await h.run({ type: 'command', name: 'settings', options: { llm: true } });
    expect(visibleText(s.final())).toContain('LLM: not configured (offline engine; set GEMINI_API_KEY)');
    expect(visibleText(s.final())).not.toMatch(/LLM: on/);
  });

  const csv = (n: number) => 'id,title,year,tags\n' + Array.from({ length: n }, (_, k) => `i${k},Item ${k},${1950 + (k % 70)},tag${k % 7}`).join('\n') + '\n';
  const enc = (s: string) => new TextEncoder().encode(s);
  const downloads = (name: string) => h.emu.log.filter((c) => c.method === 'GET' && c.path.includes(name));

  it('GIVEN a member without Manage Server uploads a catalog THEN it is refused before any download and the stored catalog keeps its version and size', async () => {
    const before = await app.catalog.info(GUILD);
    expect(before?.itemCount, 'set-up: the starter catalog is on').toBeGreaterThan(9000);
    const att = h.emu.addAttachment('member.csv', enc(csv(10)), 'text/csv');
    const r = await h.run({ type: 'command', name: 'catalog', subcommand: 'upload', attachments: { file: att }, user: MEMBER });
    expect(r.callbacks[0]).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(visibleText(r.final())).toContain('You need the **Manage Server** permission to use `/catalog upload`');
    expect(downloads('member.csv')).toHaveLength(0);
    expect(await app.catalog.info(GUILD)).toEqual(before);
  });

  it('GIVEN an admin merges 3,000 generated rows THEN the reply shows progress edits, then the report, and the store holds a new version with 3,000 more items', async () => {
    const before = await app.catalog.info(GUILD);
    const size = (before?.itemCount ?? 0) + 3000;
    const att = h.emu.addAttachment('items.csv', enc(csv(3000)), 'text/csv');
    stepping = true;
    const r = await h.run({ type: 'command', name: 'catalog', subcommand: 'upload', options: { mode: 'merge' }, attachments: { file: att } }).finally(() => {
      stepping = false;
      stepped = 0;
    });
    expect(r.callbacks[0]).toMatchObject({ type: 5, data: { flags: 64 } });
    const progress = r.edits.map((e) => String(e.body.content ?? '')).filter((c) => c.includes('Uploading **items.csv**'));
    expect(progress.length).toBeGreaterThanOrEqual(3);
    // Embedding reports every 500 items, one clock second apart: the 2-second rule lets every other one through.
    const embedded = progress.map((p) => p.match(/embedding ([\d,]+)\/([\d,]+)/)).filter((m) => m !== null);
    expect(embedded.length).toBeGreaterThanOrEqual(2);
    // A merge embeds only the new rows: the items already there keep their vectors.
    expect(embedded.every((m) => m[2] === '3,000')).toBe(true);
    const done = embedded.map((m) => Number(m[1].replace(/,/g, '')));
    expect(done.slice(1).every((d, k) => d - done[k] >= 1000 || d === 3000)).toBe(true);
    const text = visibleText(r.final());
    expect(text).toContain(`Catalog merged from **items.csv**: now version ${(before?.version ?? 0) + 1}.`);
    expect(text).toContain('Added 3,000');
    const after = await app.catalog.info(GUILD);
    expect(after).toMatchObject({ version: (before?.version ?? 0) + 1, itemCount: size });
    expect((await app.getItem(GUILD, 'i2999'))?.title).toBe('Item 2999');
  });

  it('GIVEN a malformed upload THEN the report names the rows and the stored catalog keeps its version and size', async () => {
    const before = await app.catalog.info(GUILD);
    const att = h.emu.addAttachment('bad.csv', enc('id,title,year\na,,2000\nb,,2001\nc,Foo,notayear\n'), 'text/csv');
    const r = await h.run({ type: 'command', name: 'catalog', subcommand: 'upload', attachments: { file: att } });
    const text = visibleText(r.final());
    expect(text).toContain('The catalog was **not** changed (**bad.csv**): the previous one is intact.');
    expect(text).toContain('rejected 3');
    // Spreadsheet rows (the header is row 1), with the line each starts on.
    expect(text).toMatch(/row 2 \(line 2\), column title: .*empty/i);
    expect(text).toMatch(/row 4 \(line 4\), column year/);
    expect(await app.catalog.info(GUILD)).toEqual(before);
    expect(await app.getItem(GUILD, 'c')).toBeFalsy();
  });

  // Last: it clears the catalog the other tests use.
  it('GIVEN /catalog clear THEN only the asker, still holding Manage Server, can confirm with the button, before it expires', async () => {
    const size = async () => (await app.catalog.info(GUILD))?.itemCount ?? 0;
    const before = await size();
    expect(before).toBeGreaterThan(9000);
    const ask = await h.run({ type: 'command', name: 'catalog', subcommand: 'clear' });
    expect(ask.callbacks[0]).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(visibleText(ask.final())).toContain('This removes the whole catalog');
    expect(customIds(ask.final())).toEqual(['cc:admin', 'cx:admin']);
    const msg = ask.messageId as string;
    expect(await size()).toBe(before);

    const other = await h.run({ type: 'button', customId: 'cc:admin', messageId: msg, user: MEMBER });
    expect(visibleText(other.final())).toContain('belongs to someone else');
    const demoted = await h.run({ type: 'button', customId: 'cc:admin', messageId: msg, user: ADMIN, memberPermissions: MEMBER_PERMISSIONS });
    expect(visibleText(demoted.final())).toContain('Manage Server');
    skew = 11 * 60_000;
    const late = await h.run({ type: 'button', customId: 'cc:admin', messageId: msg });
    skew = 0;
    expect(visibleText(late.final())).toContain('This confirmation has expired');
    expect(await size()).toBe(before);

    const ask2 = await h.run({ type: 'command', name: 'catalog', subcommand: 'clear' });
    const cancel = await h.run({ type: 'button', customId: 'cx:admin', messageId: ask2.messageId as string });
    expect(visibleText(cancel.final())).toContain('Cancelled: the catalog is unchanged');
    expect(await size()).toBe(before);

    const ask3 = await h.run({ type: 'command', name: 'catalog', subcommand: 'clear' });
    const ok = await h.run({ type: 'button', customId: 'cc:admin', messageId: ask3.messageId as string });
    expect(ok.callbacks[0].type).toBe(6);
    expect(visibleText(ok.final())).toContain('The catalog is cleared');
    expect(customIds(ok.final())).toEqual([]);
    expect(await app.catalog.info(GUILD)).toBeNull();
    const again = await h.run({ type: 'command', name: 'catalog', subcommand: 'clear' });
    expect(visibleText(again.final())).toContain('There is no catalog to clear');
  });
});
