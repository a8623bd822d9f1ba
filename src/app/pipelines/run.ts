import { runPipeline, type PipelineDeps } from '../../recsys/pipeline.js';
import type { Constraints, PipelineResult, RecQuery } from '../../recsys/types.js';
import type { LlmContext } from '../../llm/contracts.js';
import type { AppDeps } from '../deps.js';
import { adultIds } from '../adult.js';
import { queryText } from '../query-text.js';
import type { Loaded } from '../scope-data.js';
import type { Caller, TurnReply } from '../types.js';
import { planWatch } from './watch.js';
import { buildPipeline, type StageInputs } from './build.js';
import type { PipelineDefinition } from './definitions.js';
import { asGroup } from './group.js';
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
  /** Items the answer keeps besides what this run finds (a refinement's list): counted when a list is left short. */
  kept?: number;
  /** The LLM, when it is on for this request and the definition has an LLM pass. */
  llm?: LlmRequest;
}

/**
 * Runs a definition for one request: its stages built for this user and scope, the LLM pass added when the
 * LLM is on. The result's trace says what each stage did (logged at debug); `pool` is the offline list the
 * LLM pass was planned from; `notes` what the answer should say about watch wishes (watch.ts).
 */
export async function runDefinition(
  d: AppDeps,
  c: Caller,
  l: Loaded,
  def: PipelineDefinition,
  r: RunRequest,
  more: Pick<StageInputs, 'llmTitles' | 'extraItem'> = {},
): Promise<PipelineResult & { notes: TurnReply[] }> {
  // "On Netflix", "under 2 hours": the top candidates' films are looked up first (watch.ts).
  const watch = await planWatch(d, c, l, r.constraints, async (without) => {
    const pre = planDefinition(d.clock, c, l, def, { ...r, constraints: without, count: WATCH_POOL }, more);
    return (await runPipeline(pre.q, pre.deps)).recommendations.map((x) => x.item);
  });
  const { q, deps } = planDefinition(d.clock, c, l, def, { ...r, constraints: watch.constraints }, { ...more, facts: watch.facts });
  if (def.llm && r.llm) deps.rerank = llmPass(d, def.llm, r.llm, r.count);
  const res = await runPipeline(q, deps);
  d.logger.debug({ scope: c.scope, pipeline: def.name, trace: res.trace }, 'pipeline');
  return { ...res, notes: [...watch.notes, ...(watch.facts ? watch.short((r.kept ?? 0) + res.recommendations.length, (r.kept ?? 0) + r.count) : [])] };
}

/** Candidates whose films are looked up before a list with watch wishes. */
const WATCH_POOL = 40;

/**
 * A definition's query and offline stages for one request (no LLM pass): what `runDefinition` runs, and what
 * the eval runs (`runPipeline(q, deps)`) to measure the bot's lists without an AppDeps. A group's list
 * (`l.group`) ranks for the group; items a catalog marks adult or nsfw are left out where they may not be shown.
 */
export function planDefinition(
  clock: (() => number) | undefined,
  c: Caller,
  l: Loaded,
  def: PipelineDefinition,
  r: Omit<RunRequest, 'llm'>,
  more: Pick<StageInputs, 'llmTitles' | 'extraItem' | 'facts'> = {},
): { q: RecQuery; deps: PipelineDeps } {
  const text = r.text === undefined ? undefined : queryText(r.text) || undefined;
  const hasQuery = Boolean(text || r.seeds?.length);
  // nothing to search by: the member's own taste scorers (a group's list ranks by the group's taste instead)
  const used = !hasQuery && !l.group && def.tasteScorers ? { ...def, scorers: def.tasteScorers } : def;
  const deps = buildPipeline(used, {
    userId: c.userId,
    catalog: l.catalog,
    models: l.models,
    profile: l.profile,
    ids: r.ids,
    hasQuery,
    seeded: Boolean(r.seeds?.length),
    request: text ? r.text : undefined,
    clock,
    ...more,
  });
  if (l.group) asGroup(deps, l.group);
  const q: RecQuery = {
    scope: c.scope,
    userId: c.userId,
    intent: def.intent,
    text,
    seeds: r.seeds,
    // Items a catalog marks adult or nsfw only where they may be shown (DMs, age-restricted channels); a
    // group list leaves out what any member watched, rated or turned down.
    exclude: [...(r.exclude ?? []), ...(c.adultOk === false ? adultIds(l.catalog.items) : []), ...(l.group?.exclude ?? [])],
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
