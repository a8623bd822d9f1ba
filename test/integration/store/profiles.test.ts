import { expect, it } from 'vitest';
import { describeStores } from '../../helpers/store.js';
import { ValidationError } from '../../../src/store/errors.js';
import { ProfileRepo } from '../../../src/store/profiles.js';

const G = '111222333';

describeStores('ProfileRepo', (ctx) => {
  let now = 1_000;
  const repo = () => new ProfileRepo(ctx.store, { clock: () => (now += 1) });

  it('GIVEN no profile THEN get returns an empty one and the user is not indexed', async () => {
    const p = await repo().get(G, 'u1');
    expect(p).toEqual({ history: [], ratings: {}, notInterested: [], preferences: {}, updatedAt: 0 });
    expect(await repo().listUsers(G)).toEqual([]);
  });

  it('GIVEN an item watched again THEN it appears once, moved to the end with the new time', async () => {
    const r = repo();
    await r.appendHistory(G, 'u1', 'a', 10);
    await r.appendHistory(G, 'u1', 'b', 20);
    await r.appendHistory(G, 'u1', 'c', 30);
    await r.appendHistory(G, 'u1', 'a', 40);
    expect(await r.listHistory(G, 'u1')).toEqual([{ itemId: 'b', at: 20 }, { itemId: 'c', at: 30 }, { itemId: 'a', at: 40 }]);
    expect((await r.listHistory(G, 'u1', 2)).map((e) => e.itemId)).toEqual(['c', 'a']);
  });

  it('GIVEN a watch with an earlier time THEN history stays in time order', async () => {
    const r = repo();
    await r.appendHistory(G, 'u1', 'late', 50);
    await r.appendHistory(G, 'u1', 'early', 5);
    expect((await r.listHistory(G, 'u1')).map((e) => e.itemId)).toEqual(['early', 'late']);
  });

  it('GIVEN removeHistory and clearHistory THEN entries go and the counts say how many', async () => {
    const r = repo();
    for (const id of ['a', 'b', 'c']) await r.appendHistory(G, 'u1', id);
    expect(await r.removeHistory(G, 'u1', 'b')).toBe(true);
    expect(await r.removeHistory(G, 'u1', 'b')).toBe(false);
    expect(await r.clearHistory(G, 'u1')).toBe(2);
    expect(await r.listHistory(G, 'u1')).toEqual([]);
  });

  it.each([0, 0.25, 5.5, 7, -1, Number.NaN, 3.3])('GIVEN a rating of %s THEN it is rejected with rating.range', async (value) => {
    const err = await repo().setRating(G, 'u1', 'a', value).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err).toBeInstanceOf(RangeError);
    expect((err as ValidationError).code).toBe('rating.range');
    expect((await repo().get(G, 'u1')).ratings).toEqual({});
  });

  it('GIVEN valid ratings THEN they are stored, overwritten and removed', async () => {
    const r = repo();
    await r.setRating(G, 'u1', 'a', 0.5, 1);
    await r.setRating(G, 'u1', 'b', 5, 2);
    await r.setRating(G, 'u1', 'a', 3.5, 3);
    expect((await r.get(G, 'u1')).ratings).toEqual({ a: { value: 3.5, at: 3 }, b: { value: 5, at: 2 } });
    expect(await r.removeRating(G, 'u1', 'b')).toBe(true);
    expect(await r.removeRating(G, 'u1', 'b')).toBe(false);
    expect(Object.keys((await r.get(G, 'u1')).ratings)).toEqual(['a']);
  });

  it('GIVEN not-interested marks and preferences THEN they are kept without duplicates and can be undone', async () => {
    const r = repo();
    await r.addNotInterested(G, 'u1', 'x');
    await r.addNotInterested(G, 'u1', 'x');
    await r.setPreference(G, 'u1', 'noHorror', true);
    await r.setPreference(G, 'u1', 'lang', 'fr');
    await r.setPreference(G, 'u1', 'lang', null);
    let p = await r.get(G, 'u1');
    expect(p.notInterested).toEqual(['x']);
    expect(p.preferences).toEqual({ noHorror: true });
    expect(await r.removeNotInterested(G, 'u1', 'x')).toBe(true);
    p = await r.get(G, 'u1');
    expect(p.notInterested).toEqual([]);
  });

  it('GIVEN 200 concurrent ratings and history appends to one profile THEN all 200 are there', async () => {
    const r = repo();
    await Promise.all(
      Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? r.setRating(G, 'busy', `r${i}`, ((i % 10) + 1) / 2) : r.appendHistory(G, 'busy', `h${i}`))),
    );
    const p = await r.get(G, 'busy');
    expect(Object.keys(p.ratings)).toHaveLength(100);
    expect(p.history).toHaveLength(100);
    expect(new Set(p.history.map((e) => e.itemId)).size).toBe(100);
    expect(await r.listUsers(G)).toEqual(['busy']);
  });

  it('GIVEN users with profiles in two servers THEN listUsers and all see only their server', async () => {
    const r = repo();
    await Promise.all([r.setRating(G, 'u1', 'a', 4), r.setRating(G, 'u2', 'a', 2), r.setRating('dm:u3', 'u3', 'a', 1), r.appendHistory(G, 'u1', 'b')]);
    expect((await r.listUsers(G)).sort()).toEqual(['u1', 'u2']);
    const all = await r.all(G);
    expect(all.map((x) => x.userId).sort()).toEqual(['u1', 'u2']);
    expect(all.find((x) => x.userId === 'u1')?.profile.history.map((e) => e.itemId)).toEqual(['b']);
    expect((await r.all('dm:u3')).map((x) => x.userId)).toEqual(['u3']);
  });

  it('GIVEN deleteUser THEN the profile and its index entry are gone, others stay', async () => {
    const r = repo();
    await r.setRating(G, 'u1', 'a', 4);
    await r.setRating(G, 'u2', 'a', 4);
    expect(r.userKeys(G, 'u1')).toEqual([`profile:${G}:u1`]);
    expect(await r.deleteUser(G, 'u1')).toBe(true);
    expect(await r.deleteUser(G, 'u1')).toBe(false);
    expect(await ctx.store.has(`profile:${G}:u1`)).toBe(false);
    expect(await r.listUsers(G)).toEqual(['u2']);
    expect((await r.get(G, 'u2')).ratings.a.value).toBe(4);
  });

  it('GIVEN exportUser THEN it is plain JSON holding the whole profile', async () => {
    const r = repo();
    await r.setRating(G, 'u1', 'a', 4.5, 7);
    await r.appendHistory(G, 'u1', 'a', 8);
    const out = await r.exportUser(G, 'u1');
    expect(JSON.parse(JSON.stringify(out))).toEqual(out);
    expect(out).toMatchObject({ scope: G, userId: 'u1', profile: { ratings: { a: { value: 4.5, at: 7 } }, history: [{ itemId: 'a', at: 8 }] } });
  });

  it('GIVEN an id that could reach into another key THEN it is rejected', async () => {
    await expect(repo().setRating(G, 'u1:x', 'a', 4)).rejects.toMatchObject({ code: 'key.id' });
    await expect(repo().get('g*', 'u1')).rejects.toMatchObject({ code: 'key.scope' });
  });
});
