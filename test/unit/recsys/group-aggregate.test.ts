import { describe, expect, it } from 'vitest';
import { aggregate, aggregateOne, FAIR_DEFAULTS, standardise } from '../../../src/recsys/group-aggregate.js';
import { fitLevel } from '../../../src/recsys/group-scorer.js';
import { groupFitText } from '../../../src/present/together-fit.js';

const order = (scores: ArrayLike<number>) => Array.from(scores, (s, i) => ({ s, i })).sort((a, b) => b.s - a.s).map((x) => x.i);

describe('group aggregation', () => {
  // Standardised scores of two members for two items: item 0 one loves and the other dislikes; item 1 both like a bit.
  const z = [[2.5, 0.4], [-1.5, 0.4]];

  it('GIVEN an item one member loves and the other dislikes THEN averaging puts it first, but the fair rule and least misery put the one both like first', () => {
    expect(order(aggregate('average', z, 2))[0]).toBe(0);
    expect(order(aggregate('fair', z, 2))[0]).toBe(1);
    expect(order(aggregate('least-misery', z, 2))[0]).toBe(1);
  });

  it('GIVEN items every member is above the floor on THEN the fair rule is the average (no one is unhappy, the total decides)', () => {
    const happy = [0.8, 2.4];
    expect(aggregateOne('fair', happy, { floor: 0.5, penalty: 3 })).toBeCloseTo(aggregateOne('average', happy));
  });

  it('GIVEN a member under the floor THEN the fair rule costs penalty times their shortfall', () => {
    expect(aggregateOne('fair', [2, -1], { floor: 0.5, penalty: 3 })).toBeCloseTo(0.5 - 3 * 1.5);
    expect(FAIR_DEFAULTS.penalty).toBeGreaterThan(0);
  });

  it('GIVEN a generous rater and a harsh one who order items alike THEN standardising makes them weigh the same', () => {
    expect(Array.from(standardise([5, 4.5, 4]))).toEqual(Array.from(standardise([3, 2.5, 2])));
  });

  it('GIVEN no members with history (all neutral) THEN every item scores 0: nobody vetoes, the pipeline order stands', () => {
    expect(Array.from(aggregate('fair', [], 3))).toEqual([0, 0, 0]);
    expect(Array.from(standardise([3, 3, 3]))).toEqual([0, 0, 0]);
  });
});

describe('group fit words', () => {
  it('GIVEN predicted ratings against each member\'s own mean THEN love, like and lukewarm read from the difference', () => {
    expect(fitLevel(4.5, 3.5)).toBe('love');
    expect(fitLevel(3.4, 3.5)).toBe('like');
    expect(fitLevel(2.5, 3.5)).toBe('lukewarm');
    expect(fitLevel(3, 2)).toBe('love'); // a harsh rater's 3 is a good film
  });

  it('GIVEN fit counts THEN the words say how many, never who', () => {
    expect(groupFitText({ kind: 'group-fit', love: 2, like: 2, lukewarm: 0, neutral: 0 })).toBe('fits all 4');
    expect(groupFitText({ kind: 'group-fit', love: 3, like: 0, lukewarm: 1, neutral: 0 })).toBe('3 love it, 1 is lukewarm');
    expect(groupFitText({ kind: 'group-fit', love: 4, like: 0, lukewarm: 0, neutral: 1 })).toBe('all 4 love it (1 with no ratings yet)');
    expect(groupFitText({ kind: 'group-fit', love: 1, like: 1, lukewarm: 0, neutral: 0 })).toBe('fits both');
    expect(groupFitText({ kind: 'group-fit', love: 0, like: 0, lukewarm: 0, neutral: 3 })).toBe('a safe pick: no one here has rated anything yet');
  });
});
