import { describe, expect, it } from 'vitest';
import { applyRefinement, readRefinement, type RefineAction, type RefineState } from '../../../src/recsys/refine/index.js';

const state = { shown: ['m1', 'm2', 'm3', 'm4', 'm5'], count: 5, titles: ['Heat (1995)', 'Alien', 'Up', 'Clueless', 'Jaws'] };
const TAGS = ['Comedy', 'Horror', 'Thriller', 'War', 'Sci-Fi', 'Romance'];

describe('readRefinement', () => {
  it.each<[string, RefineAction]>([
    ['swap the second one', { kind: 'swap', positions: [1] }],
    ['Swap #2', { kind: 'swap', positions: [1] }],
    ['replace 2 and 4', { kind: 'swap', positions: [1, 3] }],
    ['replace the 2nd and 4th', { kind: 'swap', positions: [1, 3] }],
    ['not the last one', { kind: 'swap', positions: [4] }],
    ['change the first', { kind: 'swap', positions: [0] }],
    ['drop number 3', { kind: 'swap', positions: [2] }],
    // issue 8: a seen item is marked watched, then replaced (was a plain swap)
    ["I've already seen the third one", { kind: 'seen', positions: [2], itemIds: ['m3'] }],
    ['get rid of the first two', { kind: 'swap', positions: [0, 1] }],
    ['swap the second to last', { kind: 'swap', positions: [3] }],
    ['remove Jaws', { kind: 'swap', positions: [4] }],
    ['swap the 7th', { kind: 'out-of-range', positions: [7], count: 5 }],
    ['not the second one', { kind: 'swap', positions: [1] }],
    ['no to #2', { kind: 'swap', positions: [1] }],
    ['drop 2', { kind: 'swap', positions: [1] }],
    ['replace just 2', { kind: 'swap', positions: [1] }],
    ['replace the top 2', { kind: 'swap', positions: [0, 1] }],
    ['without the 3rd', { kind: 'swap', positions: [2] }],
    ['not a fan of number 2', { kind: 'swap', positions: [1] }],
    ["I don't like Alien", { kind: 'swap', positions: [1] }],
    ['no, swap the 2nd', { kind: 'swap', positions: [1] }],
    ['the first one is great, drop 4', { kind: 'swap', positions: [3] }],
    // praise is not a swap: it is an acknowledgement (issue 8: was read as text, a keyword search)
    ['no, the first one is great', { kind: 'thanks' }],
    ['more like 3', { kind: 'more-like', position: 2 }],
    ['more like the first one', { kind: 'more-like', position: 0 }],
    ['something like number 4', { kind: 'more-like', position: 3 }],
    ['similar to the last one', { kind: 'more-like', position: 4 }],
    ['more like Heat', { kind: 'more-like', position: 0 }],
    ['no horror', { kind: 'constraint', constraints: { excludeTags: ['horror'] } }],
    ['only comedies', { kind: 'constraint', constraints: { includeTags: ['comedy'] } }],
    ['something older than 2000', { kind: 'constraint', constraints: { maxYear: 1999 } }],
    ['from the 80s please', { kind: 'constraint', constraints: { minYear: 1980, maxYear: 1989 } }],
    // issue 8: a mood word is a tone (soft genre weights), no longer a hard exclusion; only genres the catalog has
    ['something lighter', { kind: 'tone', tone: 'lighter', tones: ['lighter'], more: ['comedy', 'romance'], fewer: ['horror', 'thriller', 'war'] }],
    ['no 80s movies', { kind: 'constraint', constraints: { excludeYears: [[1980, 1989]] } }],
    ['nothing from the 90s', { kind: 'constraint', constraints: { excludeYears: [[1990, 1999]] } }],
    ['no films before 2000', { kind: 'constraint', constraints: { minYear: 2000 } }],
    ['not older than 1990', { kind: 'constraint', constraints: { minYear: 1990 } }],
    ['nothing after 2010', { kind: 'constraint', constraints: { maxYear: 2010 } }],
    ['not newer than 2005', { kind: 'constraint', constraints: { maxYear: 2005 } }],
    ['no more comedies', { kind: 'constraint', constraints: { excludeTags: ['comedy'] } }],
    ['skip westerns', { kind: 'constraint', constraints: { excludeTags: ['western'] } }],
    ['shorter list', { kind: 'count', count: 3 }],
    ['fewer please', { kind: 'count', count: 3 }],
    ['just 3', { kind: 'count', count: 3 }],
    ['only three', { kind: 'count', count: 3 }],
    ['no more than 3', { kind: 'count', count: 3 }],
    ['not more than 2 please', { kind: 'count', count: 2 }],
    ['at most 4', { kind: 'count', count: 4 }],
    ['just 4', { kind: 'count', count: 4 }],
    ['3 is enough', { kind: 'count', count: 3 }],
    ['two will do', { kind: 'count', count: 2 }],
    ['max 4', { kind: 'count', count: 4 }],
    ['top 3', { kind: 'count', count: 3 }],
    ['give me more', { kind: 'count', count: 10 }],
    ['longer list', { kind: 'count', count: 10 }],
    ['2 more', { kind: 'count', count: 7 }],
    ['more', { kind: 'count', count: 10 }],
    // issue 8: 'start-over' (rejections kept) replaces 'reset'
    ['start over', { kind: 'start-over' }],
    ['never mind, reset', { kind: 'start-over' }],
    ['something with a strong female lead', { kind: 'text', text: 'something with a strong female lead' }],
    ['what about heist movies?', { kind: 'text', text: 'what about heist movies?' }],
  ])('GIVEN "%s" THEN %j', (text, want) => {
    expect(readRefinement(text, state, { knownTags: TAGS })).toEqual(want);
  });

  it('GIVEN "longer list" near the maximum THEN the count is capped', () => {
    expect(readRefinement('longer list', { shown: [], count: 18 }, { maxCount: 20 })).toEqual({ kind: 'count', count: 20 });
  });
});

describe('applyRefinement', () => {
  const s: RefineState = { request: 'a tense thriller', shown: ['a', 'b', 'c', 'd'], rejected: ['z'], constraints: { excludeTags: ['horror'] }, count: 4 };

  it('GIVEN a swap of 2 and 4 THEN those are rejected for good, the others keep their slots, two new are asked for', () => {
    const r = applyRefinement(s, { kind: 'swap', positions: [1, 3] });
    expect(r.keep).toEqual(['a', null, 'c', null]);
    expect(r.query.count).toBe(2);
    expect(r.query.exclude.sort()).toEqual(['a', 'b', 'c', 'd', 'z']);
    expect(r.state.rejected.sort()).toEqual(['b', 'd', 'z']);
    expect(s.rejected).toEqual(['z']); // pure
  });

  it('GIVEN more-like 3 THEN the third item seeds a fresh list without the request text', () => {
    const r = applyRefinement(s, { kind: 'more-like', position: 2 });
    expect(r.query).toMatchObject({ seeds: ['c'], text: undefined, count: 4, constraints: { excludeTags: ['horror'] } });
    expect(r.query.exclude).toContain('c');
  });

  it('GIVEN a new constraint THEN it merges with the ones in force', () => {
    const r = applyRefinement(s, { kind: 'constraint', constraints: { maxYear: 1999 } });
    expect(r.query.constraints).toEqual({ excludeTags: ['horror'], maxYear: 1999 });
    expect(r.state.constraints).toEqual({ excludeTags: ['horror'], maxYear: 1999 });
  });

  it('GIVEN a new constraint and a fits check THEN items that still fit keep their places and only the others are replaced', () => {
    const r = applyRefinement(s, { kind: 'constraint', constraints: { maxYear: 1999 } }, { fits: (id) => id !== 'b' });
    expect(r.keep).toEqual(s.shown.map((id) => (id === 'b' || s.rejected.includes(id) ? null : id)));
    expect(r.query.count).toBe(r.keep.filter((x) => x === null).length);
    expect(r.query.exclude).toEqual(expect.arrayContaining(s.shown));
  });

  it('GIVEN a shorter list THEN the first items are kept and nothing is run; a longer one asks only for the missing', () => {
    const shorter = applyRefinement(s, { kind: 'count', count: 2 });
    expect(shorter.keep).toEqual(['a', 'b']);
    expect(shorter.query.count).toBe(0);
    const longer = applyRefinement(s, { kind: 'count', count: 6 });
    expect(longer.keep).toEqual(['a', 'b', 'c', 'd', null, null]);
    expect(longer.query.count).toBe(2);
  });

  // issue 8: starting over used to bring back rejected items; rejections now stay (legacy 'reset' = 'start-over')
  it.each(['reset', 'start-over'] as const)('GIVEN %s THEN constraints are cleared, rejections kept out, and the original request runs again', (kind) => {
    const r = applyRefinement(s, { kind });
    expect(r.state).toMatchObject({ rejected: ['z'], constraints: {}, shown: [] });
    expect(r.query).toMatchObject({ text: 'a tense thriller', exclude: ['z'] });
  });

  it('GIVEN free text twice THEN both are merged into the original request', () => {
    const r1 = applyRefinement(s, { kind: 'text', text: 'set in Paris' });
    const r2 = applyRefinement(r1.state, { kind: 'text', text: 'with subtitles' });
    expect(r2.query.text).toBe('a tense thriller; set in Paris; with subtitles');
  });

  it('GIVEN an out-of-range position THEN nothing changes and nothing runs', () => {
    const r = applyRefinement(s, { kind: 'out-of-range', positions: [9], count: 4 });
    expect(r.state).toBe(s);
    expect(r.query.count).toBe(0);
  });
});
