import type { Config } from '../config.js';
import type { Breaker, BreakerOptions } from './breaker.js';
import { createGeminiProvider } from './gemini.js';
import { createOpenAiProvider } from './openai.js';
import type { RetryOptions } from './retry.js';
import type { LlmProvider } from './types.js';

export interface ProviderDeps {
  fetch?: typeof globalThis.fetch;
  clock?: () => number;
  retry?: RetryOptions;
  breaker?: Breaker | BreakerOptions;
}

/** The configured provider, or null when LLM_PROVIDER=none (the offline engine answers everything). */
export function createProvider(config: Config, deps: ProviderDeps = {}): LlmProvider | null {
  // per attempt: one call with its retries is bounded by llmDeadlineMs(LLM_TIMEOUT_MS) in the gateway
  const common = { timeoutMs: config.LLM_TIMEOUT_MS, clock: deps.clock, retry: deps.retry, breaker: deps.breaker };
  switch (config.LLM_PROVIDER) {
    case 'gemini':
      if (!config.GEMINI_API_KEY) return null;
      return createGeminiProvider({
        ...common,
        apiKey: config.GEMINI_API_KEY,
        model: config.GEMINI_MODEL,
        embedModel: config.GEMINI_EMBED_MODEL,
        embedDims: config.GEMINI_EMBED_DIMS,
        baseUrl: config.GEMINI_BASE_URL,
      });
    case 'openai':
      if (!config.OPENAI_BASE_URL || !config.OPENAI_MODEL) return null;
      return createOpenAiProvider({
        ...common,
        baseUrl: config.OPENAI_BASE_URL,
        model: config.OPENAI_MODEL,
        apiKey: config.OPENAI_API_KEY,
        embedModel: config.OPENAI_EMBED_MODEL,
        embedDims: config.OPENAI_EMBED_DIMS,
        fetch: deps.fetch,
      });
    default:
      return null;
  }
}
