import { describe, expect, it } from 'vitest';
import type { CatalogItem } from '../../../src/domain/item.js';
import {
  allowListFilter, alreadyRatedFilter, alreadyWatchedFilter, constraintsFilter, excludedFilter, notInterestedFilter, satisfies,
} from '../../../src/recsys/filters/filters.js';
import type { Constraints } from '../../../src/recsys/types.js';
import { cand, items, profile, query } from './helpers.js';

const ids = (cs: { itemId: string }[]) => cs.map((c) => c.itemId);
const cs = ['a', 'b', 'c', 'd'].map((id) => cand(id));

describe('profile filters', () => {
  const p = profile({
    history: [{ itemId: 'a', at: 1 }],
    ratings: { b: { value: 4, at: 1 } },
    notInterested: ['c'],
  });
  it.each([
    ['already-watched', alreadyWatchedFilter(p), ['a']],
    ['already-rated', alreadyRatedFilter(p), ['b']],
    ['not-interested', notInterestedFilter(p), ['c']],
  ])('GIVEN the %s filter THEN it removes exactly the matching items, order kept', async (id, f, gone) => {
    const { kept, removed } = await f.apply(query(), cs);
    expect(f.id).toBe(id);
    expect(ids(removed)).toEqual(gone);
    expect(ids(kept)).toEqual(ids(cs).filter((x) => !gone.includes(x)));
  });

  it('GIVEN no profile THEN the profile filters keep everything', async () => {
    expect(ids((await alreadyWatchedFilter(undefined).apply(query(), cs)).kept)).toEqual(ids(cs));
  });
});

describe('query filters', () => {
  it('GIVEN q.exclude and seeds THEN both are removed', async () => {
    const { kept, removed } = await excludedFilter().apply(query({ exclude: ['b'], seeds: ['d'] }), cs);
    expect(ids(kept)).toEqual(['a', 'c']);
    expect(ids(removed)).toEqual(['b', 'd']);
  });

  it('GIVEN q.candidates THEN only those are kept; without it nothing is removed', async () => {
    expect(ids((await allowListFilter().apply(query({ candidates: ['c', 'a'] }), cs)).kept)).toEqual(['a', 'c']);
    expect((await allowListFilter().apply(query(), cs)).removed).toEqual([]);
  });
});

describe('constraints', () => {
  const movie = (over: Partial<CatalogItem>): CatalogItem => ({ id: 'm', title: 'M', ...over });
  it.each<[string, Partial<CatalogItem>, Constraints, boolean]>([
    ['horror excluded', { tags: ['Horror', 'Thriller'] }, { excludeTags: ['horror'] }, false],
    ['case-insensitive', { tags: ['HORROR'] }, { excludeTags: ['Horror'] }, false],
    ['sci-fi = science fiction', { tags: ['Sci-Fi'] }, { includeTags: ['science fiction'] }, true],
    ['science fiction = sci-fi', { tags: ['science fiction'] }, { excludeTags: ['sci-fi'] }, false],
    ['plural comedies = comedy', { tags: ['Comedy'] }, { includeTags: ['comedies'] }, true],
    ['word inside a tag', { tags: ['dark comedy'] }, { includeTags: ['comedy'] }, true],
    ['romcom needs both', { tags: ['Comedy'] }, { includeTags: ['romcom'] }, false],
    ['romcom with both', { tags: ['Romance', 'Comedy'] }, { includeTags: ['romcom'] }, true],
    ['every include must match', { tags: ['Comedy'] }, { includeTags: ['comedy', 'drama'] }, false],
    ['untagged fails an include', {}, { includeTags: ['comedy'] }, false],
    ['untagged passes an exclude', {}, { excludeTags: ['horror'] }, true],
    ['year below min', { year: 1999 }, { minYear: 2000 }, false],
    ['year bounds inclusive', { year: 2000 }, { minYear: 2000, maxYear: 2000 }, true],
    ['year above max', { year: 2001 }, { maxYear: 2000 }, false],
    ['no year passes year constraints', {}, { minYear: 2000, maxYear: 2005 }, true],
    ['year in a left-out range', { year: 1985 }, { excludeYears: [[1980, 1989]] }, false],
    ['left-out range inclusive', { year: 1989 }, { excludeYears: [[1970, 1979], [1980, 1989]] }, false],
    ['year outside the left-out ranges', { year: 1990 }, { excludeYears: [[1980, 1989]] }, true],
    ['no year passes left-out years', {}, { excludeYears: [[1980, 1989]] }, true],
  ])('GIVEN %s THEN satisfies is %s', (_name, item, c, want) => {
    expect(satisfies(movie(item), c)).toBe(want);
  });

  it('GIVEN the constraints filter THEN it applies q.constraints to catalog items and drops unknown ids', async () => {
    const lookup = items([
      { id: 'a', title: 'A', tags: ['Horror'], year: 1980 },
      { id: 'b', title: 'B', tags: ['Comedy'], year: 1995 },
      { id: 'c', title: 'C', tags: ['Comedy'], year: 2010 },
    ]);
    const f = constraintsFilter(lookup);
    const { kept, removed } = await f.apply(query({ constraints: { excludeTags: ['horror'], maxYear: 2000 } }), cs);
    expect(ids(kept)).toEqual(['b']);
    expect(ids(removed)).toEqual(['a', 'c', 'd']);
    expect((await f.apply(query(), cs)).kept).toHaveLength(4);
  });

  it('GIVEN only left-out years THEN the constraints filter still applies them', async () => {
    const lookup = items([
      { id: 'a', title: 'A', year: 1985 },
      { id: 'b', title: 'B', year: 1995 },
      { id: 'c', title: 'C' },
      { id: 'd', title: 'D', year: 1980 },
    ]);
    const { kept } = await constraintsFilter(lookup).apply(query({ constraints: { excludeYears: [[1980, 1989]] } }), cs);
    expect(ids(kept)).toEqual(['b', 'c']);
  });
});
