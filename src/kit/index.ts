/**
 * The async toolkit every layer shares: per-key locks, deadlines and timeouts, retry with backoff, a circuit
 * breaker, an LRU map, error text and the list of secret names. Libraries where they fit (async-mutex,
 * cockatiel, lru-cache); own code only where measured (see each file).
 */
export { KeyedLock } from './lock.js';
export { deadline, settleWithin, sleep, withTimeout, type Deadline, type Sleep } from './timing.js';
export { mapLimit } from './map-limit.js';
export { retry, type RetryOptions, type RetryPolicy } from './retry.js';
export { BreakerOpenError, createBreaker, type Breaker, type BreakerOptions, type BreakerState } from './breaker.js';
export { describeError, errorMessage } from './errors.js';
export { SECRET_QUERY_PARAMS, SECRET_VARS, isSecretField, secretValues, type SecretVar } from './secrets.js';
export { LRUCache } from 'lru-cache';
export { Cooldown, type CooldownOptions, type Take } from './cooldown.js';
