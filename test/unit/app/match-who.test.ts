import { describe, expect, it } from 'vitest';
import { candidatesFor, WHO_CONSIDERED } from '../../../src/app/match-who.js';
import { GROUP_PREFERENCE } from '../../../src/app/group-privacy.js';
import type { Profile } from '../../../src/domain/profile.js';

const profile = (updatedAt: number, over: Partial<Profile> = {}): Profile =>
  ({ history: [], ratings: { other: { value: 4, at: updatedAt } }, notInterested: [], preferences: {}, updatedAt, ...over });

describe('"Who here would like it?": the members considered', () => {
  it('GIVEN more members than the cap THEN only the most recently active ones are considered, newest first', () => {
    const all = Array.from({ length: WHO_CONSIDERED + 50 }, (_, k) => ({ userId: `u${String(k).padStart(3, '0')}`, profile: profile(k) }));
    const picked = candidatesFor(all, 'asker', 'item');
    expect(picked).toHaveLength(WHO_CONSIDERED);
    expect(picked[0].userId).toBe(`u${WHO_CONSIDERED + 49}`);
    expect(picked.every((p) => p.profile.updatedAt >= 50)).toBe(true);
  });

  it('GIVEN the asker, members who opted out, rated nothing, or saw or turned down the item THEN none of them is considered, however recent', () => {
    const all = [
      { userId: 'asker', profile: profile(99) },
      { userId: 'off', profile: profile(98, { preferences: { [GROUP_PREFERENCE]: false } }) },
      { userId: 'none', profile: profile(97, { ratings: {} }) },
      { userId: 'seen', profile: profile(96, { history: [{ itemId: 'item', at: 1 }] }) },
      { userId: 'rated', profile: profile(95, { ratings: { item: { value: 5, at: 1 } } }) },
      { userId: 'nope', profile: profile(94, { notInterested: ['item'] }) },
      { userId: 'ok', profile: profile(1) },
    ];
    expect(candidatesFor(all, 'asker', 'item', 2).map((p) => p.userId)).toEqual(['ok']);
  });
});
