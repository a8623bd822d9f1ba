import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config.js';
import { checkConversationLength, limitGroupOf, MemberLimits, refinementsOf } from '../../../src/app/limits.js';
import type { ConversationTurn } from '../../../src/domain/conversation.js';

const turns = (users: number): ConversationTurn[] =>
  Array.from({ length: users * 2 }, (_, k) => (k % 2 ? { role: 'bot' as const, text: 'list', at: k } : { role: 'user' as const, text: 'msg', at: k }));

describe('member limits', () => {
  it('GIVEN the expensive commands THEN each has a group, and cheap ones have none', () => {
    expect(['recommend', 'next', 'rank', 'similar', 'predict'].map(limitGroupOf)).toEqual(['list', 'list', 'list', 'list', 'list']);
    expect(['import', 'catalog upload'].map(limitGroupOf)).toEqual(['file', 'file']);
    expect(['help', 'rate', 'catalog info', 'toString', '__proto__'].map(limitGroupOf)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('GIVEN the default config THEN a member gets 3 lists per 10 s, in each server separately', () => {
    let now = 0;
    const l = new MemberLimits(parseConfig({}), () => now);
    for (let k = 0; k < 3; k++) expect(l.take('list', 'g1', 'ana').ok).toBe(true);
    const refused = l.take('list', 'g1', 'ana');
    expect(refused).toMatchObject({ ok: false, retryAt: 10_000 });
    expect(l.take('list', 'g2', 'ana').ok).toBe(true);
    expect(l.take('file', 'g1', 'ana').ok).toBe(true);
    now = 10_000;
    expect(l.take('list', 'g1', 'ana').ok).toBe(true);
  });

  it('GIVEN COOLDOWN_LIST_S=0 and REFINES_PER_MINUTE=0 THEN those groups are not limited', () => {
    const l = new MemberLimits(parseConfig({ COOLDOWN_LIST_S: '0', REFINES_PER_MINUTE: '0' }), () => 0);
    for (let k = 0; k < 100; k++) {
      expect(l.take('list', 'g', 'u').ok).toBe(true);
      expect(l.take('refine', 'g', 'u').ok).toBe(true);
    }
  });

  it('GIVEN REFINES_PER_MINUTE=2 THEN the third refinement in a minute is refused', () => {
    const l = new MemberLimits(parseConfig({ REFINES_PER_MINUTE: '2' }), () => 0);
    expect([l.take('refine', 'g', 'u').ok, l.take('refine', 'g', 'u').ok, l.take('refine', 'g', 'u').ok]).toEqual([true, true, false]);
  });

  it('GIVEN a conversation at its refinement cap THEN the next refinement is refused with conversation.too-long', () => {
    expect(() => checkConversationLength({ turns: turns(3), refinements: 3 }, 4)).not.toThrow();
    expect(() => checkConversationLength({ turns: turns(3), refinements: 4 }, 4)).toThrow(/reached 4 refinements.*`\/recommend`/);
  });

  it('GIVEN a conversation stored before the counter THEN its refinements are counted from its user turns', () => {
    expect(refinementsOf({ turns: turns(1) })).toBe(0);
    expect(refinementsOf({ turns: turns(5) })).toBe(4);
  });
});
