import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/app/errors.js';
import { checkVoteHours, createVotes, tally } from '../../../src/app/vote.js';
import { parseEventTime } from '../../../src/app/vote-time.js';
import type { CatalogItem } from '../../../src/domain/item.js';
import { mapVoteKv } from '../../helpers/vote-kv.js';
import { createStore } from '../../../src/store/index.js';

const ITEMS: CatalogItem[] = [{ id: 'a', title: 'Alpha', year: 2001 }, { id: 'b', title: 'Beta' }, { id: 'c', title: 'Gamma', year: 1999 }];
const caller = { scope: 'g1', userId: 'asker' };

function votes() {
  const kv = mapVoteKv();
  const v = createVotes({ kv, clock: () => 1_000, item: async (_s, id) => ITEMS.find((i) => i.id === id) ?? null });
  return { kv, v };
}

const codeOf = async (p: Promise<unknown> | (() => unknown)) => {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
  return 'no error';
};

describe('votes', () => {
  it('GIVEN counts THEN the most voted wins; a tie names every tied item and the first in list order wins; no votes: no winner', () => {
    expect(tally(ITEMS, [1, 3, 2])).toMatchObject({ winner: { id: 'b' }, votes: 3, total: 6, tied: [] });
    expect(tally(ITEMS, [0, 2, 2])).toMatchObject({ winner: { id: 'b' }, votes: 2, total: 4, tied: [{ id: 'b' }, { id: 'c' }] });
    expect(tally(ITEMS, [0, 0, 0])).toEqual({ votes: 0, total: 0, tied: [] });
    expect(tally(ITEMS, [5])).toMatchObject({ winner: { id: 'a' }, total: 5 });
  });

  it('GIVEN a poll closed twice (both gateway events) THEN the second close answers null and the pick is stored once', async () => {
    const { v } = votes();
    const plan = await v.plan(caller, { itemIds: ['a', 'b', 'c'], hours: 24 });
    await v.opened(caller, { pollId: 'p', channelId: 'c1', plan });
    const [one, two] = await Promise.all([v.close('g1', { pollId: 'p', counts: [0, 0, 1] }), v.close('g1', { pollId: 'p', counts: [9, 0, 0] })]);
    expect(one).toMatchObject({ winner: { id: 'c', title: 'Gamma' }, askerId: 'asker', channelId: 'c1' });
    expect(two).toBeNull();
    expect(await v.pick('g1')).toMatchObject({ item: { id: 'c' }, votes: 1, total: 1, pollId: 'p' });
    expect((await v.get('g1', 'p'))?.outcome?.winner?.id).toBe('c');
    expect(await v.close('g1', { pollId: 'not-ours', counts: [1] })).toBeNull();
    expect(await v.pick('g2')).toBeNull();
  });

  it('GIVEN the announcement failed THEN the next close answers the same outcome (tallied and picked once); once announced, null', async () => {
    let now = 1_000;
    const v = createVotes({ kv: mapVoteKv(), clock: () => now, item: async (_s, id) => ITEMS.find((i) => i.id === id) ?? null });
    await v.opened(caller, { pollId: 'p', channelId: 'c1', plan: await v.plan(caller, { itemIds: ['a', 'b', 'c'], hours: 24 }) });
    const first = await v.close('g1', { pollId: 'p', counts: [0, 2, 1] });
    expect(first).toMatchObject({ winner: { id: 'b' }, votes: 2 });
    // While the first handler holds the announcement, another close does not announce it too.
    expect(await v.close('g1', { pollId: 'p', counts: [0, 2, 1] })).toBeNull();
    await v.announceFailed('g1', 'p');
    now = 2_000;
    expect(await v.close('g1', { pollId: 'p', counts: [9, 0, 0] })).toEqual(first);
    expect(await v.pick('g1')).toMatchObject({ item: { id: 'b' }, at: 1_000 });
    await v.announced('g1', 'p');
    expect(await v.close('g1', { pollId: 'p', counts: [0, 2, 1] })).toBeNull();
    expect((await v.get('g1', 'p'))?.announced).toBe(true);
  });

  it('GIVEN a handler that claimed the announcement and died THEN a close a minute later announces it', async () => {
    let now = 1_000;
    const v = createVotes({ kv: mapVoteKv(), clock: () => now, item: async (_s, id) => ITEMS.find((i) => i.id === id) ?? null });
    await v.opened(caller, { pollId: 'p', channelId: 'c1', plan: await v.plan(caller, { itemIds: ['a', 'b'], hours: 3 }) });
    expect(await v.close('g1', { pollId: 'p', counts: [1, 0] })).not.toBeNull();
    now += 59_000;
    expect(await v.close('g1', { pollId: 'p', counts: [1, 0] })).toBeNull();
    now += 1_000;
    expect(await v.close('g1', { pollId: 'p', counts: [1, 0] })).toMatchObject({ winner: { id: 'a' } });
  });

  it('GIVEN the real store (memory driver) THEN two closes at once still close the vote once', async () => {
    const store = await createStore('memory://', { namespace: 'votetest' });
    try {
      const v = createVotes({ kv: store, clock: () => 1_000, item: async (_s, id) => ITEMS.find((i) => i.id === id) ?? null });
      await v.opened(caller, { pollId: 'p', channelId: 'c1', plan: await v.plan(caller, { itemIds: ['a', 'b'], hours: 3 }) });
      const results = await Promise.all([1, 2, 3].map(() => v.close('g1', { pollId: 'p', counts: [1, 0] })));
      expect(results.filter((r) => r !== null)).toHaveLength(1);
    } finally {
      await store.close();
    }
  });

  it('GIVEN a vote nobody voted in THEN it closes with no winner and the earlier pick stays', async () => {
    const { v } = votes();
    const plan = await v.plan(caller, { itemIds: ['a', 'b'], hours: 1 });
    await v.opened(caller, { pollId: 'p1', channelId: 'c1', plan });
    await v.close('g1', { pollId: 'p1', counts: [0, 4] });
    await v.opened(caller, { pollId: 'p2', channelId: 'c1', plan });
    expect(await v.close('g1', { pollId: 'p2', counts: [0, 0] })).toMatchObject({ votes: 0, tied: [] });
    expect((await v.pick('g1'))?.pollId).toBe('p1');
  });

  it('GIVEN a duration outside 1-72 hours, or fewer than 2 known items THEN the plan is refused with its message', async () => {
    const { v } = votes();
    expect(await codeOf(v.plan(caller, { itemIds: ['a', 'b'], hours: 73 }))).toBe('vote.duration');
    expect(await codeOf(v.plan(caller, { itemIds: ['a', 'b'], hours: 0 }))).toBe('vote.duration');
    expect(await codeOf(() => checkVoteHours(1.5))).toBe('vote.duration');
    expect(await codeOf(v.plan(caller, { itemIds: ['a', 'gone', 'a'], hours: 2 }))).toBe('vote.too-few');
    expect((await v.plan(caller, { itemIds: ['c', 'gone', 'a'], hours: 72 })).items.map((i) => i.id)).toEqual(['c', 'a']);
  });

  it('GIVEN event times as typed THEN UTC dates are read, and impossible, unreadable or past ones are refused', async () => {
    const now = Date.UTC(2026, 10, 30, 12);
    expect(parseEventTime('2026-12-24 20:00', now)).toBe(Date.UTC(2026, 11, 24, 20));
    expect(parseEventTime(' 2026-12-24T08:05:30Z ', now)).toBe(Date.UTC(2026, 11, 24, 8, 5, 30));
    expect(parseEventTime('2027-01-01 00:00 UTC', now)).toBe(Date.UTC(2027, 0, 1));
    expect(await codeOf(() => parseEventTime('2027-02-30 20:00', now))).toBe('event.time');
    expect(await codeOf(() => parseEventTime('tomorrow 8pm', now))).toBe('event.time');
    expect(await codeOf(() => parseEventTime('2026-11-30 11:59', now))).toBe('event.past');
  });
});
