import { LlmError } from './types.js';
import type { Breaker } from './breaker.js';
import { sleep as realSleep, type Sleep } from './timing.js';

/** Retries after the first attempt when none are configured. */
export const DEFAULT_RETRIES = 2;
/** Room for the backoff waits between attempts in `llmDeadlineMs` (the defaults wait at most 0.5 s + 1 s). */
export const BACKOFF_ALLOWANCE_MS = 2_000;

/**
 * The longest one logical LLM call may take, retries included: every attempt at its full per-attempt
 * timeout (`timeoutMs`, LLM_TIMEOUT_MS) plus the backoff between them, i.e. 3 x timeoutMs + 2 s. The gateway
 * gives up at this deadline; a pipeline stage that wraps one LLM call should use it as its timeout.
 */
export function llmDeadlineMs(timeoutMs: number): number {
  return (DEFAULT_RETRIES + 1) * timeoutMs + BACKOFF_ALLOWANCE_MS;
}

export interface RetryOptions {
  /** Retries after the first attempt (default DEFAULT_RETRIES = 2). */
  retries?: number;
  /** First backoff delay; doubles each retry, jittered to 50-100% (default 500 ms). */
  baseDelayMs?: number;
  /** Upper bound for any wait, including a server's RetryInfo delay (default 10 s). */
  maxDelayMs?: number;
  sleep?: Sleep;
  random?: () => number;
}

/** Kinds worth another try: the same request may succeed a moment later. */
export const RETRYABLE = new Set<LlmError['kind']>(['rate-limit', 'server', 'network']);
/** Kinds that say nothing about the provider's health (the answer was refused or empty). */
const NEUTRAL = new Set<LlmError['kind']>(['blocked', 'empty', 'bad-request']);

/**
 * Runs `attempt` through the breaker with jittered exponential backoff on retryable errors. A server's
 * RetryInfo delay (`retryAfterMs`) is honoured, capped by `maxDelayMs`. One logical call counts as one
 * breaker success or failure, whatever the number of attempts.
 */
export async function withRetry<T>(
  attempt: () => Promise<T>,
  breaker: Breaker,
  opts: RetryOptions = {},
  signal?: AbortSignal,
): Promise<T> {
  const retries = opts.retries ?? DEFAULT_RETRIES;
  const base = opts.baseDelayMs ?? 500;
  const max = opts.maxDelayMs ?? 10_000;
  const sleep = opts.sleep ?? realSleep;
  const random = opts.random ?? Math.random;
  if (!breaker.tryPass()) {
    throw new LlmError('circuit-open', `provider paused after repeated failures; retrying in ${Math.ceil(breaker.retryInMs() / 1000)} s`);
  }
  for (let i = 0; ; i++) {
    try {
      const out = await attempt();
      breaker.success();
      return out;
    } catch (e) {
      const err = e instanceof LlmError ? e : new LlmError('network', e instanceof Error ? e.message : String(e));
      if (i < retries && RETRYABLE.has(err.kind) && !signal?.aborted) {
        const backoff = Math.min(max, base * 2 ** i) * (0.5 + random() / 2);
        const wait = Math.min(max, Math.max(backoff, err.retryAfterMs ?? 0));
        try {
          await sleep(wait, signal);
          continue;
        } catch {
          /* aborted while waiting: fall through with the last error */
        }
      }
      if (NEUTRAL.has(err.kind)) breaker.success();
      else breaker.failure();
      throw err;
    }
  }
}
