import { BreakerOpenError, errorMessage, retry, type Breaker, type RetryOptions } from '../kit/index.js';
import { LlmError } from './types.js';

export type { RetryOptions };

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

/** Kinds worth another try: the same request may succeed a moment later. */
export const RETRYABLE = new Set<LlmError['kind']>(['rate-limit', 'server', 'network']);

/** Retry what may pass a moment later; wait at least what the server asked for (Gemini RetryInfo, Retry-After). */
const LLM_RETRY = {
  shouldRetry: (e: unknown) => e instanceof LlmError && RETRYABLE.has(e.kind),
  retryAfterMs: (e: unknown) => (e instanceof LlmError ? e.retryAfterMs : undefined),
};

/**
 * Runs `attempt` through the breaker with jittered exponential backoff on retryable errors (kit `retry`:
 * first wait 500 ms, doubling, at most 10 s unless `opts` says otherwise). A server's RetryInfo delay
 * (`retryAfterMs`) is honoured, capped by `maxDelayMs`. One logical call counts as one breaker success or
 * failure, whatever the number of attempts; a refusal by the breaker is an LlmError of kind `circuit-open`.
 */
export async function withRetry<T>(attempt: () => Promise<T>, breaker: Breaker, opts: RetryOptions = {}, signal?: AbortSignal): Promise<T> {
  const typed = async (): Promise<T> => {
    try {
      return await attempt();
    } catch (e) {
      throw e instanceof LlmError ? e : new LlmError('network', errorMessage(e));
    }
  };
  try {
    return await breaker.execute(() => retry(typed, LLM_RETRY, { retries: DEFAULT_RETRIES, ...opts }, signal));
  } catch (e) {
    if (e instanceof BreakerOpenError) {
      throw new LlmError('circuit-open', `provider paused after repeated failures; retrying in ${Math.ceil(e.retryInMs / 1000)} s`);
    }
    throw e;
  }
}
