import { describe, expect, it } from 'vitest';
import { KEEP_MS } from '../../../src/app/vote.js';
import { forgetMemberVotes, votesOfMember } from '../../../src/app/vote-privacy.js';
import type { VoteRecord } from '../../../src/app/vote-types.js';

/** A map store that remembers the TTL of each write. */
function mapKv(entries: Record<string, unknown>) {
  const data = new Map(Object.entries(entries));
  const ttls = new Map<string, number | undefined>();
  return {
    data,
    ttls,
    get: async <T>(k: string) => data.get(k) as T | undefined,
    async *keys(prefix: string) {
      for (const k of [...data.keys()]) if (k.startsWith(prefix)) yield k;
    },
    async update<T>(k: string, fn: (c: T | undefined) => T | undefined | Promise<T | undefined>, ttlMs?: number) {
      const next = await fn(data.get(k) as T | undefined);
      if (next !== undefined) {
        data.set(k, next);
        ttls.set(k, ttlMs);
      }
      return (data.get(k) as T | undefined);
    },
  };
}

const rec = (pollId: string, askerId: string, openedAt: number): VoteRecord => ({ pollId, channelId: 'c', askerId, items: [], hours: 24, openedAt });

describe('the vote records of one member', () => {
  it('GIVEN records of two members and of a longer scope id THEN only this member\'s in this scope are listed, oldest first', async () => {
    const kv = mapKv({ 'vote:g1:b': rec('b', 'u1', 20), 'vote:g1:a': rec('a', 'u1', 10), 'vote:g1:c': rec('c', 'u2', 5), 'vote:g10:d': rec('d', 'u1', 1), 'vote-pick:g1': { pollId: 'a' } });
    expect((await votesOfMember(kv, 'g1', 'u1')).map((r) => r.pollId)).toEqual(['a', 'b']);
  });

  it('GIVEN a forget THEN the member id is gone from record and outcome, and the record keeps the expiry it had (not a fresh 10 days)', async () => {
    const opened = 1_000_000;
    const closed: VoteRecord = { ...rec('a', 'u1', opened), outcome: { pollId: 'a', channelId: 'c', askerId: 'u1', votes: 0, total: 0, tied: [] } };
    const kv = mapKv({ 'vote:g1:a': closed, 'vote:g1:c': rec('c', 'u2', opened) });
    const now = opened + 3_600_000;
    expect(await forgetMemberVotes(kv, 'g1', 'u1', now)).toBe(1);
    expect(JSON.stringify(kv.data.get('vote:g1:a'))).not.toContain('u1');
    expect(kv.ttls.get('vote:g1:a')).toBe(KEEP_MS - 3_600_000);
    expect((kv.data.get('vote:g1:c') as VoteRecord).askerId).toBe('u2');
    expect(kv.ttls.has('vote:g1:c')).toBe(false);
  });
});
