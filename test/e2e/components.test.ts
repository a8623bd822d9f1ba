import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeServices, type FakeServices } from '../helpers/fake-services.js';
import { ADMIN, customIds, MEMBER, startHarness, visibleText, type Harness } from './harness.js';

describe('e2e: buttons and selects', () => {
  let h: Harness;
  let sv: FakeServices;
  let listMessage: string;
  beforeAll(async () => {
    sv = createFakeServices();
    h = await startHarness({ services: sv });
    const r = await h.run({ type: 'command', name: 'recommend', options: { request: 'heist', count: 3 } });
    listMessage = r.messageId as string;
    expect(customIds(r.final())).toContain('w:m1');
  });
  afterAll(async () => h?.close());

  it('GIVEN Watched on a list THEN it records it for the clicker and offers a rating select; the select rates it', async () => {
    const w = await h.run({ type: 'button', customId: 'w:m1', messageId: listMessage, user: MEMBER });
    expect(w.callbacks[0]).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(visibleText(w.final())).toContain('Marked **Heat (1995)** as watched');
    expect(customIds(w.final())).toEqual(['rs:m1']);
    expect(sv.calls.find((c) => c.method === 'watched.add')?.caller?.userId).toBe('member');
    const rs = await h.run({ type: 'select', customId: 'rs:m1', values: ['4.5'], messageId: w.messageId as string, user: MEMBER });
    expect(rs.callbacks[0].type).toBe(7);
    expect(rs.callbacks[0].data.content).toContain('Rated **Heat (1995)** 4.5★');
    expect(sv.profiles.get('g1:member')?.ratings.m1?.value).toBe(4.5);
  });

  it('GIVEN a forged rating value THEN it is refused with the rating.range text', async () => {
    const rs = await h.run({ type: 'select', customId: 'rs:m1', values: ['9'], messageId: listMessage, user: MEMBER });
    expect(visibleText(rs.final())).toContain('A rating goes from 0.5 to 5');
  });

  it('GIVEN Not interested THEN the item is excluded for that user', async () => {
    const r = await h.run({ type: 'button', customId: 'ni:m6', messageId: listMessage, user: ADMIN });
    expect(visibleText(r.final())).toContain('I will not suggest **Ronin (1998)** to you again');
    expect(sv.profiles.get('g1:admin')?.notInterested).toEqual(['m6']);
  });

  it('GIVEN More like this THEN it answers privately with similar items and their own buttons', async () => {
    const r = await h.run({ type: 'button', customId: 'ml:m1', messageId: listMessage, user: ADMIN });
    expect(r.callbacks[0].data.flags).toBe(64);
    expect(visibleText(r.final())).toContain('More like Heat');
    expect(customIds(r.final()).some((id) => id.startsWith('w:'))).toBe(true);
    expect(sv.calls.find((c) => c.method === 'moreLike')?.input).toMatchObject({ itemId: 'm1' });
  });

  it('GIVEN a button for an item no longer in the catalog, or an unknown button THEN it says so', async () => {
    expect(visibleText((await h.run({ type: 'button', customId: 'w:gone', messageId: listMessage })).final())).toContain('no longer in this server');
    expect(visibleText((await h.run({ type: 'button', customId: 'zz:1', messageId: listMessage })).final())).toContain('no longer works');
  });

  it('GIVEN /watched list with more than 20 entries THEN Next pages through it', async () => {
    for (const it of sv.catalogs.get('g1') ?? []) await sv.watched.add({ scope: 'g1', userId: 'pager' }, it.id);
    for (let k = 0; k < 12; k++) await sv.watched.add({ scope: 'g1', userId: 'pager' }, `x${k}`);
    const pager = { id: 'pager', username: 'pager' };
    const list = await h.run({ type: 'command', name: 'watched', subcommand: 'list', user: pager });
    expect(visibleText(list.final())).toContain('Page 1 of 2');
    const next = await h.run({ type: 'button', customId: 'wl:1', messageId: list.messageId as string, user: pager });
    expect(next.callbacks[0].type).toBe(7);
    expect(visibleText(next.callbacks[0].data)).toContain('Page 2 of 2');
  });

  it('GIVEN /privacy delete THEN only the confirm button deletes, and nothing of that user is left', async () => {
    await h.run({ type: 'command', name: 'rate', options: { title: 'm2', score: 3 }, user: MEMBER });
    const ask = await h.run({ type: 'command', name: 'privacy', subcommand: 'delete', user: MEMBER });
    expect(ask.callbacks[0]).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(customIds(ask.final())).toEqual(['pd:member', 'pc:member']);
    expect(sv.profiles.has('g1:member')).toBe(true);
    const other = await h.run({ type: 'button', customId: 'pd:member', messageId: ask.messageId as string, user: ADMIN });
    expect(visibleText(other.final())).toContain('belongs to someone else');
    expect(sv.profiles.has('g1:member')).toBe(true);
    const ok = await h.run({ type: 'button', customId: 'pd:member', messageId: ask.messageId as string, user: MEMBER });
    expect(ok.callbacks[0].type).toBe(6);
    expect(visibleText(ok.final())).toContain('your data in this server is deleted');
    expect(sv.profiles.has('g1:member')).toBe(false);
    expect([...sv.conversations.values()].some((c) => c.ownerId === 'member')).toBe(false);
    expect(sv.calls.find((c) => c.method === 'privacy.delete')?.caller).toMatchObject({ scope: 'g1', userId: 'member' });
  });

  it('GIVEN /privacy delete then Cancel THEN nothing is deleted', async () => {
    await h.run({ type: 'command', name: 'rate', options: { title: 'm2', score: 3 }, user: MEMBER });
    const ask = await h.run({ type: 'command', name: 'privacy', subcommand: 'delete', user: MEMBER });
    const c = await h.run({ type: 'button', customId: 'pc:member', messageId: ask.messageId as string, user: MEMBER });
    expect(visibleText(c.final())).toContain('Cancelled');
    expect(sv.profiles.has('g1:member')).toBe(true);
  });
});
