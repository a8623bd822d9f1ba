import type { LlmContext } from '../llm/contracts.js';
import type { Recommendation } from '../recsys/types.js';
import type { AppDeps } from './deps.js';
import { llmInfo } from './engine-info.js';
import type { PipelineDefinition } from './pipelines/definitions.js';
import { runOpenWorld } from './pipelines/run.js';
import type { Loaded } from './scope-data.js';
import type { Caller, EngineInfo } from './types.js';

/**
 * A server without a catalog, with the LLM on: the definition's `noCatalog` pipeline, whose `llm-titles`
 * source has the LLM propose titles (open world). Still one call per list.
 */
export async function openWorldList(
  d: AppDeps,
  c: Caller,
  l: Loaded,
  ctx: LlmContext,
  def: PipelineDefinition,
  input: { text: string; count: number },
): Promise<{ items: Recommendation[]; info: EngineInfo }> {
  const res = await runOpenWorld(d, c, l, ctx, def, { request: input.text, count: input.count });
  const info = llmInfo(d, ctx, res.trace);
  if (info.engine === 'llm') info.notes = [...info.notes, 'open world: this server has no catalog, so these are the LLM\'s own suggestions'];
  return { items: res.recommendations, info };
}
