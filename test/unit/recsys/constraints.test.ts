import { describe, expect, it } from 'vitest';
import { mergeConstraints, parseConstraints, readConstraints } from '../../../src/recsys/constraints.js';
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
    // animation is not for children only: "for adults" keeps the animation and leaves the children's films out
    ['animated movies for adults', { excludeTags: ['children'] }],
    ['adult animation from the 90s', { excludeTags: ['children'], minYear: 1990, maxYear: 1999 }],
    ['no horror, only comedies, before 2000', { includeTags: ['comedy'], excludeTags: ['horror'], maxYear: 1999 }],
    // negated years flip the bound instead of asking for it
    ['no films before 2000', { minYear: 2000 }],
    ['not older than 1990', { minYear: 1990 }],
    ['nothing after 2010', { maxYear: 2010 }],
    ['not newer than 2005', { maxYear: 2005 }],
    ["I don't want anything made before 1990", { minYear: 1990 }],
    ['nothing since 2015', { maxYear: 2014 }],
    ['nothing before 2000 or after 2010', { minYear: 2000, maxYear: 2010 }],
    // negated decades are left out; at an edge they become a bound
    ['no 80s movies', { excludeYears: [[1980, 1989]] }],
    ['nothing from the 90s', { excludeYears: [[1990, 1999]] }],
    ["skip the '90s", { excludeYears: [[1990, 1999]] }],
    ["no 1980's films", { excludeYears: [[1980, 1989]] }],
    ['not a 90s movie', { excludeYears: [[1990, 1999]] }],
    ['no 70s or 80s', { excludeYears: [[1970, 1989]] }],
    ['no 70s or 90s', { excludeYears: [[1970, 1979], [1990, 1999]] }],
    ['not from 1995', { excludeYears: [[1995, 1995]] }],
    ['not between 1990 and 2000', { excludeYears: [[1990, 2000]] }],
    ['nothing before the 80s', { minYear: 1980 }],
    ['nothing older than the 90s', { minYear: 1990 }],
    ['from 1980 on but no 80s', { minYear: 1990 }],
    ['only comedies, no horror from the 80s', { includeTags: ['comedy'], excludeTags: ['horror'], minYear: 1980, maxYear: 1989 }],
    // decades with a direction, and decades that add up
    ['before the 80s', { maxYear: 1979 }],
    ['after the 90s', { minYear: 2000 }],
    ['older than the 90s', { maxYear: 1989 }],
    ['from the 80s or 90s', { minYear: 1980, maxYear: 1999 }],
    ['from 1990 to 2000', { minYear: 1990, maxYear: 2000 }],
    ['from 1990 onwards', { minYear: 1990 }],
    ['80s or later', { minYear: 1980 }],
    ['more recent than 2000', { minYear: 2001 }],
    ['no, from the 80s please', { minYear: 1980, maxYear: 1989 }],
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

  it('GIVEN a negated "recent" or a left-out decade that reaches today THEN an upper bound', () => {
    expect(parseConstraints('nothing recent', TAGS, { currentYear: 2026 })).toEqual({ maxYear: 2020 });
    expect(parseConstraints('no 2020s movies', TAGS, { currentYear: 2026 })).toEqual({ maxYear: 2019 });
  });

  it('GIVEN left-out years THEN later ones add up, a new window lifts the ones it overlaps, and a left-out window lifts it', () => {
    const no80s: Constraints = { excludeYears: [[1980, 1989]] };
    expect(mergeConstraints(no80s, { excludeYears: [[1990, 1999]], excludeTags: ['horror'] })).toEqual({
      excludeTags: ['horror'],
      excludeYears: [[1980, 1989], [1990, 1999]],
    });
    expect(mergeConstraints({ ...no80s, minYear: 1960 }, { maxYear: 2000 })).toEqual({ minYear: 1960, maxYear: 2000, excludeYears: [[1980, 1989]] });
    expect(mergeConstraints(no80s, { minYear: 1980, maxYear: 1989 })).toEqual({ minYear: 1980, maxYear: 1989 });
    expect(mergeConstraints({ minYear: 1980, maxYear: 1989 }, no80s)).toEqual(no80s);
  });

  it.each<[string, Constraints, { subject: string; kept: string; dropped: string }[]]>([
    ['no comedies, only comedies', { includeTags: ['comedy'] }, [{ subject: 'comedy', kept: 'only comedies', dropped: 'no comedies' }]],
    ['only comedies. actually no comedy', { excludeTags: ['comedy'] }, [{ subject: 'comedy', kept: 'no comedy', dropped: 'only comedies' }]],
    ['no horror, only comedies', { includeTags: ['comedy'], excludeTags: ['horror'] }, []],
    ['before 2000, no wait, after 2010', { minYear: 2011 }, [{ subject: 'years', kept: 'after 2010', dropped: 'before 2000' }]],
    ['after 2010 or rather before 1990', { maxYear: 1989 }, [{ subject: 'years', kept: 'before 1990', dropped: 'after 2010' }]],
    ['from the 80s but after 2000', { minYear: 2001 }, [{ subject: 'years', kept: 'after 2000', dropped: 'the 80s' }]],
    ['between 1990 and 2000', { minYear: 1990, maxYear: 2000 }, []],
  ])('GIVEN opposite wishes "%s" THEN the later one is kept and the pair reported', (text, want, conflicts) => {
    expect(readConstraints(text, TAGS)).toEqual({ constraints: want, conflicts });
  });

  it('GIVEN a joining word before "only" and a catalog whose free tags hold it THEN it is no tag', () => {
    expect(parseConstraints('but only comedies', ['Comedy', 'last but not least'])).toEqual({ includeTags: ['comedy'] });
    expect(parseConstraints('no horror only comedies', ['Comedy', 'Horror'])).toEqual({ includeTags: ['comedy'], excludeTags: ['horror'] });
  });

  it('GIVEN "anything but horror" THEN horror is excluded', () => {
    expect(parseConstraints('anything but horror', TAGS)).toEqual({ excludeTags: ['horror'] });
  });

  it('GIVEN a new year bound that leaves no year with the old opposite one THEN the old one goes', () => {
    expect(mergeConstraints({ maxYear: 1999, excludeTags: ['war'] }, { minYear: 2011 })).toEqual({ excludeTags: ['war'], minYear: 2011 });
    expect(mergeConstraints({ minYear: 2011 }, { maxYear: 1999 })).toEqual({ maxYear: 1999 });
    expect(mergeConstraints({ minYear: 1990 }, { maxYear: 1999 })).toEqual({ minYear: 1990, maxYear: 1999 });
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
