/**
 * A member's ratings and watches count as soon as a request hands their profile in (`observe`), not only after
 * the next training: their fold-in, taste list and watched items move with what they just did.
 */
import { describe, expect, it } from 'vitest';
import { PriorAwareModels } from '../../../src/recsys/models/prior-models.js';
import { coldTop, tasteTop } from '../../../src/recsys/models/prior-sources.js';
import type { RatingTriple } from '../../../src/recsys/models/types.js';
import { ROMCOM, SCIFI, trained } from '../../helpers/prior-community.js';

const ITEMS = [...SCIFI, ...ROMCOM];
const rated = (pairs: [string, number][]) => ({ ratings: pairs.map(([item, value], k) => ({ item, value, at: 10 + k })), history: [] as string[] });
const top = (m: PriorAwareModels, user: string) => tasteTop(m, user, 5).map((s) => s.itemId);

describe('GIVEN models trained before a member rated anything', () => {
  it('THEN their ratings, handed in at request time, make their taste list and predictions theirs at once', () => {
    const m = new PriorAwareModels({ items: ITEMS, ratings: [], histories: new Map() }, trained());
    const cold = coldTop(m, 5).map((s) => s.itemId);
    expect(top(m, 'f')).toEqual(cold);
    const flat = m.predict('f', 'ml-105') - m.predict('f', 'ml-205');
    m.observe('f', rated([['ml-100', 5], ['ml-101', 5], ['ml-200', 1]]));
    const list = top(m, 'f');
    expect(list.every((id) => SCIFI.includes(id))).toBe(true);
    expect(list).not.toContain('ml-100');
    expect(m.predict('f', 'ml-105') - m.predict('f', 'ml-205')).toBeGreaterThan(flat + 1);
    // another member is untouched
    expect(top(m, 'g')).toEqual(cold);
  });

  it('THEN a member who changes their mind gets the other genre on their next request', () => {
    const m = new PriorAwareModels({ items: ITEMS, ratings: [], histories: new Map() }, trained());
    m.observe('f', rated([['ml-100', 5], ['ml-101', 5], ['ml-200', 1]]));
    expect(top(m, 'f').every((id) => SCIFI.includes(id))).toBe(true);
    m.observe('f', rated([['ml-100', 1], ['ml-101', 1], ['ml-200', 5], ['ml-201', 5]]));
    expect(top(m, 'f').every((id) => ROMCOM.includes(id))).toBe(true);
    expect(m.predict('f', 'ml-205')).toBeGreaterThan(m.predict('f', 'ml-105') + 1);
  });

  it('THEN a film marked watched since training leaves their taste list', () => {
    const m = new PriorAwareModels({ items: ITEMS, ratings: [], histories: new Map() }, trained());
    m.observe('f', rated([['ml-100', 5], ['ml-101', 5]]));
    const first = top(m, 'f')[0];
    m.observe('f', { ...rated([['ml-100', 5], ['ml-101', 5]]), history: [first] });
    expect(top(m, 'f')).not.toContain(first);
  });
});

describe('GIVEN a member whose profile is what the models were trained on', () => {
  it('THEN handing it in changes nothing, and ratings of items outside the catalog are ignored', () => {
    const ratings: RatingTriple[] = [{ user: 'f', item: 'ml-100', value: 5, at: 1 }, { user: 'f', item: 'ml-101', value: 4.5, at: 2 }, { user: 'f', item: 'ml-200', value: 1, at: 3 }];
    const m = new PriorAwareModels({ items: ITEMS, ratings, histories: new Map([['f', ['ml-100']]]) }, trained());
    const before = tasteTop(m, 'f', 10);
    const predicted = m.predict('f', 'ml-110');
    m.observe('f', {
      ratings: [{ item: 'ml-200', value: 1, at: 3 }, { item: 'ml-100', value: 5, at: 1 }, { item: 'not-in-catalog', value: 5, at: 4 }, { item: 'ml-101', value: 4.5, at: 2 }],
      history: ['ml-100'],
    });
    expect(tasteTop(m, 'f', 10)).toEqual(before);
    expect(m.predict('f', 'ml-110')).toBe(predicted);
    expect(Array.from(m.memberView('f').history, (i) => m.items[i])).toEqual(['ml-100', 'ml-101', 'ml-200']);
  });

  it('THEN a rating removed since training no longer counts', () => {
    const ratings: RatingTriple[] = [{ user: 'f', item: 'ml-200', value: 5, at: 1 }, { user: 'f', item: 'ml-201', value: 5, at: 2 }];
    const m = new PriorAwareModels({ items: ITEMS, ratings, histories: new Map() }, trained());
    expect(top(m, 'f').every((id) => ROMCOM.includes(id))).toBe(true);
    m.observe('f', { ratings: [], history: [] });
    expect(top(m, 'f')).toEqual(coldTop(m, 5).map((s) => s.itemId));
  });
});
