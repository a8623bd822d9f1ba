import type { Conversation } from '../domain/conversation.js';
import { toBrief } from '../llm/brief.js';
import type { LlmContext } from '../llm/contracts.js';
import { describeChange } from '../llm/uses/refine.js';
import { satisfies } from '../recsys/filters/filters.js';
import { HISTORY_LIMIT, type RefineAction, type Refined, type RefineState } from '../recsys/refine/index.js';
import type { AppDeps } from './deps.js';
import { llmInfo, llmReport } from './engine-info.js';
import { reasonsOf } from './llm-briefs.js';
import { runDefinition } from './pipelines/run.js';
import { keptRecs, offlineRefined, refineDefinition, settledOutcome, type TurnOutcome } from './refine-offline.js';
import type { Loaded } from './scope-data.js';
import type { Caller } from './types.js';

/**
 * A refinement turn the LLM answers, in one call: it sees a fresh candidate pool for the whole conversation
 * (minus what was rejected), after the items still on the list that the conversation's rules allow now.
 * When it cannot answer, the pool already holds the offline answer for this turn: no second pipeline run.
 * A message the rules could not read comes here too: the model reads it; when it cannot, the list stays.
 */
export async function llmTurn(
  d: AppDeps,
  c: Caller,
  l: Loaded,
  ctx: LlmContext,
  a: { conv: Conversation; refined: Refined; action: RefineAction; message: string },
): Promise<TurnOutcome> {
  const { conv, refined, action } = a;
  const shownRecs = keptRecs(l, conv.shown);
  // A new draw ("start over", "surprise me") pins nothing; otherwise the items still on the list stay
  // candidates only if the conversation's rules allow them now ("no comedies").
  const fresh = action.kind === 'start-over' || action.kind === 'surprise';
  const keepable = fresh ? [] : shownRecs.filter((r) => !refined.state.rejected.includes(r.item.id) && satisfies(r.item, refined.state.constraints));
  const res = await runDefinition(d, c, l, refineDefinition(refined), {
    text: refined.query.text ?? refined.state.request,
    seeds: refined.query.seeds,
    exclude: fresh ? refined.query.exclude : refined.state.rejected,
    constraints: refined.state.constraints,
    tagWeights: refined.query.tagWeights,
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
    const state = action.kind === 'not-understood' ? readByModel(refined.state, action.text) : refined.state;
    const replies = refined.replies.filter((r) => r.code !== 'refine.not-understood');
    return { items, info, state: { ...state, shown: items.map((x) => x.item.id) }, replies, change, notes: res.notes };
  }
  // The model did not answer: the offline answer of the same run (a message the rules could not read leaves the list as it was).
  const excluded = new Set(refined.query.exclude);
  const pool = (res.pool ?? []).filter((x) => !excluded.has(x.item.id) && satisfies(x.item, refined.query.constraints));
  return settledOutcome(l, { refined, kind: action.kind, before: conv.shown, info }, pool);
}

/** The state after the model read a message the rules could not: its words join the query, and the change can be undone. */
function readByModel(s: RefineState, text: string): RefineState {
  const { history, ...prev } = s;
  return {
    ...s,
    extraText: s.extraText ? `${s.extraText}; ${text}` : text,
    history: [...(history ?? []), prev].slice(-HISTORY_LIMIT),
  };
}
