import type { LlmOutcome, Pick } from '../llm/contracts.js';
import { llmDeadlineMs } from '../llm/retry.js';
import { LlmPicksScorer } from '../llm/stages.js';
import { runPipeline } from '../recsys/pipeline.js';
import { FusionScorer } from '../recsys/scorers/fusion.js';
import { TopKSelector } from '../recsys/selectors/selectors.js';
import { ListSource } from '../recsys/sources/collaborative.js';
import type { Intent, Recommendation } from '../recsys/types.js';
import type { AppDeps } from './deps.js';
import type { Loaded } from './recommend-core.js';
import { offlineInfo } from './settings.js';
import type { Caller, EngineInfo } from './types.js';
import type { LlmContext } from '../llm/contracts.js';

/**
 * The LLM ranking stage: a second, short pipeline over the offline top candidates (in their offline order)
 * whose scorer is the LLM's one-call listwise pick. If the LLM cannot answer, the stage is skipped by the
 * runner (fail-open) and the offline order stands; the reply says why.
 */
export async function rankWithLlm<V extends { picks: Pick[] }>(
  d: AppDeps,
  c: Caller,
  l: Loaded,
  ctx: LlmContext,
  input: { intent: Intent; offline: Recommendation[]; count: number; call: (signal?: AbortSignal) => Promise<LlmOutcome<V>> },
): Promise<{ items: Recommendation[]; info: EngineInfo; outcome: LlmOutcome<V> | undefined }> {
  // The stage's timeout is the gateway's own deadline (attempts and backoff) plus a little, so the gateway
  // reports first; the signal stops the call if the stage is given up anyway.
  const scorer = new LlmPicksScorer<V>((_cs, signal) => input.call(signal), llmDeadlineMs(d.config.LLM_TIMEOUT_MS) + 500);
  const offlineById = new Map(input.offline.map((r) => [r.item.id, r]));
  const res = await runPipeline(
    { scope: c.scope, userId: c.userId, intent: input.intent, count: input.count },
    {
      sources: [new ListSource({ ids: input.offline.map((r) => r.item.id) })],
      filters: [],
      // The offline order breaks ties among items the LLM did not pick.
      scorers: [
        { scorer, weight: 1 },
        { scorer: new FusionScorer({ id: 'offline-order' }), weight: 0.01 },
      ],
      selector: new TopKSelector(),
      items: (id) => l.catalog.byId.get(id),
      clock: d.clock,
    },
  );
  const items = res.recommendations.map((r) => {
    const off = offlineById.get(r.item.id);
    const llmReason = scorer.reasonOf(r.item.id);
    return {
      item: r.item,
      score: r.score,
      sources: llmReason ? ['llm', ...(off?.sources ?? [])] : (off?.sources ?? []),
      reason: llmReason ?? off?.reason ?? r.reason,
    };
  });
  const out = scorer.outcome;
  const info: EngineInfo = out?.ok
    ? { engine: 'llm', llmCalls: out.calls, notes: out.notes }
    : offlineInfo(d, ctx, out ?? { reason: 'llm-failed', calls: 1, notes: ['the LLM took too long'] });
  return { items, info, outcome: out };
}
