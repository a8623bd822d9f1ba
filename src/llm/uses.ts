import type { Logger } from '../log.js';
import type { Metrics } from '../kit/metrics.js';
import { createResponseCache } from './cache.js';
import type { ItemBrief, KvLike, LlmContext, LlmLimits, LlmOutcome, Pick, UsageLike } from './contracts.js';
import { createGateway } from './gateway.js';
import type { LlmProvider } from './types.js';
import { rankPairwise } from './uses/pairwise.js';
import { conversation, next, openWorld, type ConversationArgs, type NextArgs, type OpenWorldArgs, type OpenWorldTitle } from './uses/pick.js';
import { predict, rankListwise, rankPointwise, type Ratings } from './uses/rank.js';
import { refine, type RefineArgs, type RefineValue } from './uses/refine.js';
import type { CallOptions, UseEnv } from './uses/shared.js';

export type { CallOptions, ConversationArgs, NextArgs, OpenWorldArgs, OpenWorldTitle, RefineArgs, RefineValue, Ratings };

export interface LlmUsesDeps {
  /** null when no LLM is configured: every method answers `{ ok: false, reason: 'no-key' }` at once. */
  provider: LlmProvider | null;
  cache: KvLike;
  usage: UsageLike;
  logger: Logger;
  limits: LlmLimits;
  clock?: () => number;
  /** LLM calls and grounding misses by use (default: none). */
  metrics?: Metrics;
}

/** Every method takes an optional last `CallOptions` ({ signal }): aborting it stops the use (ok:false). */
export interface LlmUses {
  /** One call: picks among candidate ids and orders them (listwise), a reason each. */
  conversation(ctx: LlmContext, a: ConversationArgs, o?: CallOptions): Promise<LlmOutcome<{ picks: Pick[]; dropped: number }>>;
  /** No catalog: proposed titles, to resolve with the catalog's `TitleIndex` when there is one. */
  openWorld(ctx: LlmContext, a: OpenWorldArgs, o?: CallOptions): Promise<LlmOutcome<{ titles: OpenWorldTitle[] }>>;
  /** One refinement turn of a conversation. */
  refine(ctx: LlmContext, a: RefineArgs, o?: CallOptions): Promise<LlmOutcome<RefineValue>>;
  /** Sequential: next items from the ordered (oldest first) history. */
  next(ctx: LlmContext, a: NextArgs, o?: CallOptions): Promise<LlmOutcome<{ picks: Pick[]; dropped: number }>>;
  predict(ctx: LlmContext, a: { ratings: Ratings; target: ItemBrief }, o?: CallOptions): Promise<LlmOutcome<{ rating: number; why: string }>>;
  rankPointwise(ctx: LlmContext, a: { ratings: Ratings; candidates: ItemBrief[] }, o?: CallOptions): Promise<LlmOutcome<{ scores: Record<string, number>; calls: number }>>;
  rankPairwise(ctx: LlmContext, a: { ratings: Ratings; candidates: ItemBrief[]; offlineOrder: string[] }, o?: CallOptions): Promise<LlmOutcome<{ order: string[] }>>;
  rankListwise(ctx: LlmContext, a: { ratings: Ratings; candidates: ItemBrief[]; offlineOrder: string[] }, o?: CallOptions): Promise<LlmOutcome<{ order: string[] }>>;
}

/** The LLM layer as the app sees it: every use grounded, cached, budgeted and logged, never throwing for LLM trouble. */
export function createLlmUses(d: LlmUsesDeps): LlmUses {
  const run = createGateway({
    provider: d.provider,
    cache: createResponseCache(d.cache, d.limits.cacheTtlMs),
    usage: d.usage,
    logger: d.logger,
    timeoutMs: d.limits.timeoutMs,
    clock: d.clock,
    metrics: d.metrics,
  });
  const env: UseEnv = { run, limits: d.limits };
  const m = d.metrics;
  // Grounding misses: the ids a model made up, dropped by `groundPicks` (the uses that pick return `dropped`).
  const counted = <A extends unknown[], V>(use: string, f: (...a: A) => Promise<LlmOutcome<V>>) =>
    !m ? f : async (...a: A): Promise<LlmOutcome<V>> => {
      const out = await f(...a);
      const dropped = out.ok ? (out.value as { dropped?: unknown }).dropped : undefined;
      if (typeof dropped === 'number' && dropped > 0) m.groundingMiss(use, dropped);
      return out;
    };
  return {
    conversation: counted('conversation', (ctx, a, o) => conversation(env, ctx, a, o)),
    openWorld: (ctx, a, o) => openWorld(env, ctx, a, o),
    refine: counted('refine', (ctx, a, o) => refine(env, ctx, a, o)),
    next: counted('next', (ctx, a, o) => next(env, ctx, a, o)),
    predict: (ctx, a, o) => predict(env, ctx, a, o),
    rankPointwise: (ctx, a, o) => rankPointwise(env, ctx, a, o),
    rankPairwise: (ctx, a, o) => rankPairwise(env, ctx, a, o),
    rankListwise: (ctx, a, o) => rankListwise(env, ctx, a, o),
  };
}
