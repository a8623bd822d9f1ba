import type { Logger } from '../log.js';
import type { ResponseCache } from './cache.js';
import type { LlmContext, LlmFailReason, UsageLike } from './contracts.js';
import type { Parsed } from './parse.js';
import { createReserver } from './reserve.js';
import { llmDeadlineMs } from './retry.js';
import { deadline } from '../kit/index.js';
import { NO_METRICS, type Metrics } from '../kit/metrics.js';
import { LlmError, type ChatMessage, type JsonSchema, type LlmProvider, type LlmUsage } from './types.js';

/** A prompt ready to send: what a prompt file's builder returns. */
export interface BuiltPrompt {
  version: string;
  system: string;
  messages: ChatMessage[];
  schema: JsonSchema;
  temperature?: number;
  maxOutputTokens?: number;
}

export interface GatewayCall<T> {
  use: string;
  prompt: BuiltPrompt;
  parse(text: string): Parsed<T>;
  /** What the answer depends on, hashed into the cache key (default: the prompt itself). */
  cacheInputs?: unknown;
  /** Aborts the call (e.g. the pipeline stage that made it timed out): no request starts, a running one stops. */
  signal?: AbortSignal;
}

export type GatewayResult<T> =
  | { ok: true; value: T; calls: number; usage: LlmUsage; cached: boolean }
  | { ok: false; reason: LlmFailReason; calls: number; note: string };

export interface GatewayDeps {
  provider: LlmProvider | null;
  cache: ResponseCache;
  usage: UsageLike;
  logger: Logger;
  /** Per-attempt timeout (the provider's); one logical call, retries included, gets `llmDeadlineMs(timeoutMs)`. */
  timeoutMs: number;
  clock?: () => number;
  /** Calls, tokens, latency, cache hits, budget fallbacks and failures by use (default: none). */
  metrics?: Metrics;
}

const FAIL_NOTES: Record<LlmError['kind'], string> = {
  auth: 'the LLM refused the API key',
  'rate-limit': 'the LLM is rate limited right now',
  server: 'the LLM service had an error',
  timeout: 'the LLM did not answer in time',
  blocked: "the LLM's safety filter blocked the answer",
  empty: 'the LLM gave an empty answer',
  'bad-request': 'the LLM refused the request',
  'circuit-open': 'the LLM is paused after repeated failures',
  network: 'the LLM could not be reached',
};

const CANCELLED = { ok: false, reason: 'llm-failed', calls: 0, note: FAIL_NOTES.timeout } as const;

/**
 * The only way a use reaches a provider: cache, then a budget reservation (checked and counted BEFORE any
 * request, atomically per scope), then one call under the overall deadline, then the tokens and one log
 * line (use, latency, tokens; never prompts or keys).
 */
export function createGateway(d: GatewayDeps) {
  const clock = d.clock ?? Date.now;
  const reserver = createReserver(d.usage, clock);
  const overallMs = llmDeadlineMs(d.timeoutMs);
  const metrics = d.metrics ?? NO_METRICS;
  return async function run<T>(ctx: LlmContext, call: GatewayCall<T>): Promise<GatewayResult<T>> {
    const p = d.provider;
    if (!p) return { ok: false, reason: 'no-key', calls: 0, note: 'no LLM is configured' };
    if (!ctx.enabled) return { ok: false, reason: 'disabled', calls: 0, note: 'the LLM is turned off here' };
    if (call.signal?.aborted) return CANCELLED;
    const log = d.logger.child({ use: call.use, provider: p.name, model: p.model, scope: ctx.scope });
    const key = d.cache.key(call.use, call.prompt.version, p.model, call.cacheInputs ?? call.prompt);
    const hit = await d.cache.get(key);
    if (hit) {
      const parsed = call.parse(hit.text);
      if (parsed.ok) {
        log.info({ cached: true, promptTokens: 0, outputTokens: 0, latencyMs: 0 }, 'llm call');
        metrics.llmCall(call.use, 'cached');
        return { ok: true, value: parsed.value, calls: 0, usage: { promptTokens: 0, outputTokens: 0 }, cached: true };
      }
    }
    const over = await reserver.reserve(ctx);
    if (over) {
      log.info({ outcome: 'over-budget' }, 'llm call skipped');
      metrics.llmCall(call.use, 'over-budget');
      return { ok: false, reason: 'over-budget', calls: 0, note: over };
    }
    if (call.signal?.aborted) {
      reserver.release(ctx);
      return CANCELLED;
    }
    const started = clock();
    const dl = deadline(overallMs, call.signal);
    try {
      const r = await p.generate({ use: call.use, ...call.prompt, signal: dl.signal });
      if (r.usage.promptTokens + r.usage.outputTokens > 0) await d.usage.add(ctx.scope, ctx.userId, { calls: 0, ...r.usage });
      const parsed = call.parse(r.text);
      log.info(
        { cached: false, latencyMs: r.latencyMs, promptTokens: r.usage.promptTokens, outputTokens: r.usage.outputTokens, finishReason: r.finishReason, outcome: parsed.ok ? 'ok' : 'bad-answer' },
        'llm call',
      );
      metrics.llmCall(call.use, parsed.ok ? 'ok' : 'bad-answer', { seconds: r.latencyMs / 1000, ...r.usage });
      if (!parsed.ok) return { ok: false, reason: 'bad-answer', calls: 1, note: `the LLM's answer was unusable (${parsed.error})` };
      await d.cache.set(key, { text: r.text, usage: r.usage });
      return { ok: true, value: parsed.value, calls: 1, usage: r.usage, cached: false };
    } catch (e) {
      const err = e instanceof LlmError ? e : new LlmError('network', 'unexpected provider failure');
      const wentOut = err.kind !== 'circuit-open';
      if (!wentOut) reserver.release(ctx);
      // our own deadline, or the caller's (a stage timeout), both read as "too slow"
      const late = dl.signal.aborted;
      log.warn({ latencyMs: clock() - started, outcome: 'llm-failed', kind: late ? 'timeout' : err.kind }, 'llm call failed');
      metrics.llmCall(call.use, late ? 'timeout' : 'failed', wentOut ? { seconds: (clock() - started) / 1000 } : {});
      const note = late ? FAIL_NOTES.timeout : FAIL_NOTES[err.kind];
      return { ok: false, reason: 'llm-failed', calls: wentOut ? 1 : 0, note };
    } finally {
      dl.done();
    }
  };
}
export type Gateway = ReturnType<typeof createGateway>;
