import { describeChange } from '../llm/uses/refine.js';
import { parseConstraints } from '../recsys/constraints.js';
import { satisfies } from '../recsys/filters/filters.js';
import { applyRefinement, readRefinement, type Refined, type RefineState } from '../recsys/refine/index.js';
import type { Constraints, Recommendation } from '../recsys/types.js';
import type { Conversation } from '../domain/conversation.js';
import type { AppDeps } from './deps.js';
import { AppError } from './errors.js';
import { toBrief } from '../llm/brief.js';
import { displayTitle } from '../domain/item.js';
import { rankWithLlm } from './llm-rank.js';
import { openWorldList } from './open-world.js';
import { titleSeeds } from './query-seeds.js';
import { clampCount, historyBriefs, load, reasonsOf, runOffline, type Loaded } from './recommend-core.js';
import { llmContext, offlineInfo } from './settings.js';
import type { Caller, EngineInfo, RecResult } from './types.js';


/** `/recommend`: the pipeline retrieves and ranks; the LLM (when on) picks and orders among those candidates in ONE call. */
export async function recommend(d: AppDeps, c: Caller, input: { text: string; count?: number; conversationId?: string }): Promise<RecResult> {
  const text = input.text.trim();
  if (!text) throw new AppError('request.empty');
  const count = clampCount(input.count);
  const l = await load(d, c, { requireCatalog: false });
  const constraints = parseConstraints(text, l.catalog.tags);
  const ctx = await llmContext(d, c);
  if (l.catalog.items.length === 0) {
    if (!ctx.enabled) throw new AppError('catalog.empty');
    const ow = await openWorldList(d, c, l, ctx, { text, count });
    if (ow.info.engine !== 'llm') throw new AppError('catalog.empty');
    const conversation = input.conversationId
      ? await saveConversation(d, c, input.conversationId, { request: text, constraints, count, items: ow.items, userText: text })
      : undefined;
    return { ...ow.info, items: ow.items, conversation };
  }
  const pool = ctx.enabled ? Math.max(count, d.config.LLM_MAX_CANDIDATES) : count;
  const seeds = titleSeeds(text, l.catalog.titles);
  const offline = await runOffline(d, c, l, seeds.length
    ? { intent: 'conversation', seeds, exclude: seeds, constraints, count: pool }
    : { intent: 'conversation', text, constraints, count: pool });
  let items = offline.slice(0, count);
  let info: EngineInfo = offlineInfo(d, ctx);
  if (ctx.enabled && offline.length) {
    const r = await rankWithLlm(d, c, l, ctx, {
      intent: 'conversation',
      offline,
      count,
      call: (signal) =>
        d.llm.conversation(
          ctx,
          {
            request: text,
            history: historyBriefs(l, d.config.LLM_MAX_HISTORY),
            candidates: offline.map((x) => toBrief(x.item)),
            offlineOrder: offline.map((x) => x.item.id),
            count,
            offlineReasons: reasonsOf(offline),
          },
          { signal },
        ),
    });
    items = r.items;
    info = r.info;
  }
  const conversation = input.conversationId
    ? await saveConversation(d, c, input.conversationId, { request: text, constraints, count, items, userText: text })
    : undefined;
  return { ...info, items, conversation };
}

async function saveConversation(
  d: AppDeps,
  c: Caller,
  id: string,
  a: { request: string; constraints: Constraints; count: number; items: Recommendation[]; userText: string },
): Promise<Conversation> {
  const now = d.clock();
  const conv: Conversation = {
    id,
    scope: c.scope,
    ownerId: c.userId,
    request: a.request,
    turns: [
      { role: 'user', text: a.userText, at: now },
      { role: 'bot', text: a.items.map((r) => displayTitle(r.item)).join('; '), items: a.items.map((r) => r.item.id), at: now },
    ],
    shown: a.items.map((r) => r.item.id),
    rejected: [],
    constraints: a.constraints as Record<string, unknown>,
    count: a.count,
    createdAt: now,
    updatedAt: now,
  };
  await d.conversations.save(conv);
  return conv;
}

/**
 * A follow-up in a conversation ("swap the second one", "no horror"). The rule-based reader always runs
 * (its constraints are enforced even when the LLM answers); the LLM, when on, rewrites the list in one call.
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
    items = idsToRecs(l, conv.shown);
    change = `there is no #${action.positions.join(', #')}: the list has ${action.count} items`;
  } else if (ctx.enabled) {
    // The LLM sees a fresh candidate pool for the whole conversation, minus what was rejected.
    const pool = await runOffline(d, c, l, {
      intent: 'conversation',
      text: refined.query.text ?? refined.state.request,
      seeds: refined.query.seeds,
      exclude: refined.state.rejected,
      constraints: refined.state.constraints,
      count: Math.max(d.config.LLM_MAX_CANDIDATES, refined.state.count),
    });
    const shownRecs = idsToRecs(l, conv.shown);
    // Items still on the list stay candidates only if the conversation's rules allow them now ("no comedies").
    const keepable = shownRecs.filter((r) => !refined.state.rejected.includes(r.item.id) && satisfies(r.item, refined.state.constraints));
    const candidates = mergeUnique([...keepable, ...pool]);
    const r = await rankWithLlm(d, c, l, ctx, {
      intent: 'conversation',
      offline: candidates,
      count: refined.state.count,
      call: (signal) =>
        d.llm.refine(
          ctx,
          {
            request: conv.request,
            turns: conv.turns.map((t) => ({ role: t.role, text: t.text })),
            shown: shownRecs.map((x) => toBrief(x.item)),
            candidates: candidates.map((x) => toBrief(x.item)),
            offlineOrder: offlineRefined(l, refined.keep, pool).map((x) => x.item.id),
            message: input.text,
            count: refined.state.count,
            offlineReasons: reasonsOf(candidates),
          },
          { signal },
        ),
    });
    info = r.info;
    if (r.outcome?.ok) {
      items = r.items;
      // Described from the list actually shown (the model's own list may have lost items to the rules).
      change = describeChange(conv.shown, items.map((x) => x.item.id), (id) => l.catalog.byId.get(id)?.title ?? id);
      if (r.outcome.value.comment) info.notes = [...info.notes, r.outcome.value.comment];
    } else {
      // The pool already holds the offline answer for this turn: no second pipeline run.
      const excluded = new Set(refined.query.exclude);
      items = offlineRefined(l, refined.keep, pool.filter((x) => !excluded.has(x.item.id))).slice(0, refined.state.count);
    }
  } else {
    items = await offlineTurn(d, c, l, refined);
  }
  change ??= describeOffline(action.kind, conv.shown, items, l);
  const now = d.clock();
  const saved = await d.conversations.update(conv.id, (cur) => ({
    ...cur,
    extraText: refined.state.extraText,
    rejected: refined.state.rejected,
    constraints: refined.state.constraints as Record<string, unknown>,
    count: refined.state.count,
    shown: items.map((r) => r.item.id),
    turns: [
      ...cur.turns,
      { role: 'user' as const, text: input.text, at: now },
      { role: 'bot' as const, text: change ?? '', items: items.map((r) => r.item.id), at: now },
    ].slice(-40),
    updatedAt: now,
  }));
  return { ...info, items, change, conversation: saved };
}

/** Offline turn: run the pipeline for the new pieces and fill the slots the refinement left open. */
async function offlineTurn(d: AppDeps, c: Caller, l: Loaded, refined: Refined): Promise<Recommendation[]> {
  const q = refined.query;
  const fresh =
    q.count > 0
      ? await runOffline(d, c, l, { intent: 'conversation', text: q.text, seeds: q.seeds, exclude: q.exclude, constraints: q.constraints, count: q.count })
      : [];
  return offlineRefined(l, refined.keep, fresh);
}

function offlineRefined(l: Loaded, keep: (string | null)[], fresh: Recommendation[]): Recommendation[] {
  if (keep.length === 0) return fresh;
  const kept = new Set(keep.filter((x): x is string => x !== null));
  const queue = fresh.filter((r) => !kept.has(r.item.id));
  const out: Recommendation[] = [];
  for (const slot of keep) {
    if (slot === null) {
      const next = queue.shift();
      if (next) out.push(next);
    } else {
      const rec = idsToRecs(l, [slot])[0];
      if (rec) out.push(rec);
    }
  }
  return out;
}

function idsToRecs(l: Loaded, ids: string[]): Recommendation[] {
  return ids.flatMap((id, i) => {
    const item = l.catalog.byId.get(id);
    return item ? [{ item, score: 1 / (i + 1), sources: ['conversation'], reason: 'still on your list' }] : [];
  });
}

function mergeUnique(recs: Recommendation[]): Recommendation[] {
  const seen = new Set<string>();
  return recs.filter((r) => (seen.has(r.item.id) ? false : (seen.add(r.item.id), true)));
}

function describeOffline(kind: string, before: string[], after: Recommendation[], l: Loaded): string {
  if (kind === 'count') return `now ${after.length} item${after.length === 1 ? '' : 's'}`;
  return describeChange(before, after.map((r) => r.item.id), (id) => l.catalog.byId.get(id)?.title ?? id);
}

/** A follow-up where the server has no catalog: the LLM proposes a new list for the whole conversation. */
async function openWorldTurn(d: AppDeps, c: Caller, l: Loaded, conv: Conversation, message: string): Promise<RecResult> {
  const ctx = await llmContext(d, c);
  if (!ctx.enabled) throw new AppError('catalog.empty');
  const extraText = conv.extraText ? `${conv.extraText}; ${message}` : message;
  const shownTitles = conv.turns.at(-1)?.text ?? '';
  const text = `${conv.request}; ${extraText}${shownTitles ? ` (the list shown was: ${shownTitles})` : ''}`;
  const ow = await openWorldList(d, c, l, ctx, { text, count: conv.count });
  if (ow.info.engine !== 'llm') throw new AppError('catalog.empty');
  const now = d.clock();
  const titles = ow.items.map((r) => displayTitle(r.item)).join('; ');
  const saved = await d.conversations.update(conv.id, (cur) => ({
    ...cur,
    extraText,
    shown: ow.items.map((r) => r.item.id),
    turns: [...cur.turns, { role: 'user' as const, text: message, at: now }, { role: 'bot' as const, text: titles, items: ow.items.map((r) => r.item.id), at: now }].slice(-40),
    updatedAt: now,
  }));
  return { ...ow.info, items: ow.items, change: 'a new list for your request', conversation: saved };
}

/** "More like this" button: nearest items to one item, for this user. */
export async function moreLike(d: AppDeps, c: Caller, input: { itemId: string; count?: number }): Promise<RecResult> {
  const l = await load(d, c);
  const item = l.catalog.byId.get(input.itemId);
  if (!item) throw new AppError('item.not-found', { itemId: input.itemId });
  const ctx = await llmContext(d, c);
  const items = await runOffline(d, c, l, { intent: 'conversation', seeds: [item.id], exclude: [item.id], count: clampCount(input.count) });
  return { ...offlineInfo(d, ctx), engine: 'offline', items, notes: [`more like ${displayTitle(item)}`] };
}
