import type { CatalogItem } from '../domain/item.js';
import type { Scope } from '../domain/profile.js';
import { AppError } from './errors.js';
import { VOTE, type GroupPick, type VoteOutcome, type VoteRecord, type VoteCaller, type VoteService, type VotedItem } from './vote-types.js';

/** The little of a store the votes need (the app's `Store` fits; `update` is read-modify-write under the key's lock). */
export interface VoteKv {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlMs?: number): Promise<void>;
  update<T>(key: string, fn: (current: T | undefined) => T | undefined | Promise<T | undefined>, ttlMs?: number): Promise<T | undefined>;
}

export interface VoteDeps {
  kv: VoteKv;
  item(scope: Scope, id: string): Promise<CatalogItem | null>;
  clock: () => number;
}

/** A record outlives its poll by a week (the event button works that long), then goes. */
export const KEEP_MS = (VOTE.maxHours + 7 * 24) * 3_600_000;
export const keys = {
  vote: (scope: Scope, pollId: string) => `vote:${scope}:${pollId}`,
  pick: (scope: Scope) => `vote-pick:${scope}`,
};

/** How long a claim on an announcement holds (a handler that died mid-way frees it by then). */
const CLAIM_MS = 60_000;

const voted = (it: CatalogItem): VotedItem => ({ id: it.id, title: it.title, ...(it.year ? { year: it.year } : {}) });

/** Whole hours from 1 to 72, or AppError('vote.duration'). */
export function checkVoteHours(hours: number): number {
  if (!Number.isInteger(hours) || hours < VOTE.minHours || hours > VOTE.maxHours) {
    throw new AppError('vote.duration', { min: VOTE.minHours, max: VOTE.maxHours, value: String(hours) });
  }
  return hours;
}

/** Pure: the winner by count, ties broken by the list's order; nobody voted: no winner. */
export function tally(items: readonly VotedItem[], counts: readonly number[]): Pick<VoteOutcome, 'winner' | 'votes' | 'total' | 'tied'> {
  const c = items.map((_, i) => Math.max(0, Math.floor(counts[i] ?? 0)));
  const total = c.reduce((a, b) => a + b, 0);
  const top = Math.max(0, ...c);
  if (total === 0) return { votes: 0, total: 0, tied: [] };
  const best = items.filter((_, i) => c[i] === top);
  return { winner: best[0], votes: top, total, tied: best.length > 1 ? best : [] };
}

export function createVotes(d: VoteDeps): VoteService {
  return {
    async plan(c: VoteCaller, input) {
      const hours = checkVoteHours(input.hours);
      const ids = [...new Set(input.itemIds)];
      const found = await Promise.all(ids.map((id) => d.item(c.scope, id)));
      const items = found.filter((x): x is CatalogItem => x !== null).slice(0, VOTE.maxItems);
      if (items.length < VOTE.minItems) throw new AppError('vote.too-few', { min: VOTE.minItems });
      return { items, hours };
    },

    async opened(c, input) {
      const record: VoteRecord = { pollId: input.pollId, channelId: input.channelId, askerId: c.userId,
        items: input.plan.items.map(voted), hours: input.plan.hours, openedAt: d.clock() };
      await d.kv.set(keys.vote(c.scope, input.pollId), record, KEEP_MS);
    },

    async close(scope, input) {
      const now = d.clock();
      let outcome: VoteOutcome | null = null;
      let first = false;
      await d.kv.update<VoteRecord>(keys.vote(scope, input.pollId), (cur) => {
        if (!cur || cur.announced || (cur.announcing !== undefined && now - cur.announcing < CLAIM_MS)) return undefined;
        first = !cur.outcome;
        outcome = cur.outcome ?? { pollId: cur.pollId, channelId: cur.channelId, askerId: cur.askerId, ...tally(cur.items, input.counts) };
        return { ...cur, outcome, announcing: now };
      }, KEEP_MS);
      const o = outcome as VoteOutcome | null;
      if (first && o?.winner) {
        const pick: GroupPick = { item: o.winner, votes: o.votes, total: o.total, at: now, pollId: o.pollId };
        await d.kv.set(keys.pick(scope), pick);
      }
      return o;
    },

    async announced(scope, pollId) {
      await d.kv.update<VoteRecord>(keys.vote(scope, pollId), (cur) => (cur ? { ...cur, announced: true, announcing: undefined } : undefined), KEEP_MS);
    },

    async announceFailed(scope, pollId) {
      await d.kv.update<VoteRecord>(keys.vote(scope, pollId), (cur) => (cur && !cur.announced ? { ...cur, announcing: undefined } : undefined), KEEP_MS);
    },

    async get(scope, pollId) {
      return (await d.kv.get<VoteRecord>(keys.vote(scope, pollId))) ?? null;
    },

    async pick(scope) {
      return (await d.kv.get<GroupPick>(keys.pick(scope))) ?? null;
    },
  };
}
