/**
 * Group lists on a new server with the starter catalog and the community prior, no API key: one list for
 * several members that fits them all, leaves out what any of them saw, and says how each item fits (counts
 * only). Members with no history are neutral; members who turned group features off are never counted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServices } from '../../../src/services.js';
import { appError, caller, idsOf, makeApp, settle, titled } from '../../helpers/app.js';

const SCOPE = 'guild-together-1';
const who = (id: string) => caller(id, SCOPE);
let app: AppServices;

const FAMILY: [string, number][] = [['Toy Story', 5], ['Finding Nemo', 5], ['Monsters, Inc.', 4.5], ['The Lion King', 4.5], ['Up', 4], ['The Terminator', 1.5]];
const ACTION: [string, number][] = [['The Terminator', 5], ['Die Hard', 5], ['Aliens', 4.5], ['The Matrix', 4.5], ['Toy Story', 3], ['Notting Hill', 1]];

async function rateAll(userId: string, ratings: [string, number][]): Promise<void> {
  for (const [title, value] of ratings) await app.rate(who(userId), (await titled(app, who(userId), title)).id, value);
}

beforeAll(async () => {
  app = await makeApp();
  await app.catalog.starter(who('admin'));
  await rateAll('kid-fan', FAMILY);
  await rateAll('action-fan', ACTION);
  await settle(app, SCOPE);
}, 60_000);
afterAll(() => app?.close());

describe('GIVEN two members with different tastes asking for one list', () => {
  it('THEN the list leaves out everything either of them rated, and each item says how it fits the two of them in counts', async () => {
    const r = await app.together(who('kid-fan'), { members: ['action-fan'], count: 5 });
    expect(r.items).toHaveLength(5);
    const rated = new Set<string>();
    for (const [t] of [...FAMILY, ...ACTION]) rated.add((await titled(app, who('kid-fan'), t)).id);
    expect(idsOf(r).filter((id) => rated.has(id))).toEqual([]);
    for (const x of r.items) {
      expect(x.reason.kind).toBe('group-fit');
      if (x.reason.kind === 'group-fit') expect(x.reason.love + x.reason.like + x.reason.lukewarm).toBe(2);
    }
    expect(r.group).toMatchObject({ all: ['kid-fan', 'action-fan'], counted: 2, neutral: 0, private: 0 });
  });

  it('THEN the group list differs from what either member gets alone', async () => {
    const group = idsOf(await app.together(who('kid-fan'), { members: ['action-fan'], count: 5 }));
    const kid = idsOf(await app.together(who('kid-fan'), { members: ['newcomer-1'], count: 5 }));
    expect(group).not.toEqual(kid);
  });
});

describe('GIVEN a member turns down the top pick, and another watches the second', () => {
  it('THEN the next group list leaves both out, also when the one turning it down has no history (neutral)', async () => {
    const first = idsOf(await app.together(who('kid-fan'), { members: ['action-fan', 'quiet-one'], count: 5 }));
    await app.notInterested(who('quiet-one'), first[0]);
    await app.watched.add(who('action-fan'), first[1]);
    const again = await app.together(who('kid-fan'), { members: ['action-fan', 'quiet-one'], count: 5 });
    expect(idsOf(again)).not.toContain(first[0]);
    expect(idsOf(again)).not.toContain(first[1]);
    expect(again.group).toMatchObject({ counted: 2, neutral: 1 });
  });
});

describe('GIVEN a member with no history in the group', () => {
  it('THEN they count as neutral: the list is the same as without them, and the fit says they have no ratings yet', async () => {
    const without = await app.together(who('kid-fan'), { members: ['action-fan'], count: 5 });
    const withNew = await app.together(who('kid-fan'), { members: ['action-fan', 'newcomer-2'], count: 5 });
    expect(idsOf(withNew)).toEqual(idsOf(without));
    expect(withNew.group).toMatchObject({ counted: 2, neutral: 1 });
    expect(withNew.items[0].reason).toMatchObject({ kind: 'group-fit', neutral: 1 });
  });
});

describe('GIVEN a member who turned group features off', () => {
  it('THEN they are not counted, what they watched is not left out, and the asker who turned it off is told how to turn it on', async () => {
    await rateAll('private-one', [['Heat', 5], ['Toy Story 2', 5]]);
    expect(await app.privacy.setGroup(who('private-one'), false)).toBe(false);
    const r = await app.together(who('kid-fan'), { members: ['action-fan', 'private-one'], count: 5 });
    expect(r.group).toMatchObject({ counted: 2, private: 1 });
    const e = await appError(app.together(who('private-one'), { members: ['kid-fan'] }));
    expect(e.code).toBe('group.off-self');
    expect(await app.privacy.setGroup(who('private-one'), true)).toBe(true);
  });

  it('THEN /privacy delete removes the setting with everything else (back to the default: on)', async () => {
    await app.privacy.setGroup(who('leaver'), false);
    expect(await app.privacy.group(who('leaver'))).toBe(false);
    await app.privacy.delete(who('leaver'));
    expect(await app.privacy.group(who('leaver'))).toBe(true);
  });
});

describe('GIVEN a group of one, or of 26', () => {
  it('THEN the answer says a group list is for 2 to 25 people', async () => {
    expect((await appError(app.together(who('kid-fan'), { members: [] }))).code).toBe('group.size');
    const many = Array.from({ length: 25 }, (_, k) => `m${k}`);
    expect((await appError(app.together(who('kid-fan'), { members: many }))).code).toBe('group.size');
  });
});
