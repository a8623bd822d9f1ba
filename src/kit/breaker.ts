import { BrokenCircuitError, CircuitState, ConsecutiveBreaker, circuitBreaker, handleAll } from 'cockatiel';

export interface BreakerOptions {
  /** Consecutive failures that open the breaker (default 5). */
  threshold?: number;
  /** How long it stays open before one trial call (default 30 s). */
  cooldownMs?: number;
  /** Whether an error says the service is unhealthy (default: all). Others count as a success. */
  isFailure?: (e: unknown) => boolean;
}

export type BreakerState = 'closed' | 'open' | 'half-open';

/** Thrown instead of running the call while the breaker is open or its trial call is in flight. */
export class BreakerOpenError extends Error {
  override readonly name = 'BreakerOpenError';
  constructor(readonly retryInMs: number) {
    super(`circuit open; retrying in ${Math.ceil(retryInMs / 1000)} s`);
  }
}

export interface Breaker {
  /** Runs `fn` through the breaker: one call is one success or failure. Throws BreakerOpenError when refused. */
  execute<T>(fn: () => Promise<T>): Promise<T>;
  state(): BreakerState;
  /** Milliseconds until a trial call is allowed again (0 when closed). */
  retryInMs(): number;
}

/**
 * Circuit breaker, cockatiel's (ConsecutiveBreaker): after `threshold` failures in a row it opens for
 * `cooldownMs` and refuses calls without running them; then one trial call goes through (half-open), whose
 * success closes it and whose failure opens it again. Two things are ours, to keep what callers rely on:
 * - calls made while the trial is in flight are refused (cockatiel queues them behind it: a user would wait
 *   up to a whole LLM deadline for what is now an instant offline answer);
 * - an error that `isFailure` clears (a refused or empty answer) counts as a success, as before: it resets
 *   the count and closes a half-open breaker (cockatiel would leave the count as it was).
 */
export function createBreaker(opts: BreakerOptions = {}): Breaker {
  const cooldownMs = opts.cooldownMs ?? 30_000;
  const isFailure = opts.isFailure ?? (() => true);
  const policy = circuitBreaker(handleAll, { halfOpenAfter: cooldownMs, breaker: new ConsecutiveBreaker(opts.threshold ?? 5) });
  let openedAt = 0;
  policy.onBreak(() => (openedAt = Date.now()));
  const retryInMs = () => (policy.state === CircuitState.Open ? Math.max(0, cooldownMs - (Date.now() - openedAt)) : 0);
  return {
    async execute<T>(fn: () => Promise<T>): Promise<T> {
      if (policy.state === CircuitState.HalfOpen) throw new BreakerOpenError(0);
      // a cleared error travels as a value, so that cockatiel records a success
      const run = async () => fn().then((value) => ({ value }), (error: unknown) => (isFailure(error) ? Promise.reject(error) : { error }));
      const out = await policy.execute(run).catch((e: unknown) => Promise.reject(e instanceof BrokenCircuitError ? new BreakerOpenError(retryInMs()) : e));
      if ('error' in out) throw out.error;
      return out.value;
    },
    state: () => (['closed', 'open', 'half-open', 'open'] as const)[policy.state],
    retryInMs,
  };
}
