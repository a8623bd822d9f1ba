import type { Scope } from '../domain/profile.js';
import { KEEP_MS, keys } from './vote.js';
import type { VoteRecord } from './vote-types.js';

/** The little of the store this needs (the app's `Store` fits). */
export interface VotePrivacyKv {
  get<T>(key: string): Promise<T | undefined>;
  keys(prefix: string): AsyncIterable<string>;
  update<T>(key: string, fn: (current: T | undefined) => T | undefined | Promise<T | undefined>, ttlMs?: number): Promise<T | undefined>;
}

/** What a vote record holds once its asker asked to be forgotten: no member id (nobody's id matches it). */
export const FORGOTTEN_ASKER = '';

async function voteKeysOf(kv: VotePrivacyKv, scope: Scope): Promise<string[]> {
  const out: string[] = [];
  for await (const key of kv.keys(keys.vote(scope, ''))) out.push(key);
  return out;
}

/** Every vote record (`vote:{scope}:{pollId}`) of a poll this member started in this scope, oldest first. */
export async function votesOfMember(kv: VotePrivacyKv, scope: Scope, userId: string): Promise<VoteRecord[]> {
  const out: VoteRecord[] = [];
  for (const key of await voteKeysOf(kv, scope)) {
    const record = await kv.get<VoteRecord>(key);
    if (record?.askerId === userId) out.push(record);
  }
  return out.sort((a, b) => a.openedAt - b.openedAt);
}

/**
 * Takes the member's id out of the vote records of polls they started in this scope (the record itself stays,
 * so an open poll still closes and announces its winner, and it expires when it would have). Returns how many
 * records changed. The server's pick (`vote-pick:{scope}`) holds no member id and is left as it is.
 */
export async function forgetMemberVotes(kv: VotePrivacyKv, scope: Scope, userId: string, now: number): Promise<number> {
  let changed = 0;
  for (const key of await voteKeysOf(kv, scope)) {
    const current = await kv.get<VoteRecord>(key);
    if (current?.askerId !== userId) continue;
    const ttlLeft = Math.max(1, current.openedAt + KEEP_MS - now);
    await kv.update<VoteRecord>(
      key,
      (cur) => {
        if (!cur || cur.askerId !== userId) return undefined;
        changed++;
        const outcome = cur.outcome ? { outcome: { ...cur.outcome, askerId: FORGOTTEN_ASKER } } : {};
        return { ...cur, askerId: FORGOTTEN_ASKER, ...outcome };
      },
      ttlLeft,
    );
  }
  return changed;
}
