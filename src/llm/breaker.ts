/**
 * Circuit breaker: after `threshold` consecutive failures it opens for `cooldownMs`; while open, calls are
 * refused without touching the network. After the cooldown one trial call is let through (half-open): its
 * success closes the breaker, its failure opens it again.
 */
export interface BreakerOptions {
  threshold?: number;
  cooldownMs?: number;
  clock?: () => number;
}

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface Breaker {
  /** True when a call may go out now (in half-open, only one at a time). */
  tryPass(): boolean;
  success(): void;
  failure(): void;
  state(): BreakerState;
  /** Milliseconds until a trial call is allowed again (0 when closed). */
  retryInMs(): number;
}

export function createBreaker(opts: BreakerOptions = {}): Breaker {
  const threshold = opts.threshold ?? 5;
  const cooldownMs = opts.cooldownMs ?? 30_000;
  const clock = opts.clock ?? Date.now;
  let failures = 0;
  let openedAt: number | null = null;
  let trialInFlight = false;

  const state = (): BreakerState => {
    if (openedAt === null) return 'closed';
    return clock() - openedAt >= cooldownMs ? 'half-open' : 'open';
  };

  return {
    tryPass() {
      const s = state();
      if (s === 'closed') return true;
      if (s === 'open' || trialInFlight) return false;
      trialInFlight = true;
      return true;
    },
    success() {
      failures = 0;
      openedAt = null;
      trialInFlight = false;
    },
    failure() {
      failures++;
      if (trialInFlight || failures >= threshold) openedAt = clock();
      trialInFlight = false;
    },
    state,
    retryInMs() {
      return openedAt === null ? 0 : Math.max(0, cooldownMs - (clock() - openedAt));
    },
  };
}
