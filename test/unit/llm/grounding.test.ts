import { describe, expect, it } from 'vitest';
import { looseTitleKey } from '../../../src/catalog/normalise.js';
import { TitleIndex } from '../../../src/catalog/titles.js';
import { completeOrder, groundPicks, resolveProposedTitle } from '../../../src/llm/grounding.js';
import { describeChange } from '../../../src/llm/uses/refine.js';

const items = [
  { id: '1', title: 'Heat', year: 1995 },
  { id: '2', title: 'Heat', year: 1986 },
  { id: '3', title: 'Matrix, The', year: 1999 },
  { id: '4', title: 'Amélie', year: 2001 },
  { id: '5', title: 'Star Wars: Episode IV - A New Hope', year: 1977 },
  { id: '6', title: 'Up', year: 2009 },
];

describe('resolveProposedTitle: a title the model proposes, by the catalog resolver', () => {
  const titles = new TitleIndex(items);
  it.each([
    ['Heat', 1995, '1'],
    ['Heat', 1986, '2'],
    ['Heat (1986)', undefined, '2'],
    ['heat', 1996, '1'],
    ['The Matrix', 1999, '3'],
    ['Amelie', undefined, '4'],
    ['Star Wars Episode IV: A New Hope', 1977, '5'],
    ['Star Wars: Episod IV - A New Hope', 1977, '5'],
    ['Up', 2009, '6'],
  ])('GIVEN "%s" (%s) THEN item %s', (t, y, want) => {
    expect(resolveProposedTitle(titles, { title: t, year: y })?.id).toBe(want);
  });

  it.each([
    ['Ups', 2009],
    ['Alien', undefined],
    ['', undefined],
  ])('GIVEN "%s" (%s) THEN no item', (t, y) => {
    expect(resolveProposedTitle(titles, { title: t, year: y })).toBeNull();
  });

  it('GIVEN "&" and punctuation THEN proposed titles key alike', () => {
    expect(looseTitleKey('Fast & Furious!')).toBe(looseTitleKey('fast and furious'));
  });
});

describe('groundPicks and completeOrder', () => {
  const allowed = new Set(['a', 'b', 'c', 'd']);
  it('GIVEN unknown, repeated and too many picks THEN only allowed ones count, once, up to count', () => {
    const g = groundPicks([{ id: 'x' }, { id: 'b', reason: 'r\nline' }, { id: 'b' }, { id: 'a' }, { id: 'c' }], allowed, ['d', 'c'], 2);
    expect(g.picks).toEqual([
      { id: 'b', reason: { kind: 'llm', text: 'r line', personal: false }, by: 'llm' },
      { id: 'a', reason: { kind: 'offline-rank' }, by: 'llm' },
    ]);
    expect(g).toMatchObject({ dropped: 1, duplicates: 1, filled: 0 });
  });

  it('GIVEN a short list THEN it is completed from the offline order', () => {
    const g = groundPicks([{ id: 'c', reason: 'x' }], allowed, ['a', 'c', 'b'], 3, (id) => ({ kind: 'similar', itemId: id, title: `offline ${id}` }));
    expect(g.picks.map((p) => [p.id, p.reason])).toEqual([
      ['c', { kind: 'llm', text: 'x', personal: false }],
      ['a', { kind: 'similar', itemId: 'a', title: 'offline a' }],
      ['b', { kind: 'similar', itemId: 'b', title: 'offline b' }],
    ]);
  });

  it('GIVEN a partial order THEN every id appears once', () => {
    expect(completeOrder(['c', 'zz', 'c'], ['a', 'b', 'c', 'd'], ['d', 'b'])).toEqual({ order: ['c', 'd', 'b', 'a'], dropped: 1, duplicates: 1, filled: 3 });
  });
});

describe('describeChange', () => {
  const t = (id: string) => id.toUpperCase();
  it.each([
    [['a', 'b', 'c'], ['a', 'x', 'c'], 'swapped #2 B for X'],
    [['a', 'b'], ['b', 'a'], 'reordered the list'],
    [['a', 'b'], ['a', 'b'], 'no change'],
    [['a', 'b'], ['a'], 'removed #2 B'],
    [['a'], ['a', 'y'], 'added Y'],
  ])('GIVEN %j -> %j THEN "%s"', (before, after, want) => {
    expect(describeChange(before, after, t)).toBe(want);
  });
});
