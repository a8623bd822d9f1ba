/**
 * A member who rates a few films and asks at once is answered from those ratings, before the server's models
 * retrain (here the retrain never comes within the test: it waits an hour of quiet).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reasonText } from '../../../src/present/reason-text.js';
import type { AppServices } from '../../../src/services.js';
import { caller, hasTag, idsOf, makeApp, settle, titled } from '../../helpers/app.js';

let app: AppServices;
const SCOPE = 'guild-live-taste';
const member = (id: string) => caller(id, SCOPE);

beforeAll(async () => {
  app = await makeApp({ retrainDelayMs: 3_600_000 });
  await app.catalog.starter(caller('u-admin', SCOPE));
  // the scope's models are built once, before anyone rated
  await app.recommend(member('u-warm'), { text: 'something for tonight', count: 5 });
});
afterAll(() => app?.close());

describe('GIVEN a member who just rated The Matrix 5, Inception 5, Blade Runner 4.5 and Notting Hill 1', () => {
  it('THEN "something for tonight" is theirs: not the newcomer list, explained by the films they loved, no romance', async () => {
    const me = member('u-live');
    const loved = ['The Matrix', 'Inception', 'Blade Runner'];
    for (const [title, value] of [['The Matrix', 5], ['Inception', 5], ['Blade Runner', 4.5], ['Notting Hill', 1]] as const) {
      await app.rate(me, (await titled(app, me, title)).id, value);
    }
    const mine = await app.recommend(me, { text: 'something for tonight', count: 5 });
    const newcomer = await app.recommend(member('u-new'), { text: 'something for tonight', count: 5 });
    const shared = idsOf(mine).filter((id) => idsOf(newcomer).includes(id));
    expect(shared.length).toBeLessThanOrEqual(2);
    const reasons = mine.items.map((x) => reasonText(x.reason, { public: false }));
    expect(reasons.filter((t) => loved.some((l) => t.includes(l))).length).toBeGreaterThanOrEqual(3);
    expect(mine.items.filter((x) => hasTag(x.item, 'Romance'))).toEqual([]);
  });
});

describe('GIVEN a member whose ratings and watches the models were trained on', () => {
  it('THEN their request reads the trained snapshot (nothing held for them), and a new rating is read at once', async () => {
    const scope = 'guild-live-snapshot';
    const me = caller('u-snap', scope);
    await app.catalog.starter(caller('u-admin', scope));
    await app.rate(me, (await titled(app, me, 'Heat')).id, 5);
    await app.watched.add(me, (await titled(app, me, 'Ronin')).id);
    await app.rate(me, (await titled(app, me, 'Mamma Mia!')).id, 1);
    // trains now (the scheduled retrain waits an hour), then no retrain comes within the test
    await settle(app, scope);
    await app.recommend(me, { text: 'something for tonight', count: 5 });
    const m = (await app.deps.engines.models(scope)).community!;
    const trained = m.stats.memberHistory.get('u-snap');
    expect(trained).toBeDefined();
    expect(m.memberView('u-snap').history).toBe(trained);
    const collateral = (await titled(app, me, 'Collateral')).id;
    await app.rate(me, collateral, 4.5);
    await app.recommend(me, { text: 'something for tonight', count: 5 });
    expect(Array.from(m.memberView('u-snap').history, (i) => m.items[i])).toContain(collateral);
  });
});
