import { describe, expect, it } from 'vitest';
import { mergeConstraints, parseConstraints } from '../../../src/recsys/constraints.js';
import type { Constraints } from '../../../src/recsys/types.js';

const TAGS = ['Action', 'Comedy', 'Horror', 'Thriller', 'Sci-Fi', 'Romance', 'War', 'Documentary', 'Western', 'Children', 'Animation', 'zombies'];

describe('parseConstraints', () => {
  it.each<[string, Constraints]>([
    ['no horror', { excludeTags: ['horror'] }],
    ['without horror please', { excludeTags: ['horror'] }],
    ['nothing scary', { excludeTags: ['horror'] }],
    ['no horror or westerns', { excludeTags: ['horror', 'western'] }],
    ['skip the zombie movies', { excludeTags: ['zombies'] }],
    ['only comedies', { includeTags: ['comedy'] }],
    ['comedies only', { includeTags: ['comedy'] }],
    ['just documentaries from the 80s', { includeTags: ['documentary'], minYear: 1980, maxYear: 1989 }],
    ['only sci-fi', { includeTags: ['science fiction'] }],
    ['only romcoms', { includeTags: ['romance', 'comedy'] }],
    ['older than 2000', { maxYear: 1999 }],
    ['something before 1990', { maxYear: 1989 }],
    ['from the 80s', { minYear: 1980, maxYear: 1989 }],
    ['1990s', { minYear: 1990, maxYear: 1999 }],
    ['after 2010', { minYear: 2011 }],
    ['newer than 2015', { minYear: 2016 }],
    ['since 2010', { minYear: 2010 }],
    ['between 2005 and 1995', { minYear: 1995, maxYear: 2005 }],
    ['in 1994', { minYear: 1994, maxYear: 1994 }],
    ['something lighter', { excludeTags: ['horror', 'thriller', 'war'] }],
    ['no horror, only comedies, before 2000', { includeTags: ['comedy'], excludeTags: ['horror'], maxYear: 1999 }],
    ['no thanks', {}],
    ['only the best', {}],
    ['a heist movie with a twist', {}],
  ])('GIVEN "%s" THEN %j', (text, want) => {
    expect(parseConstraints(text, TAGS)).toEqual(want);
  });

  it('GIVEN a genre the catalog does not have THEN an include is dropped but a well-known genre exclude is kept', () => {
    expect(parseConstraints('only musicals', ['Comedy'])).toEqual({});
    expect(parseConstraints('no musicals', ['Comedy'])).toEqual({ excludeTags: ['musical'] });
  });

  it('GIVEN "recent" THEN the last five years from the given current year', () => {
    expect(parseConstraints('something recent', TAGS, { currentYear: 2026 })).toEqual({ minYear: 2021 });
  });

  it('GIVEN later constraints THEN they refine: includes lift excludes, years replace', () => {
    const a: Constraints = { excludeTags: ['comedy', 'horror'], maxYear: 1999 };
    expect(mergeConstraints(a, { includeTags: ['comedy'], maxYear: 1989 })).toEqual({
      includeTags: ['comedy'],
      excludeTags: ['horror'],
      maxYear: 1989,
    });
  });
});
