import type { Conversation } from '../domain/conversation.js';
import { toBrief } from '../llm/brief.js';
import type { LlmContext } from '../llm/contracts.js';
import { describeChange } from '../llm/uses/refine.js';
import { satisfies } from '../recsys/filters/filters.js';
import type { Refined } from '../recsys/refine/index.js';
import type { Recommendation } from '../recsys/types.js';
import type { AppDeps } from './deps.js';
import { llmInfo, llmReport } from './engine-info.js';
import { reasonsOf } from './llm-briefs.js';
import { PIPELINES } from './pipelines/definitions.js';
import { runDefinition } from './pipelines/run.js';
import { keptRecs, offlineRefined } from './refine-offline.js';
import type { Loaded } from './scope-data.js';
import type { Caller, EngineInfo } from './types.js';

/**
 * A refinement turn the LLM answers, in one call: it sees a fresh candidate pool for the whole conversation
 * (minus what was rejected), after the items still on the list that the conversation's rules allow now.
 * When it cannot answer, the pool already holds the offline answer for this turn: no second pipeline run.
 */
export async function llmTurn(
  d: AppDeps,
  c: Caller,
  l: Loaded,
  ctx: LlmContext,
  a: { conv: Conversation; refined: Refined; message: string },
): Promise<{ items: Recommendation[]; info: EngineInfo; change?: string }> {
  const { conv, refined } = a;
  const shownRecs = keptRecs(l, conv.shown);
  // Items still on the list stay candidates only if the conversation's rules allow them now ("no comedies").
  const keepable = shownRecs.filter((r) => !refined.state.rejected.includes(r.item.id) && satisfies(r.item, refined.state.constraints));
  const res = await runDefinition(d, c, l, PIPELINES.refine, {
    text: refined.query.text ?? refined.state.request,
    seeds: refined.query.seeds,
    exclude: refined.state.rejected,
    constraints: refined.state.constraints,
    count: refined.state.count,
    llm: {
      ctx,
      use: 'refine',
      pinned: keepable,
      args: ({ candidates, offline }) => ({
        request: conv.request,
        turns: conv.turns.map((t) => ({ role: t.role, text: t.text })),
        shown: shownRecs.map((x) => toBrief(x.item)),
        candidates: candidates.map((x) => toBrief(x.item)),
        offlineOrder: offlineRefined(l, refined.keep, offline).map((x) => x.item.id),
        message: a.message,
        count: refined.state.count,
        offlineReasons: reasonsOf(candidates),
      }),
    },
  });
  const info = llmInfo(d, ctx, res.trace);
  const report = llmReport(res.trace);
  if (report?.ok) {
    const items = res.recommendations;
    // Described from the list actually shown (the model's own list may have lost items to the rules).
    const change = describeChange(conv.shown, items.map((x) => x.item.id), (id) => l.catalog.byId.get(id)?.title ?? id);
    if (report.comment) info.notes = [...info.notes, report.comment];
    return { items, info, change };
  }
  const excluded = new Set(refined.query.exclude);
  const pool = res.pool ?? [];
  return { items: offlineRefined(l, refined.keep, pool.filter((x) => !excluded.has(x.item.id))).slice(0, refined.state.count), info };
}
