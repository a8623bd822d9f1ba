/**
 * A new server on the starter catalog: a handful of ratings, no API key. The community prior (data/prior)
 * carries what the server cannot know yet; each test is one member of that new server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPriorBase, loadPriorFiles, type LoadedPrior } from '../../../src/engine/prior.js';
import type { AppServices } from '../../../src/services.js';
import { caller, idsOf, makeApp, titled } from '../../helpers/app.js';

let app: AppServices;
let prior: LoadedPrior;
const admin = caller('u-admin', 'guild-prior-1');
const member = (id: string) => caller(id, 'guild-prior-1');

beforeAll(async () => {
  app = await makeApp();
  await app.catalog.starter(admin);
  prior = await loadPriorFiles(defaultPriorBase());
});
afterAll(() => app?.close());

/** How many people of the community rated an item (0 when the prior does not know it). */
const ratedBy = (id: string) => {
  const i = prior.prior.index.get(id);
  return i === undefined ? 0 : prior.prior.count[i];
};

async function rateAll(who: ReturnType<typeof member>, ratings: [string, number][]): Promise<void> {
  for (const [title, value] of ratings) await app.rate(who, (await titled(app, who, title)).id, value);
}

describe('GIVEN a member of a new server with three ratings', () => {
  it('THEN a romantic comedy is predicted below 3 for someone who rated Notting Hill 1, and a sci-fi classic well above it', async () => {
    const me = member('u-prior-predict');
    await rateAll(me, [['The Matrix', 5], ['Inception', 5], ['Notting Hill', 1]]);
    const romcom = await app.predict(me, { itemId: (await titled(app, me, 'Love Actually')).id });
    const scifi = await app.predict(me, { itemId: (await titled(app, me, 'Interstellar')).id });
    expect(romcom.rating).toBeLessThan(3);
    expect(scifi.rating).toBeGreaterThanOrEqual(romcom.rating + 1);
  });

  it('THEN the same title is predicted differently for two members whose ratings differ', async () => {
    const fan = member('u-prior-fan');
    const critic = member('u-prior-critic');
    await rateAll(fan, [['Toy Story', 5], ['Finding Nemo', 5], ['Monsters, Inc.', 4.5]]);
    await rateAll(critic, [['Toy Story', 1], ['Finding Nemo', 1.5], ['Monsters, Inc.', 1]]);
    const up = (await titled(app, fan, 'Up')).id;
    const [a, b] = await Promise.all([app.predict(fan, { itemId: up }), app.predict(critic, { itemId: up })]);
    expect(a.rating - b.rating).toBeGreaterThanOrEqual(1.5);
  });
});

describe('GIVEN a member who watched Alien and Aliens and loves The Matrix', () => {
  it('THEN /next answers with films the community knows well, not obscure sequels that only share words', async () => {
    const me = member('u-prior-next');
    await rateAll(me, [['The Matrix', 5], ['Inception', 5], ['Blade Runner', 4.5], ['Notting Hill', 1]]);
    for (const t of ['Alien', 'Aliens']) await app.watched.add(me, (await titled(app, me, t)).id);
    const r = await app.next(me, { count: 5 });
    expect(r.items).toHaveLength(5);
    // every pick was rated by at least 50 of the community's 610 members
    expect(idsOf(r).map(ratedBy).every((n) => n >= 50)).toBe(true);
  });
});

describe('GIVEN a member whose last rating is a 1★', () => {
  it('THEN /next and a list for tonight never offer something because of the film they disliked', async () => {
    const me = member('u-prior-disliked');
    await rateAll(me, [['Heat', 5], ['The Godfather', 5], ['Mamma Mia!', 1]]);
    const mammaMia = (await titled(app, me, 'Mamma Mia!')).id;
    const { reasonText } = await import('../../../src/present/reason-text.js');
    for (const r of [await app.next(me, { count: 10 }), await app.recommend(me, { text: 'something for tonight', count: 10 })]) {
      const reasons = r.items.map((x) => reasonText(x.reason, { public: false }));
      expect(reasons.filter((t) => t.includes('Mamma Mia'))).toEqual([]);
      expect(r.items.map((x) => x.item.id)).not.toContain(mammaMia);
    }
  });
});
