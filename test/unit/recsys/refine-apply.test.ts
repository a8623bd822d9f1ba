/** applyRefinement for the actions of issue 8 (point 5), the replies, and the summary after several turns. */
import { describe, expect, it } from 'vitest';
import {
  applyRefinement,
  describeRefinement,
  fillSlots,
  readRefinement,
  settle,
  type ApplyOptions,
  type RefineReply,
  type RefineState,
} from '../../../src/recsys/refine/index.js';
import { messageFor } from '../../../src/app/messages.js';
import { satisfies } from '../../../src/recsys/filters/filters.js';
import type { Constraints } from '../../../src/recsys/types.js';

/** The words a member reads for a reply (the app's message table). */
const said = (x: RefineReply): string => messageFor(x.code, x.context);
const NOT_UNDERSTOOD_TEXT = messageFor('refine.not-understood');

const ITEMS: Record<string, { title: string; year: number; tags: string[] }> = {
  heat: { title: 'Heat', year: 1995, tags: ['Action', 'Crime', 'Thriller'] },
  alien: { title: 'Alien', year: 1979, tags: ['Horror', 'Sci-Fi'] },
  toy: { title: 'Toy Story', year: 1995, tags: ['Animation', 'Children', 'Comedy'] },
  matrix: { title: 'The Matrix', year: 1999, tags: ['Action', 'Sci-Fi', 'Thriller'] },
  amelie: { title: 'Amelie', year: 2001, tags: ['Comedy', 'Romance'] },
  x1: { title: 'Up', year: 2009, tags: ['Animation', 'Comedy'] },
  x2: { title: 'Clueless', year: 1995, tags: ['Comedy', 'Romance'] },
  x3: { title: 'Jaws', year: 1975, tags: ['Thriller'] },
  x4: { title: 'Paddington', year: 2014, tags: ['Comedy', 'Children'] },
};
const SHOWN = ['heat', 'alien', 'toy', 'matrix', 'amelie'];
const opts: ApplyOptions = {
  fits: (id: string, c: Constraints) => satisfies({ id, ...ITEMS[id] }, c),
  tagsOf: (id) => ITEMS[id]?.tags,
  yearOf: (id) => ITEMS[id]?.year,
  titleOf: (id) => ITEMS[id]?.title ?? id,
};
const titleOf = opts.titleOf!;
const s0: RefineState = { request: 'something smart and exciting', shown: SHOWN, rejected: ['old'], constraints: {}, count: 5 };
const read = (text: string, s: RefineState = s0) =>
  readRefinement(text, { shown: s.shown, count: s.count, titles: s.shown.map(titleOf) }, { knownTags: ['Action', 'Crime', 'Thriller', 'Horror', 'Sci-Fi', 'Animation', 'Children', 'Comedy', 'Romance', 'War'] });

describe('applyRefinement, answers with no new list', () => {
  it('GIVEN not understood THEN the list stays, nothing runs, and the member reads what works', () => {
    const r = applyRefinement(s0, read('asdfgh'), opts);
    expect(r).toMatchObject({ settled: true, keep: SHOWN, query: { count: 0 } });
    expect(r.state).toBe(s0);
    expect(r.replies.map((x) => x.code)).toEqual(['refine.not-understood']);
    expect(said(r.replies[0])).toBe(NOT_UNDERSTOOD_TEXT);
    expect(NOT_UNDERSTOOD_TEXT).toMatch(/didn.t understand/);
    expect(NOT_UNDERSTOOD_TEXT).toContain('“swap the 2nd”');
    expect(NOT_UNDERSTOOD_TEXT).toContain('“no horror, after 2000”');
  });

  it('GIVEN thanks THEN no new list, an acknowledgement', () => {
    const r = applyRefinement(s0, read('thanks!'), opts);
    expect(r).toMatchObject({ settled: true, keep: SHOWN, query: { count: 0 } });
    expect(r.replies[0].code).toBe('refine.thanks');
  });

  it('GIVEN a bare "2" THEN nothing is swapped: it asks what to do with #2 Alien', () => {
    const r = applyRefinement(s0, read('2'), opts);
    expect(r).toMatchObject({ settled: true, keep: SHOWN, query: { count: 0 } });
    expect(r.replies[0].code).toBe('refine.ask-position');
    expect(said(r.replies[0])).toContain('#2 Alien');
    expect(said(r.replies[0])).toContain('“swap 2”');
  });

  it('GIVEN an undo with nothing before THEN it says so and keeps the list', () => {
    const r = applyRefinement(s0, read('undo'), opts);
    expect(r).toMatchObject({ settled: true, keep: SHOWN });
    expect(r.replies[0].code).toBe('refine.nothing-to-undo');
  });
});

describe('applyRefinement, the new list-changing actions', () => {
  it('GIVEN "undo" after a swap and a constraint THEN each step restores the list, rejections and rules before it', () => {
    const t1 = applyRefinement(s0, read('swap the 2nd'), opts);
    const s1 = settle(t1, ['x1']).state; // heat, up, toy, matrix, amelie
    const t2 = applyRefinement(s1, read('no comedies'), opts);
    const s2 = settle(t2, ['x3', 'heat']).state;
    expect(s2.constraints).toEqual({ excludeTags: ['comedy'] });

    const u1 = applyRefinement(s2, read('the last one was better'), opts);
    expect(u1).toMatchObject({ settled: true, keep: s1.shown });
    expect(u1.state).toMatchObject({ shown: s1.shown, constraints: {}, rejected: ['old', 'alien'] });
    expect(u1.replies[0].code).toBe('refine.undone');
    const u2 = applyRefinement(settle(u1, []).state, read('go back'), opts);
    expect(u2.keep).toEqual(SHOWN);
    expect(u2.state.rejected).toEqual(['old']); // Alien is back on the list, so no longer rejected
    expect(applyRefinement(settle(u2, []).state, read('undo'), opts).replies[0].code).toBe('refine.nothing-to-undo');
  });

  it('GIVEN "start over" THEN the first request runs again with its own constraints, and rejected items stay out', () => {
    const s: RefineState = { ...s0, initialConstraints: { maxYear: 2005 }, constraints: { maxYear: 2005, excludeTags: ['comedy'] } };
    const t1 = applyRefinement(s, read('swap Alien', s), opts);
    const s1 = settle(t1, ['x3']).state;
    const r = applyRefinement(s1, read('start over', s1), opts);
    expect(r.state).toMatchObject({ shown: [], constraints: { maxYear: 2005 }, rejected: ['old', 'alien'] });
    expect(r.query).toMatchObject({ text: 'something smart and exciting', exclude: ['old', 'alien'], count: 5 });
    expect(said(r.replies[0])).toBe('Starting over from your first request; the 2 you turned down stay out.');
  });

  it('GIVEN "fewer sci-fi" THEN the list keeps its length, half of the sci-fi (bottom first) is replaced by non-sci-fi, as a weight', () => {
    const r = applyRefinement(s0, read('fewer sci-fi'), opts);
    expect(r.keep).toEqual(['heat', 'alien', 'toy', null, 'amelie']); // 2 sci-fi -> 1 replaced, the lower one
    expect(r.query.count).toBe(1);
    expect(r.state.count).toBe(5);
    expect(r.query.constraints).toEqual({ excludeTags: ['science fiction'] }); // this fill only
    expect(r.state.constraints).toEqual({}); // not a rule for later turns
    expect(r.state.weights).toEqual({ 'science fiction': -1 });
    expect(r.query.tagWeights).toEqual({ 'science fiction': -1 });
    const r2 = applyRefinement(settle(r, ['x2']).state, read('less sci-fi'), opts);
    expect(r2.keep).toEqual(['heat', null, 'toy', 'x2', 'amelie']);
    expect(r2.state.weights).toEqual({ 'science fiction': -2 });
  });

  it('GIVEN "more comedy" THEN half of the non-comedies make room for comedies', () => {
    const r = applyRefinement(s0, read('more comedy'), opts);
    expect(r.keep).toEqual(['heat', 'alien', 'toy', null, 'amelie'].map((x, i) => (i === 1 ? null : x)));
    expect(r.query).toMatchObject({ count: 2, constraints: { includeTags: ['comedy'] }, tagWeights: { comedy: 1 } });
    expect(said(r.replies[0])).toBe('More comedy from now on (a preference, not a rule).');
  });

  it('GIVEN "those are all too dark" THEN every dark item goes and the fill leaves dark genres out', () => {
    const r = applyRefinement(s0, read('those are all too dark'), opts);
    expect(r.keep).toEqual([null, null, 'toy', null, 'amelie']);
    expect(r.query.constraints.excludeTags).toEqual(expect.arrayContaining(['horror', 'thriller', 'crime']));
    expect(r.query.text).toBe('something smart and exciting'); // no keyword search for "dark"
    expect(r.state.weights).toMatchObject({ horror: -1, comedy: 1 });
    expect(said(r.replies[0])).toBe('Going lighter: fewer horror, thriller, crime and war, more comedy, animation, children and romance from now on (a preference, not a rule).');
  });

  it('GIVEN "newer stuff" THEN items after the median year shown are kept (the newest stays) and the rest go newer', () => {
    const r = applyRefinement(s0, read('newer stuff'), opts);
    // years 1995, 1979, 1995, 1999, 2001: median 1995
    expect(r.keep).toEqual([null, null, null, 'matrix', 'amelie']);
    expect(r.state.constraints).toEqual({ minYear: 1996 });
    expect(r.query).toMatchObject({ count: 3, constraints: { minYear: 1996 } });
    expect(said(r.replies[0])).toContain('from 1996 on');
  });

  it('GIVEN "classics" THEN items before the median year are kept and the rest go older; a conflicting old bound is replaced', () => {
    const r = applyRefinement({ ...s0, constraints: { minYear: 1997 } }, read('got any classics?'), opts);
    expect(r.keep).toEqual([null, 'alien', null, null, null]);
    expect(r.state.constraints).toEqual({ maxYear: 1994 });
  });

  it('GIVEN "I\'ve seen 1 and 3" THEN those are marked watched, rejected and replaced in their slots', () => {
    const r = applyRefinement(s0, read("I've seen 1 and 3"), opts);
    expect(r.markWatched).toEqual(['heat', 'toy']);
    expect(r.keep).toEqual([null, 'alien', null, 'matrix', 'amelie']);
    expect(r.state.rejected).toEqual(['old', 'heat', 'toy']);
    expect(r.query.count).toBe(2);
    expect(said(r.replies[0])).toBe('Marked as seen: Heat and Toy Story. Here are replacements.');
  });

  it('GIVEN "surprise me" THEN a whole fresh draw in surprise mode, without what was shown', () => {
    const r = applyRefinement(s0, read('surprise me'), opts);
    expect(r.keep).toEqual([]);
    expect(r.query).toMatchObject({ mode: 'surprise', count: 5, text: 'something smart and exciting' });
    expect(r.query.exclude).toEqual(expect.arrayContaining([...SHOWN, 'old']));
  });

  it('GIVEN a contradiction THEN the later wish applies and the reply says which was kept and which dropped', () => {
    const r = applyRefinement(s0, read('no comedies, only comedies'), opts);
    expect(r.state.constraints).toEqual({ includeTags: ['comedy'] });
    expect(r.keep).toEqual([null, null, 'toy', null, 'amelie']);
    expect(r.replies.map(said)).toEqual(['You asked for both “no comedies” and “only comedies”, so I went with the later one: “only comedies”.']);
  });

  it('GIVEN a swap said with a constraint THEN the swap and the items breaking the constraint are replaced', () => {
    const r = applyRefinement(s0, read('drop 3 and no horror'), opts);
    expect(r.keep).toEqual(['heat', null, null, 'matrix', 'amelie']);
    expect(r.state.constraints).toEqual({ excludeTags: ['horror'] });
    expect(r.state.rejected).toEqual(['old', 'toy']);
  });
});

describe('the summary names the positions the member sees now', () => {
  /** Every "#N is now T" of a summary names T at position N of `list`. */
  function positionsAgree(summary: string, list: string[]): void {
    const named = [...summary.matchAll(/#(\d+) is now ([^(;]+?) \(/g)];
    for (const [, n, title] of named) expect(titleOf(list[Number(n) - 1])).toBe(title);
    for (const [, title, n] of summary.matchAll(/(?:^|; )([^;#]+?) is now #(\d+)/g)) expect(titleOf(list[Number(n) - 1])).toBe(title);
  }

  it('GIVEN two successive swaps THEN the second summary names the slots of the final list', () => {
    const t1 = applyRefinement(s0, read('swap the 2nd'), opts);
    const a1 = settle(t1, ['x1']);
    const sum1 = describeRefinement(s0.shown, a1.shown, titleOf);
    expect(sum1).toBe('#2 is now Up (instead of Alien)');
    positionsAgree(sum1, a1.shown);

    const t2 = applyRefinement(a1.state, read('swap 2 and 4', a1.state), opts);
    const a2 = settle(t2, ['x2', 'x3']);
    expect(a2.shown).toEqual(['heat', 'x2', 'toy', 'x3', 'amelie']);
    const sum2 = describeRefinement(a1.shown, a2.shown, titleOf);
    expect(sum2).toBe('#2 is now Clueless (instead of Up); #4 is now Jaws (instead of The Matrix)');
    positionsAgree(sum2, a2.shown);
  });

  it('GIVEN a swap whose fill comes up short THEN later items move up and the summary says where they are now', () => {
    const t = applyRefinement(s0, read('replace 2 and 4'), opts);
    const after = settle(t, ['x1']).shown;
    expect(after).toEqual(['heat', 'x1', 'toy', 'amelie']);
    const sum = describeRefinement(s0.shown, after, titleOf);
    expect(sum).toBe('#2 is now Up (instead of Alien); removed The Matrix; Amelie is now #4');
    positionsAgree(sum, after);
  });

  it('GIVEN a reordered answer (as an LLM may give) THEN new items are named where they landed', () => {
    const before = ['heat', 'alien', 'toy'];
    const after = ['x1', 'heat', 'toy'];
    const sum = describeRefinement(before, after, titleOf);
    expect(sum).toBe('#1 is now Up (instead of Alien); Heat is now #2');
    positionsAgree(sum, after);
  });

  it('fillSlots fills open slots in order, skips ids already kept, and an empty keep takes the new results up to the count', () => {
    expect(fillSlots(['a', null, 'c', null], ['c', 'x', 'y', 'z'])).toEqual(['a', 'x', 'c', 'y']);
    expect(fillSlots([], ['x', 'y', 'z'], 2)).toEqual(['x', 'y']);
  });
});
