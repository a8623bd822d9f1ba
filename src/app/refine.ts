import { applyRefinement, readRefinement, type RefineState } from '../recsys/refine/index.js';
import { satisfies } from '../recsys/filters/filters.js';
import type { Constraints, Recommendation } from '../recsys/types.js';
import { recordTurn } from './conversation-state.js';
import type { AppDeps } from './deps.js';
import { offlineInfo } from './engine-info.js';
import { AppError } from './errors.js';
import { llmContext } from './llm-context.js';
import { llmTurn } from './refine-llm.js';
import { describeOffline, keptRecs, offlineTurn } from './refine-offline.js';
import { openWorldTurn } from './refine-open-world.js';
import { load } from './scope-data.js';
import type { Caller, EngineInfo, RecResult } from './types.js';

/**
 * A follow-up in a conversation ("swap the second one", "no horror"). The rule-based reader always runs
 * (its constraints are enforced even when the LLM answers); the LLM, when on, rewrites the list in one call
 * (refine-llm.ts); otherwise the offline pipeline fills the slots the reader opened (refine-offline.ts).
 * Without a catalog, the LLM proposes a new list (refine-open-world.ts).
 */
export async function refine(d: AppDeps, c: Caller, input: { conversationId: string; text: string }): Promise<RecResult> {
  // One turn at a time per conversation: two quick messages must not both start from the same state.
  return d.store.withLock(`conv-turn:${input.conversationId}`, () => refineTurn(d, c, input));
}

async function refineTurn(d: AppDeps, c: Caller, input: { conversationId: string; text: string }): Promise<RecResult> {
  const conv = await d.conversations.get(input.conversationId);
  if (!conv || conv.scope !== c.scope) throw new AppError('conversation.not-found');
  if (conv.ownerId !== c.userId) throw new AppError('conversation.not-owner');
  const l = await load(d, c, { requireCatalog: false });
  if (l.catalog.items.length === 0) return openWorldTurn(d, c, l, conv, input.text);
  const titles = conv.shown.map((id) => l.catalog.byId.get(id)?.title ?? id);
  const action = readRefinement(input.text, { shown: conv.shown, count: conv.count, titles }, { knownTags: l.catalog.tags });
  const state: RefineState = {
    request: conv.request,
    extraText: conv.extraText,
    shown: conv.shown,
    rejected: conv.rejected,
    constraints: conv.constraints as Constraints,
    count: conv.count,
  };
  const fits = (id: string, cs: Constraints) => {
    const item = l.catalog.byId.get(id);
    return item !== undefined && satisfies(item, cs);
  };
  const refined = applyRefinement(state, action, { fits });
  const ctx = await llmContext(d, c);
  let info: EngineInfo = offlineInfo(d, ctx);
  let items: Recommendation[];
  let change: string | undefined;
  if (action.kind === 'out-of-range') {
    items = keptRecs(l, conv.shown);
    change = `there is no #${action.positions.join(', #')}: the list has ${action.count} items`;
  } else if (ctx.enabled) {
    ({ items, info, change } = await llmTurn(d, c, l, ctx, { conv, refined, message: input.text }));
  } else {
    items = await offlineTurn(d, c, l, refined);
  }
  change ??= describeOffline(action.kind, conv.shown, items, l);
  const saved = await recordTurn(d, conv, {
    message: input.text,
    items,
    botText: change ?? '',
    state: {
      extraText: refined.state.extraText,
      rejected: refined.state.rejected,
      constraints: refined.state.constraints as Record<string, unknown>,
      count: refined.state.count,
    },
  });
  return { ...info, items, change, conversation: saved };
}
