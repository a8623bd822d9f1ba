import { runPipeline, type PipelineDeps } from '../../recsys/pipeline.js';
import type { Constraints, PipelineResult, RecQuery } from '../../recsys/types.js';
import type { LlmContext } from '../../llm/contracts.js';
import type { AppDeps } from '../deps.js';
import { queryText } from '../query-text.js';
import type { Loaded } from '../scope-data.js';
import type { Caller } from '../types.js';
import { buildPipeline, type StageInputs } from './build.js';
import type { PipelineDefinition } from './definitions.js';
import { llmPass, llmTitles, type LlmRequest } from './llm.js';

export interface RunRequest {
  /** The user's words; what of them is worth searching by is taken (query-text.ts). */
  text?: string;
  seeds?: string[];
  exclude?: string[];
  constraints?: Constraints;
  /** Soft genre weights of a conversation (the `tag-weights` scorer ranks by them). */
  tagWeights?: Record<string, number>;
  /** Explicit ids: the `list` source, and only these may be returned. */
  ids?: string[];
  count: number;
  /** The LLM, when it is on for this request and the definition has an LLM pass. */
  llm?: LlmRequest;
}

/**
 * Runs a definition for one request: its stages built for this user and scope, the LLM pass added when the
 * LLM is on. The result's trace says what each stage did (logged at debug); `pool` is the offline list the
 * LLM pass was planned from.
 */
export async function runDefinition(
  d: AppDeps,
  c: Caller,
  l: Loaded,
  def: PipelineDefinition,
  r: RunRequest,
  more: Pick<StageInputs, 'llmTitles' | 'extraItem'> = {},
): Promise<PipelineResult> {
  const { q, deps } = planDefinition(d.clock, c, l, def, r, more);
  if (def.llm && r.llm) deps.rerank = llmPass(d, def.llm, r.llm, r.count);
  const res = await runPipeline(q, deps);
  d.logger.debug({ scope: c.scope, pipeline: def.name, trace: res.trace }, 'pipeline');
  return res;
}

/**
 * A definition's query and offline stages for one request (no LLM pass): what `runDefinition` runs, and what
 * the eval runs (`runPipeline(q, deps)`) to measure the bot's lists without an AppDeps.
 */
export function planDefinition(
  clock: (() => number) | undefined,
  c: Caller,
  l: Loaded,
  def: PipelineDefinition,
  r: Omit<RunRequest, 'llm'>,
  more: Pick<StageInputs, 'llmTitles' | 'extraItem'> = {},
): { q: RecQuery; deps: PipelineDeps } {
  const text = r.text === undefined ? undefined : queryText(r.text) || undefined;
  const deps = buildPipeline(def, {
    userId: c.userId,
    catalog: l.catalog,
    models: l.models,
    profile: l.profile,
    ids: r.ids,
    hasQuery: Boolean(text || r.seeds?.length),
    seeded: Boolean(r.seeds?.length),
    request: text ? r.text : undefined,
    clock,
    ...more,
  });
  const q: RecQuery = {
    scope: c.scope,
    userId: c.userId,
    intent: def.intent,
    text,
    seeds: r.seeds,
    exclude: r.exclude,
    constraints: r.constraints,
    ...(r.tagWeights && Object.keys(r.tagWeights).length ? { tagWeights: r.tagWeights } : {}),
    candidates: r.ids,
    count: r.count,
  };
  return { q, deps };
}

/** Runs an open-world definition (no catalog): its `llm-titles` source proposes for `request`. */
export function runOpenWorld(d: AppDeps, c: Caller, l: Loaded, ctx: LlmContext, def: PipelineDefinition, r: { request: string; count: number }): Promise<PipelineResult> {
  const { source, extraItem } = llmTitles(d, l, ctx, r.request);
  return runDefinition(d, c, l, def, { count: r.count }, { llmTitles: source, extraItem });
}
