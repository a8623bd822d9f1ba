import { sleep as realSleep, type Sleep } from './timing.js';

export interface RetryOptions {
  /** Retries after the first attempt. */
  retries?: number;
  /** First backoff delay; doubles each retry, jittered to 50-100%. */
  baseDelayMs?: number;
  /** Upper bound for any wait, including one the error asks for (`retryAfterMs`). */
  maxDelayMs?: number;
  sleep?: Sleep;
  random?: () => number;
}

export interface RetryPolicy {
  /** Whether this error is worth another try. */
  shouldRetry(e: unknown): boolean;
  /** The wait the server asked for (Gemini's RetryInfo, HTTP Retry-After), if any; it replaces a shorter backoff. */
  retryAfterMs?(e: unknown): number | undefined;
}

/**
 * Runs `attempt` again on retryable errors, with jittered exponential backoff:
 * wait = min(max, max(min(max, base * 2^i) * (0.5 + random() / 2), retryAfterMs)).
 * An abort of `signal` ends a wait at once and rethrows the last error; no attempt starts once it has aborted.
 *
 * Own loop rather than cockatiel@3's RetryPolicy, measured: its backoff is a plain setTimeout that an
 * AbortSignal does not cut short, and it then calls the function once more although the signal has aborted
 * (aborted 100 ms into a 3 s backoff, cockatiel 3.2.1 rejected after 3002 ms with a second call); a stage
 * deadline must end the call at once. Its sleep also cannot be injected (tests record the waits).
 */
export async function retry<T>(attempt: () => Promise<T>, policy: RetryPolicy, opts: RetryOptions = {}, signal?: AbortSignal): Promise<T> {
  const retries = opts.retries ?? 2;
  const base = opts.baseDelayMs ?? 500;
  const max = opts.maxDelayMs ?? 10_000;
  const sleep = opts.sleep ?? realSleep;
  const random = opts.random ?? Math.random;
  for (let i = 0; ; i++) {
    try {
      return await attempt();
    } catch (err) {
      if (i >= retries || !policy.shouldRetry(err) || signal?.aborted) throw err;
      const backoff = Math.min(max, base * 2 ** i) * (0.5 + random() / 2);
      const wait = Math.min(max, Math.max(backoff, policy.retryAfterMs?.(err) ?? 0));
      try {
        await sleep(wait, signal);
      } catch {
        throw err; // aborted while waiting: the last error stands
      }
    }
  }
}
