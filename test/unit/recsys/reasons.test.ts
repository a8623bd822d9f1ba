import { describe, expect, it } from 'vitest';
import { reasonSpecificity, type Reason } from '../../../src/domain/reason.js';
import { naming, pickReason } from '../../../src/recsys/reasons.js';

describe('pickReason', () => {
  const popular: Reason = { kind: 'popular' };
  const liked: Reason = { kind: 'liked', itemId: 'a', title: 'Alien' };
  const similar: Reason = { kind: 'similar', itemId: 'h', title: 'Heat' };
  const after: Reason = { kind: 'after', itemId: 'a', title: 'Alien' };
  const llm: Reason = { kind: 'llm', text: 'a slow burn', personal: false };

  it('GIVEN reasons of several sources THEN the most specific one wins, by its kind', () => {
    expect(pickReason([popular, { kind: 'request' }, after, liked])).toEqual(liked);
    expect(pickReason([popular, llm, after])).toEqual(after);
    expect(pickReason([{ kind: 'listed' }, popular, llm])).toEqual(llm);
  });

  it('GIVEN equally specific reasons THEN the first (best-ranked) one wins', () => {
    expect(pickReason([similar, liked])).toEqual(similar);
    expect(pickReason([liked, similar])).toEqual(liked);
  });

  it('GIVEN no reason at all THEN "picked for you"', () => {
    expect(pickReason([])).toEqual({ kind: 'picked' });
    expect(pickReason([undefined, undefined])).toEqual({ kind: 'picked' });
    expect(reasonSpecificity(undefined)).toBe(-1);
    expect(pickReason([undefined, { kind: 'listed' }])).toEqual({ kind: 'listed' });
  });

  it('GIVEN an item reason THEN it carries the display title, or the id when the title is unknown', () => {
    expect(naming('after', 'a', (id) => (id === 'a' ? 'Alien (1979)' : undefined))).toEqual({ kind: 'after', itemId: 'a', title: 'Alien (1979)' });
    expect(naming('similar', 'zz', () => undefined)).toEqual({ kind: 'similar', itemId: 'zz', title: 'zz' });
  });
});
