/**
 * Budget reservations. Checking the budget and recording the call are ONE step: `reserve` checks the daily
 * limits and records `calls: 1` before any request goes out, serialised per scope in this process, so
 * concurrent calls (pointwise workers, several commands) cannot all pass the same check. Tokens are added
 * after the answer (they are not known before).
 *
 * The usage store only adds, so a reservation that sent nothing (the breaker refused it) is kept as an
 * in-memory credit: the budget check does not count it, and the next reservation of the same user on the
 * same day uses it instead of recording another call. Credits die with the process (the call then stays
 * counted: conservative).
 */
import { KeyedLock } from '../kit/index.js';
import { checkBudget } from './budget.js';
import type { LlmContext, UsageCounts, UsageLike } from './contracts.js';

export interface Reserver {
  /** Null when the call is reserved (counted), else the sentence saying which limit was reached. */
  reserve(ctx: LlmContext): Promise<string | null>;
  /** Gives back a reservation whose request never went out. */
  release(ctx: LlmContext): void;
}

export function createReserver(usage: UsageLike, clock: () => number = Date.now): Reserver {
  /** The budget logic below is ours; serialising it per scope is the kit's KeyedLock. */
  const lock = new KeyedLock();
  let day = '';
  /** Unused reservations today: per `scope\0user`, and their sum per scope. */
  const userCredit = new Map<string, number>();
  const scopeCredit = new Map<string, number>();

  const today = () => {
    const d = new Date(clock()).toISOString().slice(0, 10);
    if (d !== day) {
      day = d;
      userCredit.clear();
      scopeCredit.clear();
    }
  };
  const bump = (m: Map<string, number>, k: string, by: number) => {
    const n = (m.get(k) ?? 0) + by;
    if (n > 0) m.set(k, n);
    else m.delete(k);
  };
  const less = (u: UsageCounts, credit: number): UsageCounts => ({ ...u, calls: Math.max(0, u.calls - credit) });

  /** The usage as the check should see it: recorded calls minus unused reservations. */
  const view: UsageLike = {
    add: (scope, user, u) => usage.add(scope, user, u),
    get: async (scope, user, d) => less(await usage.get(scope, user, d), userCredit.get(`${scope}\0${user}`) ?? 0),
    getServer: async (scope, d) => less(await usage.getServer(scope, d), scopeCredit.get(scope) ?? 0),
  };

  return {
    reserve: (ctx) =>
      lock.withLock(ctx.scope, async () => {
        today();
        const over = await checkBudget(view, ctx.scope, ctx.userId, ctx.budget);
        if (over) return over;
        const k = `${ctx.scope}\0${ctx.userId}`;
        if ((userCredit.get(k) ?? 0) > 0) {
          bump(userCredit, k, -1);
          bump(scopeCredit, ctx.scope, -1);
        } else {
          await usage.add(ctx.scope, ctx.userId, { calls: 1, promptTokens: 0, outputTokens: 0 });
        }
        return null;
      }),
    release(ctx) {
      today();
      bump(userCredit, `${ctx.scope}\0${ctx.userId}`, 1);
      bump(scopeCredit, ctx.scope, 1);
    },
  };
}
