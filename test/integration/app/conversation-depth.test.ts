import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServices } from '../../../src/services.js';
import { caller, makeApp } from '../../helpers/app.js';

const isComedy = (tags: string[] | undefined) => (tags ?? []).some((t) => t.toLowerCase() === 'comedy');

describe('a constraint that rules out the whole list', () => {
  let app: AppServices;
  beforeAll(async () => {
    app = await makeApp();
    await app.catalog.starter(caller('u-admin', 'guild-depth'));
  });
  afterAll(() => app.close());

  it('GIVEN a list of comedies WHEN the asker says "no comedies" THEN a full list of non-comedies comes back', async () => {
    const me = caller('u-depth', 'guild-depth');
    const first = await app.recommend(me, { text: 'something cozy', count: 5, conversationId: 'conv-depth' });
    expect(first.items.filter((r) => isComedy(r.item.tags)).length, 'the first list is mostly comedies').toBeGreaterThanOrEqual(3);
    const next = await app.refine(me, { conversationId: 'conv-depth', text: 'no comedies' });
    expect(next.items).toHaveLength(5);
    expect(next.items.filter((r) => isComedy(r.item.tags))).toEqual([]);
  });
});
