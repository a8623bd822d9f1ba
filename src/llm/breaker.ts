import { createBreaker as createKitBreaker, type Breaker, type BreakerOptions } from '../kit/index.js';
import { LlmError } from './types.js';

export type { Breaker, BreakerOptions };

/** Kinds that say nothing about the provider's health (the answer was refused or empty): they count as a success. */
const NEUTRAL = new Set<LlmError['kind']>(['blocked', 'empty', 'bad-request']);

/** The provider's circuit breaker (kit `createBreaker`, cockatiel): 5 failures in a row pause it for 30 s. */
export function createBreaker(opts: BreakerOptions = {}): Breaker {
  return createKitBreaker({ isFailure: (e) => !(e instanceof LlmError && NEUTRAL.has(e.kind)), ...opts });
}

/** The breaker given to a provider, or a new one built from the given options. */
export function toBreaker(b: Breaker | BreakerOptions | undefined): Breaker {
  return b && 'execute' in b ? b : createBreaker(b);
}
