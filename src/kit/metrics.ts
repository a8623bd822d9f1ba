/**
 * What the bot reports for operations (Prometheus in production, `src/ops/prom-metrics.ts`), as a small
 * interface every layer can take as an optional dependency without importing a metrics library. The default
 * is `NO_METRICS` (does nothing), so tests and the playground pass nothing.
 */

/** How an interaction ended for the member: answered, a user error (message table), a bug (apology), or turned away while stopping. */
export type InteractionOutcome = 'ok' | 'user-error' | 'error' | 'restarting';

/** How one LLM use call ended at the gateway. */
export type LlmCallOutcome = 'ok' | 'cached' | 'over-budget' | 'failed' | 'bad-answer' | 'timeout';

export interface Metrics {
  /** One interaction handled: `command` is `recommend`, `catalog upload`, `button`, `autocomplete`... */
  interaction(command: string, outcome: InteractionOutcome, seconds: number): void;
  /** An interaction that had neither a reply nor a defer when Discord's 3-second window closed. */
  lateAck(command: string): void;
  /** One gateway call of an LLM use; `seconds` and tokens only when a request went out. */
  llmCall(use: string, outcome: LlmCallOutcome, o?: { seconds?: number; promptTokens?: number; outputTokens?: number }): void;
  /** Ids or titles the model gave that were not among the candidates (dropped by grounding). */
  groundingMiss(use: string, count: number): void;
  /** A store operation that failed (`code` is the StoreError code). */
  storeError(op: string, code: string): void;
  /** A catalog version written (`ok`) or abandoned with the previous one left whole (`failed`). */
  catalogWrite(outcome: 'ok' | 'failed', items: number): void;
}

const nothing = (): void => undefined;

/** The default: reports go nowhere. */
export const NO_METRICS: Metrics = {
  interaction: nothing,
  lateAck: nothing,
  llmCall: nothing,
  groundingMiss: nothing,
  storeError: nothing,
  catalogWrite: nothing,
};
