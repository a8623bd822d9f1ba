import { expect, it, vi } from 'vitest';
import { describeStores } from '../../helpers/store.js';
import { ValidationError } from '../../../src/store/errors.js';
import { MAX_ITEM_ID, ProfileRepo } from '../../../src/store/profiles.js';

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
    expect((await r.get(G, 'u1')).history).toEqual([{ itemId: 'b', at: 20 }, { itemId: 'c', at: 30 }, { itemId: 'a', at: 40 }]);
  });

  it('GIVEN a watch with an earlier time THEN history stays in time order', async () => {
    const r = repo();
    await r.appendHistory(G, 'u1', 'late', 50);
    await r.appendHistory(G, 'u1', 'early', 5);
    expect((await r.get(G, 'u1')).history.map((e) => e.itemId)).toEqual(['early', 'late']);
  });

  it('GIVEN removeHistory THEN the entry goes and the answer says whether there was one', async () => {
    const r = repo();
    for (const id of ['a', 'b', 'c']) await r.appendHistory(G, 'u1', id);
    expect(await r.removeHistory(G, 'u1', 'b')).toBe(true);
    expect(await r.removeHistory(G, 'u1', 'b')).toBe(false);
    expect((await r.get(G, 'u1')).history.map((e) => e.itemId)).toEqual(['a', 'c']);
  });

  it.each([0, 0.25, 5.5, 7, -1, Number.NaN, 3.3])('GIVEN a rating of %s THEN it is rejected with rating.range', async (value) => {
    const err = await repo().setRating(G, 'u1', 'a', value).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err).toBeInstanceOf(RangeError);
    expect((err as ValidationError).code).toBe('rating.range');
    expect((await repo().get(G, 'u1')).ratings).toEqual({});
  });

  it('GIVEN valid ratings THEN they are stored and overwritten', async () => {
    const r = repo();
    await r.setRating(G, 'u1', 'a', 0.5, 1);
    await r.setRating(G, 'u1', 'b', 5, 2);
    await r.setRating(G, 'u1', 'a', 3.5, 3);
    expect((await r.get(G, 'u1')).ratings).toEqual({ a: { value: 3.5, at: 3 }, b: { value: 5, at: 2 } });
  });

  it('GIVEN the same not-interested mark twice THEN it is kept once', async () => {
    const r = repo();
    await r.addNotInterested(G, 'u1', 'x');
    await r.addNotInterested(G, 'u1', 'x');
    expect((await r.get(G, 'u1')).notInterested).toEqual(['x']);
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

  it('GIVEN an id that could reach into another key THEN it is rejected', async () => {
    await expect(repo().setRating(G, 'u1:x', 'a', 4)).rejects.toMatchObject({ code: 'key.id' });
    await expect(repo().get('g*', 'u1')).rejects.toMatchObject({ code: 'key.scope' });
  });

  const ODD_IDS = ['tt 01', 'film:2', 'Été-1', 'https://example.org/films/42?x=1&y=ü', '__proto__', 'é'.repeat(MAX_ITEM_ID)];

  it('GIVEN catalog item ids with spaces, a colon, accents or a URL THEN they can be rated, watched, marked not interested and removed from the history', async () => {
    const r = repo();
    for (const [i, id] of ODD_IDS.entries()) {
      await r.setRating(G, 'u1', id, 4, i);
      await r.appendHistory(G, 'u1', id, 100 + i);
      await r.addNotInterested(G, 'u1', id);
    }
    let p = await r.get(G, 'u1');
    expect(Object.keys(p.ratings).sort()).toEqual([...ODD_IDS].sort());
    expect(p.ratings['__proto__']).toEqual({ value: 4, at: 4 });
    expect(p.history.map((e) => e.itemId)).toEqual(ODD_IDS);
    expect(p.notInterested).toEqual(ODD_IDS);
    for (const id of ODD_IDS) {
      expect(await r.removeHistory(G, 'u1', id)).toBe(true);
    }
    p = await r.get(G, 'u1');
    expect(p.history).toEqual([]);
  });

  it.each([
    ['empty', ''],
    ['too long', 'a'.repeat(MAX_ITEM_ID + 1)],
    ['a newline', 'a\nb'],
    ['a NUL', 'a\u0000'],
    ['a C1 control', 'a\u0085b'],
  ])('GIVEN an item id that is %s THEN it is rejected with item.id and nothing is written', async (_what, id) => {
    const r = repo();
    await expect(r.setRating(G, 'u1', id, 4)).rejects.toMatchObject({ code: 'item.id' });
    await expect(r.appendHistory(G, 'u1', id)).rejects.toMatchObject({ code: 'item.id' });
    await expect(r.addNotInterested(G, 'u1', id)).rejects.toMatchObject({ code: 'item.id' });
    await expect(r.batch(G, 'u1', (e) => e.watched(id))).rejects.toMatchObject({ code: 'item.id' });
    expect(await r.listUsers(G)).toEqual([]);
  });

  it('GIVEN a batch of 2,000 ratings and watches THEN they land in one write of the profile', async () => {
    const r = repo();
    await r.setRating(G, 'u1', 'kept', 2, 1);
    const set = vi.spyOn(ctx.store, 'set');
    const p = await r.batch(G, 'u1', (e) => {
      for (let i = 0; i < 1_000; i++) {
        e.rate(`item ${i}`, ((i % 10) + 1) / 2, 10 + i);
        e.watched(`item ${i}`, 10 + i);
      }
    });
    expect(set.mock.calls.filter(([key]) => key === `profile:${G}:u1`)).toHaveLength(1);
    set.mockRestore();
    const stored = await r.get(G, 'u1');
    expect(stored).toEqual(p);
    expect(Object.keys(stored.ratings)).toHaveLength(1_001);
    expect(stored.ratings['item 999']).toEqual({ value: 5, at: 1_009 });
    expect(stored.history.map((e) => e.at)).toEqual(Array.from({ length: 1_000 }, (_, i) => 10 + i));
  });

  it('GIVEN a batch with one bad rating among valid edits THEN the whole batch is rejected and the profile is unchanged', async () => {
    const r = repo();
    await r.setRating(G, 'u1', 'a', 3, 1);
    await r.appendHistory(G, 'u1', 'a', 2);
    const before = await r.get(G, 'u1');
    const err = await r
      .batch(G, 'u1', (e) => {
        e.rate('b', 4, 5);
        e.watched('b', 5);
        e.rate('c', 7, 6);
        e.watched('c', 6);
      })
      .catch((x: unknown) => x);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).code).toBe('rating.range');
    expect(await r.get(G, 'u1')).toEqual(before);
    await expect(r.batch(G, 'u2', (e) => e.watched('b', Number.NaN))).rejects.toMatchObject({ code: 'history.at' });
    expect(await r.listUsers(G)).toEqual(['u1']);
  });

  it('GIVEN the same edits as a batch and one by one THEN the profiles hold the same ratings and history', async () => {
    const r = repo();
    const seed = async (u: string) => {
      for (const [id, at] of [['a', 10], ['b', 20], ['c', 20], ['d', 30]] as const) await r.appendHistory(G, u, id, at);
      await r.setRating(G, u, 'a', 1, 10);
    };
    // re-watches move items, equal times, an earlier time, a re-rating: the last edit of an item wins
    const edits: ['rate' | 'watched', string, number, number?][] = [
      ['watched', 'e', 20],
      ['watched', 'a', 25],
      ['rate', 'a', 4, 25],
      ['watched', 'f', 5],
      ['watched', 'e', 20],
      ['watched', 'g', 20],
      ['rate', 'a', 4.5, 26],
      ['watched', 'b', 40],
      ['watched', 'b', 15],
    ];
    await seed('one');
    await seed('many');
    for (const [op, id, x, y] of edits) {
      if (op === 'rate') await r.setRating(G, 'one', id, x, y);
      else await r.appendHistory(G, 'one', id, x);
    }
    await r.batch(G, 'many', (e) => {
      for (const [op, id, x, y] of edits) {
        if (op === 'rate') e.rate(id, x, y);
        else e.watched(id, x);
      }
    });
    const [one, many] = [await r.get(G, 'one'), await r.get(G, 'many')];
    expect(many.history).toEqual(one.history);
    expect(many.ratings).toEqual(one.ratings);
    expect(many.history.map((h) => h.itemId)).toEqual(['f', 'b', 'c', 'e', 'g', 'a', 'd']);
  });

  it('GIVEN a batch that overflows maxHistory THEN the oldest watches are dropped and the newest kept', async () => {
    const r = new ProfileRepo(ctx.store, { clock: () => (now += 1), maxHistory: 3 });
    await r.appendHistory(G, 'u1', 'old', 1);
    await r.batch(G, 'u1', (e) => {
      for (const [id, at] of [['x', 50], ['y', 0], ['z', 40], ['w', 45]] as const) e.watched(id, at);
    });
    expect((await r.get(G, 'u1')).history.map((h) => h.itemId)).toEqual(['z', 'w', 'x']);
  });

  it('GIVEN an empty batch THEN nothing is written and the user is not indexed', async () => {
    const p = await repo().batch(G, 'u9', () => {});
    expect(p.updatedAt).toBe(0);
    expect(await repo().listUsers(G)).toEqual([]);
  });
});
