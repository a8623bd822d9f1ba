import type { LlmContext } from '../llm/contracts.js';
import type { PipelineTrace, StageReport } from '../recsys/types.js';
import type { AppDeps } from './deps.js';
import type { EngineInfo } from './types.js';

/**
 * EngineInfo for an answer of the offline engine: why the LLM did not answer (no key, switched off, over
 * budget, failing), or no reason when the LLM was available and simply not needed (nothing to rank).
 */
export function offlineInfo(d: AppDeps, ctx: LlmContext, failed?: { reason: EngineInfo['offlineReason']; calls: number; notes: string[] }): EngineInfo {
  const reason = failed?.reason ?? (!d.llmConfigured ? 'no-key' : !ctx.enabled ? 'disabled' : undefined);
  const info: EngineInfo = { engine: 'offline', llmCalls: failed?.calls ?? 0, notes: failed?.notes ?? [] };
  if (reason) info.offlineReason = reason;
  return info;
}

/** The report of a run's LLM stage (`llm`: the listwise pass's scorer, or the open-world title source). */
export function llmReport(trace: PipelineTrace): StageReport | undefined {
  return trace.rerank ? trace.rerank.stages.llm : trace.stages.llm;
}

/** A stage that gave up without a report (its timeout ended it first). */
const timedOut = (): StageReport => ({ ok: false, reason: 'llm-failed', calls: 1, notes: ['the LLM took too long'] });

/** EngineInfo of a run whose LLM stage ran: the LLM answered, or why the offline engine did. */
export function llmInfo(d: AppDeps, ctx: LlmContext, trace: PipelineTrace): EngineInfo {
  const r = llmReport(trace) ?? timedOut();
  if (r.ok) return { engine: 'llm', llmCalls: r.calls, notes: r.notes };
  return offlineInfo(d, ctx, { reason: r.reason as EngineInfo['offlineReason'], calls: r.calls, notes: r.notes });
}
