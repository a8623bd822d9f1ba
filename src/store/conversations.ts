import { keys } from './keys.js';
import type { Store } from './kv.js';
import type { Conversation } from '../domain/conversation.js';
import type { Scope } from '../domain/profile.js';

export interface ConversationRepoOptions {
  clock?: () => number;
  /** A conversation expires this long after its last save. Default 7 days. */
  ttlMs?: number;
}

/** threadId -> expiry time; pruned on every change. */
type UserIndex = Record<string, number>;

/**
 * Conversations (`conv:{threadId}`) expire `ttlMs` after their last save. An index per
 * (scope, user), `convs:{scope}:{user}`, lets the privacy service find a user's conversations.
 */
export class ConversationRepo {
  private readonly clock: () => number;
  readonly ttlMs: number;

  constructor(private readonly store: Store, opts: ConversationRepoOptions = {}) {
    this.clock = opts.clock ?? Date.now;
    this.ttlMs = opts.ttlMs ?? 7 * 24 * 3600_000;
  }

  async get(threadId: string): Promise<Conversation | undefined> {
    return this.store.get<Conversation>(keys.conversation(threadId));
  }

  async save(conv: Conversation): Promise<void> {
    const key = keys.conversation(conv.id);
    await this.store.withLock(key, async () => {
      await this.index(conv.scope, conv.ownerId, (ix) => {
        ix[conv.id] = this.clock() + this.ttlMs;
      });
      await this.store.set(key, conv, this.ttlMs);
    });
  }

  /** Read-modify-write of one conversation under its lock; `fn` returning undefined leaves it as is. */
  async update(threadId: string, fn: (c: Conversation) => Conversation | undefined | Promise<Conversation | undefined>): Promise<Conversation | undefined> {
    const key = keys.conversation(threadId);
    return this.store.withLock(key, async () => {
      const current = await this.store.get<Conversation>(key);
      if (!current) return undefined;
      const next = await fn(current);
      if (!next) return current;
      await this.index(next.scope, next.ownerId, (ix) => {
        ix[next.id] = this.clock() + this.ttlMs;
      });
      await this.store.set(key, next, this.ttlMs);
      return next;
    });
  }

  async delete(threadId: string): Promise<boolean> {
    const key = keys.conversation(threadId);
    return this.store.withLock(key, async () => {
      const current = await this.store.get<Conversation>(key);
      const existed = await this.store.delete(key);
      if (current) await this.index(current.scope, current.ownerId, (ix) => void delete ix[threadId]);
      return existed;
    });
  }

  /** Thread ids of the user's live conversations in this scope. */
  async listForUser(scope: Scope, user: string): Promise<string[]> {
    const ix = (await this.store.get<UserIndex>(keys.conversationIndex(scope, user))) ?? {};
    const now = this.clock();
    return Object.keys(ix).filter((id) => ix[id] > now);
  }

  /** Keys holding this user's conversations (and their index), for the privacy service. */
  async userKeys(scope: Scope, user: string): Promise<string[]> {
    const ids = await this.listForUser(scope, user);
    return [...ids.map((id) => keys.conversation(id)), keys.conversationIndex(scope, user)];
  }

  /** Deletes every conversation of the user in this scope; returns how many there were. */
  async deleteUser(scope: Scope, user: string): Promise<number> {
    const ids = await this.listForUser(scope, user);
    let n = 0;
    for (const id of ids) if (await this.delete(id)) n += 1;
    await this.store.delete(keys.conversationIndex(scope, user));
    return n;
  }

  private async index(scope: Scope, user: string, change: (ix: UserIndex) => void): Promise<void> {
    const now = this.clock();
    await this.store.update<UserIndex>(
      keys.conversationIndex(scope, user),
      (ix) => {
        const next: UserIndex = {};
        for (const [id, exp] of Object.entries(ix ?? {})) if (exp > now) next[id] = exp;
        change(next);
        return next;
      },
      this.ttlMs,
    );
  }
}
