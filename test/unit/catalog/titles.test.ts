import { describe, expect, it } from 'vitest';
import { readTitleQuery, TitleIndex, titleOpening, titleWithin } from '../../../src/catalog/titles.js';

const items = [
  { id: 'heat95', title: 'Heat', year: 1995 },
  { id: 'heat86', title: 'Heat', year: 1986 },
  { id: 'matrix', title: 'Matrix, The', year: 1999 },
  { id: 'amelie', title: 'Amélie', year: 2001 },
  { id: 'seven', title: 'Seven (a.k.a. Se7en)', year: 1995 },
  { id: 'spirited', title: 'Spirited Away (Sen to Chihiro no kamikakushi)', year: 2001 },
  { id: 'sw4', title: 'Star Wars: Episode IV - A New Hope', year: 1977 },
  { id: 'godfather', title: 'Godfather, The', year: 1972 },
  { id: 'godfather2', title: 'Godfather: Part II, The', year: 1974 },
  { id: 'up', title: 'Up', year: 2009 },
  { id: 'heatwave', title: 'Heatwave', year: 1982 },
];
const titles = new TitleIndex(items);
const resolved = (text: string) => titles.resolve(text)?.id ?? null;

describe('TitleIndex.resolve: the one resolver for typed titles', () => {
  it.each([
    ['Heat', 'heat95'],
    ['heat', 'heat95'],
    ['The Matrix', 'matrix'],
    ['Matrix, The', 'matrix'],
    ['Amelie', 'amelie'],
    ['Star Wars Episode IV: A New Hope', 'sw4'],
    ['Up', 'up'],
  ])('GIVEN the exact title %j (any case, accents, article or punctuation) THEN %s', (text, id) => {
    expect(resolved(text)).toBe(id);
  });

  it.each([
    ['Heat (1995)', 'heat95'],
    ['Heat (1986)', 'heat86'],
    ['heat (1986)', 'heat86'],
    // a year no item of that name has: the first listed of the name
    ['Heat (1996)', 'heat95'],
  ])('GIVEN a title with a year %j THEN the item of that year: %s', (text, id) => {
    expect(resolved(text)).toBe(id);
  });

  it.each([
    ['Se7en', 'seven'],
    ['Se7en (1995)', 'seven'],
    ['Seven', 'seven'],
    ['Seven (a.k.a. Se7en)', 'seven'],
    ['Spirited Away', 'spirited'],
    ['Sen to Chihiro no kamikakushi', 'spirited'],
  ])('GIVEN a name the title carries in brackets %j THEN %s', (text, id) => {
    expect(resolved(text)).toBe(id);
  });

  it('GIVEN an exact title and another title that carries it as an alias THEN the exact one wins', () => {
    const t = new TitleIndex([{ id: 'a', title: 'Alias (Heat)' }, { id: 'h', title: 'Heat' }]);
    expect(t.resolve('Heat')?.id).toBe('h');
  });

  it.each([
    ['the matrx', 'matrix'],
    ['Amlie', 'amelie'],
    ['Star Wars: Episod IV - A New Hope', 'sw4'],
    ['Godfathr, The', 'godfather'],
    ['Heatwav', 'heatwave'],
  ])('GIVEN a typo %j THEN %s', (text, id) => {
    expect(resolved(text)).toBe(id);
  });

  it('GIVEN the start of a long title covering most of it THEN that title', () => {
    expect(resolved('Star Wars: Episode IV - A New')).toBe('sw4');
  });

  it.each([['qqqzzz xxyyy'], ['Alien'], ['Ups'], [''], ['   '], ['!!!']])('GIVEN %j, which names nothing well THEN null', (text) => {
    expect(titles.resolve(text)).toBeNull();
  });

  it('GIVEN the first words of titles that all go on the same way THEN that title; when they part ways THEN null', () => {
    expect(resolved('Star')).toBe('sw4');
    const two = new TitleIndex([...items, { id: 'st', title: 'Star Trek', year: 1979 }]);
    expect(two.resolve('Star')).toBeNull();
  });
});

describe('TitleIndex.search: autocomplete', () => {
  it('GIVEN a prefix THEN titles starting with it come first, shorter ones first', () => {
    expect(titles.search('heat', 5).map((i) => i.id)).toEqual(['heat95', 'heat86', 'heatwave']);
  });

  it('GIVEN a year THEN the item of that year leads its tier', () => {
    expect(titles.search('heat (1986)', 2).map((i) => i.id)).toEqual(['heat86', 'heat95']);
  });

  it('GIVEN boosted ids THEN they lead within a tier, not across tiers', () => {
    expect(titles.search('heat', 3, new Set(['heatwave', 'heat86'])).map((i) => i.id)).toEqual(['heat86', 'heat95', 'heatwave']);
  });

  it('GIVEN words in another order or a typo THEN the title is still found', () => {
    expect(titles.search('new hope star', 3)[0]?.id).toBe('sw4');
    expect(titles.search('godfathr', 3).map((i) => i.id)).toEqual(['godfather', 'godfather2']);
  });

  it('GIVEN an empty query THEN only boosted items, up to the limit', () => {
    expect(titles.search('', 25, new Set(['up', 'matrix'])).map((i) => i.id)).toEqual(['matrix', 'up']);
    expect(titles.search('', 25)).toEqual([]);
  });
});

describe('readTitleQuery', () => {
  it('GIVEN a title with a year THEN the normalised words and the year', () => {
    expect(readTitleQuery('The Matrix (1999)')).toEqual({ norm: 'the matrix', words: ['the', 'matrix'], year: 1999 });
    expect(readTitleQuery('Matrix, The')).toEqual({ norm: 'the matrix', words: ['the', 'matrix'] });
  });
});

describe('titles named in a refinement message', () => {
  const shown = ['Heat (1995)', 'Heatwave', 'Up', 'The Matrix'];
  it('GIVEN text that starts with a shown title as whole words THEN its 1-based position, the longest title winning', () => {
    expect(titleOpening(['heatwave please'], shown)).toBe(2);
    expect(titleOpening(['heat please'], shown)).toBe(1);
    expect(titleOpening(['xx', 'the matrix'], shown)).toBe(4);
    expect(titleOpening(['heated'], shown)).toBeUndefined();
    expect(titleOpening(['up'], shown)).toBeUndefined(); // under 3 characters
    expect(titleOpening(['heat'], undefined)).toBeUndefined();
  });

  it('GIVEN text that contains a shown title anywhere THEN its 1-based position', () => {
    expect(titleWithin('something like the matrix but older', shown)).toBe(4);
    expect(titleWithin('more heatwave vibes', shown)).toBe(2);
    expect(titleWithin('nothing shown', shown)).toBeUndefined();
  });
});
