/**
 * Watch history, ratings, "not interested", the profile summary, and the privacy export and delete, through
 * the public `Services` on the starter catalog.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServices } from '../../../src/services.js';
import { allKeys, appError, caller, idsOf, makeApp, titled } from '../../helpers/app.js';
import { profileView } from '../../../src/present/profile.js';

let app: AppServices;

beforeAll(async () => {
  app = await makeApp();
  await app.catalog.starter(caller('u-admin'));
});
afterAll(() => app?.close());

describe('watched and ratings', () => {
  it('GIVEN items added to the history THEN list shows them newest first with their ratings, and remove takes one out', async () => {
    const me = caller('u-watch');
    const heat = await titled(app, me, 'Heat (1995)');
    const ronin = await titled(app, me, 'Ronin');
    await app.watched.add(me, heat.id, 4.5);
    await app.watched.add(me, ronin.id);
    let list = await app.watched.list(me);
    expect(list.map((x) => x.item.id)).toEqual([ronin.id, heat.id]);
    expect(list[1].rating).toBe(4.5);
    expect(list[0].rating).toBeUndefined();

    expect(await app.watched.remove(me, heat.id)).toBe(true);
    expect(await app.watched.remove(me, heat.id)).toBe(false);
    list = await app.watched.list(me);
    expect(list.map((x) => x.item.id)).toEqual([ronin.id]);
  });

  it('GIVEN a rating THEN the item also counts as watched', async () => {
    const me = caller('u-rate-watch');
    const alien = await titled(app, me, 'Alien');
    await app.rate(me, alien.id, 3.5);
    expect((await app.watched.list(me)).map((x) => [x.item.id, x.rating])).toEqual([[alien.id, 3.5]]);
  });

  it.each([0, 6, 3.3, -1, Number.NaN])('GIVEN the rating %s THEN rate fails with rating.range and nothing is stored', async (score) => {
    const me = caller('u-rate-bad');
    const heat = await titled(app, me, 'Heat (1995)');
    const e = await appError(app.rate(me, heat.id, score));
    expect(e.code).toBe('rating.range');
    expect(e.message).toContain('0.5');
    expect((await app.profile(me)).rated).toBe(0);
  });

  it('GIVEN a bad rating while adding to the history THEN it fails with rating.range', async () => {
    const me = caller('u-watch-bad');
    const heat = await titled(app, me, 'Heat (1995)');
    expect((await appError(app.watched.add(me, heat.id, 7))).code).toBe('rating.range');
  });

  it('GIVEN an id not in the catalog THEN watched.add, rate and notInterested fail with item.not-found', async () => {
    const me = caller('u-missing');
    expect((await appError(app.watched.add(me, 'ml-nope'))).code).toBe('item.not-found');
    expect((await appError(app.rate(me, 'ml-nope', 4))).code).toBe('item.not-found');
    expect((await appError(app.notInterested(me, 'ml-nope'))).code).toBe('item.not-found');
  });

  it('GIVEN an item marked not interested THEN it is left out of later recommendations and similar lists', async () => {
    const me = caller('u-not-interested');
    const first = await app.recommend(me, { text: 'heist movies', count: 5 });
    const unwanted = first.items[0].item;
    await app.notInterested(me, unwanted.id);
    expect(idsOf(await app.recommend(me, { text: 'heist movies', count: 10 }))).not.toContain(unwanted.id);
    const near = first.items[1].item;
    expect(idsOf(await app.similar(me, { itemId: near.id, count: 10 }))).not.toContain(unwanted.id);
    expect((await app.profile(me)).notInterested).toBe(1);
  });
});

describe('profile summary', () => {
  it('GIVEN a history with ratings THEN the summary counts watched, rated, not interested, the mean and the spread', async () => {
    const me = caller('u-profile');
    const ids = await Promise.all(['Toy Story', 'Finding Nemo', 'Up', 'Heat (1995)', 'Alien'].map(async (t) => (await titled(app, me, t)).id));
    await app.rate(me, ids[0], 5);
    await app.rate(me, ids[1], 4.5);
    await app.rate(me, ids[2], 5);
    await app.watched.add(me, ids[3]);
    await app.notInterested(me, ids[4]);
    const p = await app.profile(me);
    expect(p).toMatchObject({ watched: 4, rated: 3, notInterested: 1 });
    expect(p.meanRating).toBeCloseTo(14.5 / 3, 5);
    expect(p.ratingSpread['5.0']).toBe(2);
    expect(p.ratingSpread['4.5']).toBe(1);
    expect(p.recent[0].item.id).toBe(ids[3]);
    expect(p.topTags.map((t) => t.tag)).toContain('Animation');
  });

  it('GIVEN ratings of 5, 5, 4.5 and 1 THEN the rating spread a member sees counts all four', async () => {
    const me = caller('u-profile-spread');
    const ids = await Promise.all(['The Matrix', 'Inception', 'Blade Runner', 'Notting Hill'].map(async (t) => (await titled(app, me, t)).id));
    for (const [i, v] of [5, 5, 4.5, 1].entries()) await app.rate(me, ids[i], v);
    const shown = profileView(await app.profile(me)).spread.filter((s) => s.count > 0);
    expect(shown).toEqual([{ value: 5, count: 2 }, { value: 4.5, count: 1 }, { value: 1, count: 1 }]);
    expect(shown.reduce((n, s) => n + s.count, 0)).toBe(4);
  });

  it('GIVEN a new user THEN the summary is all zeros', async () => {
    const p = await app.profile(caller('u-profile-new'));
    expect(p).toMatchObject({ watched: 0, rated: 0, notInterested: 0, meanRating: null, topTags: [], recent: [] });
  });
});

describe('privacy', () => {
  it('GIVEN a user with history and conversations THEN export contains the profile and the conversations', async () => {
    const me = caller('u-export');
    const heat = await titled(app, me, 'Heat (1995)');
    await app.rate(me, heat.id, 4);
    await app.recommend(me, { text: 'heist movies', conversationId: 'conv-export-1' });
    const x = await app.privacy.export(me);
    expect(x.profile.ratings[heat.id]?.value).toBe(4);
    expect(x.profile.history.map((h) => h.itemId)).toContain(heat.id);
    expect(x.conversations.map((c) => c.id)).toEqual(['conv-export-1']);
    expect(x.conversations[0].request).toBe('heist movies');
    // what a user downloads must survive JSON
    expect(JSON.parse(JSON.stringify(x)).profile.ratings[heat.id].value).toBe(4);
  });

  it('GIVEN two users with data WHEN one deletes THEN no key of theirs is left, their conversations are gone, and the other keeps everything', async () => {
    const gone = caller('u-delete-me');
    const stays = caller('u-keep-me');
    for (const c of [gone, stays]) {
      await app.rate(c, (await titled(app, c, 'Heat (1995)')).id, 4);
      await app.watched.add(c, (await titled(app, c, 'Ronin')).id);
      await app.notInterested(c, (await titled(app, c, 'Alien')).id);
      await app.recommend(c, { text: 'heist movies', conversationId: `conv-${c.userId}` });
    }
    // usage counters exist once an LLM call is counted; record one so deletion has to remove it too
    await app.deps.usage.add(gone.scope, gone.userId, { calls: 1, promptTokens: 10, outputTokens: 5 });
    const keysBefore = await allKeys(app.deps.store);
    expect(keysBefore.filter((k) => k.includes(gone.userId)).length).toBeGreaterThan(0);

    await app.privacy.delete(gone);

    const keysAfter = await allKeys(app.deps.store);
    expect(keysAfter.filter((k) => k.includes(gone.userId))).toEqual([]);
    // nor any value that names them (indexes of users, of conversations)
    const values = await app.deps.store.getMany<unknown>(keysAfter.filter((k) => !/^catalog:/.test(k)));
    expect(values.map((v) => JSON.stringify(v)).filter((v) => v?.includes(gone.userId))).toEqual([]);
    expect(await app.deps.conversations.get(`conv-${gone.userId}`)).toBeUndefined();
    await expect(app.refine(gone, { conversationId: `conv-${gone.userId}`, text: 'no horror' })).rejects.toMatchObject({ code: 'conversation.not-found' });
    const after = await app.privacy.export(gone);
    expect(after.profile.history).toEqual([]);
    expect(after.profile.ratings).toEqual({});
    expect(after.conversations).toEqual([]);

    expect(keysAfter.filter((k) => k.includes(stays.userId)).length).toBeGreaterThan(0);
    const kept = await app.profile(stays);
    expect(kept).toMatchObject({ watched: 2, rated: 1, notInterested: 1 });
    expect((await app.privacy.export(stays)).conversations.map((c) => c.id)).toEqual([`conv-${stays.userId}`]);
  });
});
