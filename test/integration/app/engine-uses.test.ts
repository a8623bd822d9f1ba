/**
 * `/next`, `/predict`, `/rank`, `/similar` and title search offline, on the starter catalog, through the
 * public `Services`. One catalog for the file; each test uses its own users.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reasonText } from '../../../src/present/reason-text.js';
import type { AppServices } from '../../../src/services.js';
import { appError, caller, hasTag, idsOf, makeApp, settle, titled } from '../../helpers/app.js';

let app: AppServices;
const admin = caller('u-admin');

beforeAll(async () => {
  app = await makeApp();
  await app.catalog.starter(admin);
});
afterAll(() => app?.close());

const LOTR = ['Lord of the Rings: The Fellowship of the Ring', 'Lord of the Rings: The Two Towers', 'Lord of the Rings: The Return of the King'];

describe('next', () => {
  it('GIVEN I watched Back to the Future and Part II in that order THEN Part III is among my next picks', async () => {
    const me = caller('u-next-bttf');
    const [one, two, three] = await Promise.all(
      ['Back to the Future (1985)', 'Back to the Future Part II', 'Back to the Future Part III'].map((t) => titled(app, me, t)),
    );
    await app.watched.add(me, one.id);
    await app.watched.add(me, two.id);
    const r = await app.next(me, {});
    expect(r.items).toHaveLength(5);
    expect(idsOf(r)).toContain(three.id);
    expect(idsOf(r)).not.toContain(one.id);
    expect(idsOf(r)).not.toContain(two.id);
    expect(r).toMatchObject({ engine: 'offline', offlineReason: 'no-key' });
  });

  it('GIVEN members watched the trilogy in order AND I watched parts 1 and 2 THEN part 3 comes first', async () => {
    const [one, two, three] = await Promise.all(LOTR.map((t) => titled(app, admin, t)));
    for (const u of ['u-seq-a', 'u-seq-b', 'u-seq-c']) for (const it of [one, two, three]) await app.watched.add(caller(u), it.id);
    const me = caller('u-seq-me');
    await app.watched.add(me, one.id);
    await app.watched.add(me, two.id);
    await settle(app);
    const r = await app.next(me, { count: 3 });
    expect(r.items[0].item.id).toBe(three.id);
    expect(reasonText(r.items[0].reason, { public: false })).not.toBe('');
  });

  it('GIVEN an empty history THEN next fails with history.empty', async () => {
    expect((await appError(app.next(caller('u-next-nobody'), {}))).code).toBe('history.empty');
  });
});

describe('predict', () => {
  it('GIVEN any item THEN the prediction is 0.5..5 in halves with a why', async () => {
    const me = caller('u-pred-any');
    const heat = await titled(app, me, 'Heat (1995)');
    const p = await app.predict(me, { itemId: heat.id });
    expect(p.item.id).toBe(heat.id);
    expect(p.rating).toBeGreaterThanOrEqual(0.5);
    expect(p.rating).toBeLessThanOrEqual(5);
    expect(Number.isInteger(p.rating * 2)).toBe(true);
    expect(p.why.length).toBeGreaterThan(10);
    expect(p).toMatchObject({ engine: 'offline', offlineReason: 'no-key', llmCalls: 0 });
  });

  it('GIVEN I rated many animated family films 5 THEN my prediction for another one goes up and names what it was based on', async () => {
    const me = caller('u-pred-pixar');
    const target = await titled(app, me, 'Toy Story 2');
    const before = await app.predict(me, { itemId: target.id });
    const liked = ['Toy Story', 'Monsters, Inc.', 'Finding Nemo', 'Up', 'Ratatouille', 'Incredibles, The', 'Toy Story 3', 'Inside Out', "Bug's Life, A", 'Shrek', 'Kung Fu Panda', 'Zootopia'];
    for (const t of liked) await app.rate(me, (await titled(app, me, t)).id, 5);
    await settle(app);
    const after = await app.predict(me, { itemId: target.id });
    expect(after.rating).toBeGreaterThan(before.rating);
    expect(after.basedOn.length).toBeGreaterThan(0);
    expect(after.basedOn.every((b) => b.rating === 5)).toBe(true);
    expect(after.why).toContain(after.basedOn[0].item.title);
  });

  it('GIVEN an id not in the catalog THEN predict fails with item.not-found', async () => {
    expect((await appError(app.predict(caller('u-pred-any'), { itemId: 'ml-does-not-exist' }))).code).toBe('item.not-found');
  });
});

describe('rank', () => {
  it.each(['pointwise', 'pairwise', 'listwise'] as const)(
    'GIVEN four titles, one unknown, ranked %s THEN the three known are ordered and the unknown one is reported',
    async (method) => {
      const me = caller(`u-rank-${method}`);
      const r = await app.rank(me, { titles: ['Heat (1995)', 'toy story', 'The Godfather', 'Zzqx Not A Film'], method });
      expect(r.method).toBe(method);
      expect(r.ranked.map((x) => x.item.title).sort()).toEqual(['Heat', 'The Godfather', 'Toy Story']);
      expect(r.unmatched).toEqual(['Zzqx Not A Film']);
      const scores = r.ranked.map((x) => x.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      for (const x of r.ranked) expect(reasonText(x.reason, { public: false })).toMatch(/^predicted \d/);
      expect(r.engine).toBe('offline');
    },
  );

  it('GIVEN I rated animated films 5 and slashers 1 THEN an animated film ranks above a slasher sequel', async () => {
    const me = caller('u-rank-taste');
    for (const t of ['Toy Story', 'Monsters, Inc.', 'Finding Nemo', 'Up', 'Ratatouille', 'Incredibles, The', 'Toy Story 3', 'Shrek']) {
      await app.rate(me, (await titled(app, me, t)).id, 5);
    }
    for (const t of ['Saw', 'Hostel', 'Halloween', 'Friday the 13th', 'Saw III']) await app.rate(me, (await titled(app, me, t)).id, 1);
    await settle(app);
    const r = await app.rank(me, { titles: ['Saw II', 'Toy Story 2'], method: 'pointwise' });
    expect(r.ranked.map((x) => x.item.title)).toEqual(['Toy Story 2', 'Saw II']);
    // The user's own ratings of similar titles move the predictions clearly apart, not by a hair.
    const toy = await app.predict(me, { itemId: (await titled(app, me, 'Toy Story 2')).id });
    const saw = await app.predict(me, { itemId: (await titled(app, me, 'Saw II')).id });
    expect(toy.rating - saw.rating).toBeGreaterThanOrEqual(1.5);
  });

  it('GIVEN fewer than two titles THEN rank fails with rank.too-few', async () => {
    const me = caller('u-rank-few');
    expect((await appError(app.rank(me, { titles: ['Heat'], method: 'listwise' }))).code).toBe('rank.too-few');
    expect((await appError(app.rank(me, { titles: ['Heat', '  '], method: 'pairwise' }))).code).toBe('rank.too-few');
  });

  it('GIVEN only unknown titles THEN rank fails with rank.none-matched naming them', async () => {
    const e = await appError(app.rank(caller('u-rank-none'), { titles: ['Zzqx One', 'Zzqx Two'], method: 'listwise' }));
    expect(e.code).toBe('rank.none-matched');
    expect(e.message).toContain('Zzqx One');
  });
});

describe('similar', () => {
  it('GIVEN an item THEN similar returns other items, not the item itself', async () => {
    const me = caller('u-sim');
    const toy = await titled(app, me, 'Toy Story 2');
    const r = await app.similar(me, { itemId: toy.id, count: 5 });
    expect(r.items).toHaveLength(5);
    expect(idsOf(r)).not.toContain(toy.id);
    expect(r.items.filter((x) => hasTag(x.item, 'animation') || hasTag(x.item, 'children')).length).toBeGreaterThanOrEqual(3);
    expect(r.engine).toBe('offline');
  });

  it('GIVEN a text THEN similar returns items close to the words', async () => {
    const r = await app.similar(caller('u-sim'), { text: 'space adventure with astronauts', count: 5 });
    expect(r.items).toHaveLength(5);
    expect(r.items.filter((x) => /space|astronaut|nasa|sci-fi/i.test(`${x.item.title} ${(x.item.tags ?? []).join(' ')}`)).length).toBeGreaterThanOrEqual(3);
  });

  it('GIVEN neither item nor text THEN similar fails with similar.need-input', async () => {
    expect((await appError(app.similar(caller('u-sim'), {}))).code).toBe('similar.need-input');
    expect((await appError(app.similar(caller('u-sim'), { text: '  ' }))).code).toBe('similar.need-input');
  });
});

describe('title search', () => {
  it('GIVEN a prefix THEN searchTitles returns titles starting with it, at most the limit', async () => {
    const r = await app.searchTitles(caller('u-search'), 'back to the fut', 5);
    expect(r.length).toBeGreaterThanOrEqual(3);
    expect(r.length).toBeLessThanOrEqual(5);
    expect(r.slice(0, 3).every((i) => i.title.startsWith('Back to the Future'))).toBe(true);
  });

  it('GIVEN a typo "godfathr" THEN The Godfather comes first', async () => {
    const r = await app.searchTitles(caller('u-search'), 'godfathr', 5);
    expect(r[0]?.title).toBe('The Godfather');
  });

  it('GIVEN a title the catalog lists with an alternate in brackets THEN resolveTitle finds it by either name', async () => {
    const me = caller('u-search');
    expect((await app.resolveTitle(me, 'Spirited Away'))?.title).toBe('Spirited Away (Sen to Chihiro no kamikakushi)');
    expect((await app.resolveTitle(me, 'Se7en (1995)'))?.title).toBe('Seven (a.k.a. Se7en)');
    expect((await app.resolveTitle(me, 'Amélie'))?.year).toBe(2001);
    // an exact title still wins over another film's alternate name
    expect((await app.resolveTitle(me, 'Heat'))?.title).toBe('Heat');
  });

  it('GIVEN a typed title with a year THEN resolveTitle finds that one; gibberish resolves to null', async () => {
    const me = caller('u-search');
    expect((await app.resolveTitle(me, 'Heat (1995)'))?.year).toBe(1995);
    expect(await app.resolveTitle(me, 'qqqzzz xxyyy')).toBeNull();
  });
});
