import { ValidationError } from './errors.js';
import { keys } from './keys.js';
import type { Store } from './kv.js';
import type { UsageCounter } from './types.js';
import type { Scope } from '../domain/profile.js';

export interface UsageRepoOptions {
  clock?: () => number;
  /** Counters expire this long after their last change. Default 40 days. */
  retentionMs?: number;
}

const ZERO: UsageCounter = { calls: 0, promptTokens: 0, outputTokens: 0 };

/** UTC day `yyyy-mm-dd` of an epoch-ms time. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** LLM calls and tokens per user and day (`usage:{scope}:{user}:{day}`) and per server (`usage:{scope}:*:{day}`). */
export class UsageRepo {
  private readonly clock: () => number;
  private readonly retentionMs: number;

  constructor(private readonly store: Store, opts: UsageRepoOptions = {}) {
    this.clock = opts.clock ?? Date.now;
    this.retentionMs = opts.retentionMs ?? 40 * 24 * 3600_000;
  }

  today(): string {
    return utcDay(this.clock());
  }

  /** Adds to today's counters of the user and of the server; returns the user's new total. */
  async add(scope: Scope, user: string, delta: Partial<UsageCounter>): Promise<UsageCounter> {
    const d = { ...ZERO, ...delta };
    for (const [k, v] of Object.entries(d)) {
      if (!Number.isInteger(v) || v < 0) throw new ValidationError('usage.value', `${k} must be a whole number >= 0`, { [k]: v });
    }
    const day = this.today();
    const plus = (c: UsageCounter | undefined): UsageCounter => ({
      calls: (c?.calls ?? 0) + d.calls,
      promptTokens: (c?.promptTokens ?? 0) + d.promptTokens,
      outputTokens: (c?.outputTokens ?? 0) + d.outputTokens,
    });
    const mine = await this.store.update<UsageCounter>(keys.usage(scope, user, day), plus, this.retentionMs);
    await this.store.update<UsageCounter>(keys.usageServer(scope, day), plus, this.retentionMs);
    return mine ?? { ...ZERO };
  }

  async get(scope: Scope, user: string, day: string = this.today()): Promise<UsageCounter> {
    return (await this.store.get<UsageCounter>(keys.usage(scope, user, day))) ?? { ...ZERO };
  }

  async getServer(scope: Scope, day: string = this.today()): Promise<UsageCounter> {
    return (await this.store.get<UsageCounter>(keys.usageServer(scope, day))) ?? { ...ZERO };
  }

  /** Keys of this user's counters (not the server totals), for the privacy service. */
  async userKeys(scope: Scope, user: string): Promise<string[]> {
    const out: string[] = [];
    for await (const k of this.store.keys(keys.usageUserPrefix(scope, user))) out.push(k);
    return out;
  }

  /** Deletes the user's counters; server totals stay (they name nobody). Returns how many. */
  async deleteUser(scope: Scope, user: string): Promise<number> {
    const ks = await this.userKeys(scope, user);
    await this.store.deleteMany(ks);
    return ks.length;
  }
}
