import type { Reason } from '../../domain/reason.js';
import type { ItemBrief, LlmContext, LlmLimits, LlmOutcome } from '../contracts.js';
import type { Gateway, GatewayResult } from '../gateway.js';
import type { Parsed } from '../parse.js';
import type { LlmUsage } from '../types.js';

export interface UseEnv {
  run: Gateway;
  limits: LlmLimits;
}

export type Ctx = LlmContext;

/** Per-call options of every use. */
export interface CallOptions {
  /** Aborts the use: calls not yet made are not made, a running one stops (ok:false, llm-failed). */
  signal?: AbortSignal;
}

export function failed<T>(r: Extract<GatewayResult<unknown>, { ok: false }>, extra: string[] = []): LlmOutcome<T> {
  return { ok: false, reason: r.reason, calls: r.calls, notes: [r.note, ...extra] };
}

export function succeeded<T>(value: T, r: { calls: number; usage: LlmUsage; cached?: boolean }, notes: string[] = []): LlmOutcome<T> {
  return { ok: true, value, calls: r.calls, usage: r.usage, notes: r.cached ? ['answer from cache', ...notes] : notes };
}

/** Adds a check after schema validation: a parse that passes it is cached, one that fails is not. */
export function andCheck<T>(p: Parsed<T>, check: (v: T) => string | null): Parsed<T> {
  if (!p.ok) return p;
  const why = check(p.value);
  return why ? { ok: false, error: why } : p;
}

export const addUsage = (a: LlmUsage, b: LlmUsage): LlmUsage => ({
  promptTokens: a.promptTokens + b.promptTokens,
  outputTokens: a.outputTokens + b.outputTokens,
});

/** The first `max` candidates, in the given order. */
export const cut = (cs: ItemBrief[], max: number) => cs.slice(0, Math.max(0, max));

export const offlineReasonOf = (reasons?: Record<string, Reason>) => (id: string): Reason => reasons?.[id] ?? { kind: 'offline-rank' };
