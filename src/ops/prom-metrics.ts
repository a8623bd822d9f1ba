import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { InteractionOutcome, LlmCallOutcome, Metrics } from '../kit/metrics.js';

export interface PromMetricsOptions {
  /** This process's shard id(s), put on every series as the `shard` label (e.g. "0", or "2,3"). */
  shard: string;
  /** Node's process metrics (memory, event loop lag, GC); default true. */
  processMetrics?: boolean;
}

/**
 * What a call says about the response cache: a hit, or a miss that the provider then answered (ok, or an
 * unusable answer). Over-budget, failed and timed-out calls are not counted: no answer came from either
 * side, so counting them as misses would pull the hit rate down with the budget and the provider's health.
 */
export function cacheResult(outcome: LlmCallOutcome): 'hit' | 'miss' | undefined {
  if (outcome === 'cached') return 'hit';
  if (outcome === 'ok' || outcome === 'bad-answer') return 'miss';
  return undefined;
}

const SECONDS = [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 20, 60];

/**
 * `Metrics` in Prometheus form (prom-client), in its own registry so that tests can make several. Every
 * series carries `shard`; the names start with `tastemaker_`, beside Node's `process_*` and `nodejs_*`.
 */
export class PromMetrics implements Metrics {
  readonly registry = new Registry();
  private readonly interactions: Histogram<'command' | 'outcome'>;
  private readonly late: Counter<'command'>;
  private readonly llmCalls: Counter<'use' | 'outcome'>;
  private readonly llmFailures: Counter<'use' | 'reason'>;
  private readonly llmTokens: Counter<'use' | 'kind'>;
  private readonly llmLatency: Histogram<'use'>;
  private readonly llmCache: Counter<'use' | 'result'>;
  private readonly budget: Counter<'use'>;
  private readonly grounding: Counter<'use'>;
  private readonly storeErrors: Counter<'op' | 'code'>;
  private readonly catalogs: Counter<'outcome'>;
  private readonly catalogItems: Counter<'outcome'>;
  private readonly engineScopes: Gauge;
  private scopes: () => number = () => 0;

  constructor(o: PromMetricsOptions) {
    const registers = [this.registry];
    this.registry.setDefaultLabels({ shard: o.shard });
    if (o.processMetrics !== false) collectDefaultMetrics({ register: this.registry });
    this.interactions = new Histogram({
      name: 'tastemaker_interaction_duration_seconds',
      help: 'Interactions from arrival to the end of their handler, by command and outcome (ok, user-error, error, restarting)',
      labelNames: ['command', 'outcome'],
      buckets: SECONDS,
      registers,
    });
    this.late = new Counter({ name: 'tastemaker_interactions_late_ack_total', help: 'Interactions with no reply or defer when the 3 s window closed', labelNames: ['command'], registers });
    this.llmCalls = new Counter({ name: 'tastemaker_llm_calls_total', help: 'LLM use calls at the gateway, by use and outcome (ok, cached, over-budget, failed, timeout, bad-answer)', labelNames: ['use', 'outcome'], registers });
    this.llmFailures = new Counter({ name: 'tastemaker_llm_failures_total', help: 'LLM calls that gave no usable answer (failed, timeout, bad-answer)', labelNames: ['use', 'reason'], registers });
    this.llmTokens = new Counter({ name: 'tastemaker_llm_tokens_total', help: 'LLM tokens, by use and kind (prompt, output)', labelNames: ['use', 'kind'], registers });
    this.llmLatency = new Histogram({ name: 'tastemaker_llm_latency_seconds', help: 'Latency of LLM requests that went out, retries included', labelNames: ['use'], buckets: SECONDS, registers });
    this.llmCache = new Counter({ name: 'tastemaker_llm_cache_total', help: 'LLM answers by where they came from: hit (the response cache), miss (the cache had none, the provider answered); hit rate = hit / (hit + miss). Over-budget and failed calls are in the other series, not here', labelNames: ['use', 'result'], registers });
    this.budget = new Counter({ name: 'tastemaker_llm_budget_fallbacks_total', help: 'Calls the daily budget turned to the offline engine', labelNames: ['use'], registers });
    this.grounding = new Counter({ name: 'tastemaker_llm_grounding_misses_total', help: 'Ids a model gave that were not among the candidates (dropped)', labelNames: ['use'], registers });
    this.storeErrors = new Counter({ name: 'tastemaker_store_errors_total', help: 'Failed store operations, by operation and error code', labelNames: ['op', 'code'], registers });
    this.catalogs = new Counter({ name: 'tastemaker_catalog_uploads_total', help: 'Catalog versions written (upload, merge, starter) or abandoned with the previous one whole', labelNames: ['outcome'], registers });
    this.catalogItems = new Counter({ name: 'tastemaker_catalog_upload_items_total', help: 'Items in the catalog versions written or abandoned', labelNames: ['outcome'], registers });
    const self = this;
    this.engineScopes = new Gauge({
      name: 'tastemaker_engine_scopes',
      help: 'Scopes (servers) whose catalog, index and models are in memory now; process_resident_memory_bytes is their cost',
      registers,
      collect() {
        this.set(self.scopes());
      },
    });
    new Gauge({ name: 'tastemaker_shard_info', help: 'Always 1; the shard label says which shard(s) this process runs', registers }).set(1);
  }

  /** Where `tastemaker_engine_scopes` reads from (the composition root passes `engines.size`). */
  watchEngines(scopes: () => number): void {
    this.scopes = scopes;
  }

  interaction(command: string, outcome: InteractionOutcome, seconds: number): void {
    this.interactions.observe({ command, outcome }, seconds);
  }

  lateAck(command: string): void {
    this.late.inc({ command });
  }

  llmCall(use: string, outcome: LlmCallOutcome, o: { seconds?: number; promptTokens?: number; outputTokens?: number } = {}): void {
    this.llmCalls.inc({ use, outcome });
    const cache = cacheResult(outcome);
    if (cache) this.llmCache.inc({ use, result: cache });
    if (outcome === 'over-budget') this.budget.inc({ use });
    if (outcome === 'failed' || outcome === 'timeout' || outcome === 'bad-answer') this.llmFailures.inc({ use, reason: outcome });
    if (o.seconds !== undefined) this.llmLatency.observe({ use }, o.seconds);
    if (o.promptTokens) this.llmTokens.inc({ use, kind: 'prompt' }, o.promptTokens);
    if (o.outputTokens) this.llmTokens.inc({ use, kind: 'output' }, o.outputTokens);
  }

  groundingMiss(use: string, count: number): void {
    this.grounding.inc({ use }, count);
  }

  storeError(op: string, code: string): void {
    this.storeErrors.inc({ op, code });
  }

  catalogWrite(outcome: 'ok' | 'failed', items: number): void {
    this.catalogs.inc({ outcome });
    this.catalogItems.inc({ outcome }, items);
  }

  /** The exposition text and its content type. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
