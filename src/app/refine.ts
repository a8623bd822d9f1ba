import { parseConstraints } from '../recsys/constraints.js';
import { satisfies } from '../recsys/filters/filters.js';
import { meetsWatch } from '../recsys/constraints-watch.js';
import type { CatalogItem } from '../domain/item.js';
import { regionFor } from './cards.js';
import { watchFacts } from './watch-facts.js';
import type { Conversation } from '../domain/conversation.js';
import { applyRefinement, readRefinement, type RefineKind, type Refined } from '../recsys/refine/index.js';
import type { Constraints } from '../recsys/types.js';
import { recordTurn, refineStateOf, turnStateOf } from './conversation-state.js';
import type { AppDeps } from './deps.js';
import { offlineInfo } from './engine-info.js';
import { AppError } from './errors.js';
import { messageFor } from './messages.js';
import { loadGroup, withGroupFits } from './group-members.js';
import { llmContext } from './llm-context.js';
import { llmTurn } from './refine-llm.js';
import { offlineTurn, sameList } from './refine-offline.js';
import { openWorldTurn } from './refine-open-world.js';
import { load, type Loaded } from './scope-data.js';
import { checkConversationLength } from './limits.js';
import type { Caller, RecResult } from './types.js';
import { addWatched } from './watched.js';

/**
 * A follow-up in a conversation ("swap the second one", "no horror", "thanks!", "undo"). The rule-based
 * reader always runs (its constraints are enforced even when the LLM answers) and says what it understood
 * (replies). What it settles alone (thanks, a question about a position, undo, a position out of range)
 * runs nothing. Otherwise the LLM, when on, rewrites the list in one call (refine-llm.ts), and also reads
 * what the rules could not; without it the offline pipeline fills the slots the reader opened
 * (refine-offline.ts), and a message it could not read leaves the list as it was. Without a catalog, the
 * LLM proposes a new list (refine-open-world.ts).
 */
export async function refine(d: AppDeps, c: Caller, input: { conversationId: string; text: string }): Promise<RecResult> {
  // One turn at a time per conversation: two quick messages must not both start from the same state.
  return d.store.withLock(`conv-turn:${input.conversationId}`, () => refineTurn(d, c, input));
}

async function refineTurn(d: AppDeps, c: Caller, input: { conversationId: string; text: string }): Promise<RecResult> {
  const conv = await d.conversations.get(input.conversationId);
  if (!conv || conv.scope !== c.scope) throw new AppError('conversation.not-found');
  if (conv.ownerId !== c.userId) throw new AppError('conversation.not-owner');
  checkConversationLength(conv, d.config.CONVERSATION_MAX_TURNS);
  const loaded = await load(d, c, { requireCatalog: false });
  if (loaded.catalog.items.length === 0) return openWorldTurn(d, c, loaded, conv, input.text);
  // A group's conversation (/together) ranks every turn for the group, its members' privacy read again.
  const grouped = conv.group ? await loadGroup(d, c, loaded, conv.group) : undefined;
  const l = grouped?.l ?? loaded;
  const titleOf = (id: string) => l.catalog.byId.get(id)?.title ?? id;
  const action = readRefinement(input.text, { shown: conv.shown, count: conv.count, titles: conv.shown.map(titleOf) }, { knownTags: l.catalog.tags });
  const state = refineStateOf(conv, () => parseConstraints(conv.request, l.catalog.tags));
  const region = await regionFor(d, c);
  const refined = applyRefinement(state, action, itemFacts(l, (it, cs) => meetsWatch(watchFacts(d, it, region), cs)));
  if (refined.markWatched?.length) await markWatched(d, c, refined);
  const ctx = await llmContext(d, c);
  // Settled turns run nothing; a message the rules could not read goes to the LLM when it is on.
  const toLlm = ctx.enabled && (!refined.settled || action.kind === 'not-understood');
  const turn = toLlm
    ? await llmTurn(d, c, l, ctx, { conv, refined, action, message: input.text })
    : await offlineTurn(d, c, l, { refined, kind: action.kind, before: conv.shown, info: offlineInfo(d, ctx), shownEarlier: shownEarlier(conv, action.kind) });
  if (grouped) turn.items = withGroupFits(turn.items, grouped.l.group!, grouped.members.neutral);
  const replies = [...turn.replies.map(({ code, context }) => ({ code, text: messageFor(code, context) })), ...(turn.notes ?? [])];
  const botText = [turn.change, ...replies.map((r) => r.text)].filter(Boolean).join(' ');
  const saved = await recordTurn(d, conv, { message: input.text, items: turn.items, botText, state: turnStateOf(turn.state) });
  const listChanged = !sameList(conv.shown, turn.items.map((r) => r.item.id));
  return { ...turn.info, items: turn.items, change: turn.change, replies, listChanged, conversation: saved };
}

/**
 * Items shown in earlier lists of the conversation, which new picks leave out: an item replaced for being
 * too dark does not come back at the next swap. "Start over" asks for the first request's list again.
 */
function shownEarlier(conv: Conversation, kind: RefineKind): string[] {
  if (kind === 'start-over' || kind === 'reset') return [];
  return [...new Set(conv.turns.flatMap((t) => t.items ?? []))];
}

/**
 * What the reader may know of the items shown: whether one fits the rules now (watch wishes such as "on
 * Netflix" through `watch`), its tags, year and title.
 */
function itemFacts(l: Loaded, watch: (item: CatalogItem, cs: Constraints) => boolean) {
  const item = (id: string) => l.catalog.byId.get(id);
  return {
    fits: (id: string, cs: Constraints) => {
      const it = item(id);
      return it !== undefined && satisfies(it, cs) && watch(it, cs);
    },
    tagsOf: (id: string) => item(id)?.tags,
    yearOf: (id: string) => item(id)?.year,
    titleOf: (id: string) => item(id)?.title ?? id,
  };
}

/** "I've seen 1 and 3": into the member's watch history, the same way `/watched add` does. */
async function markWatched(d: AppDeps, c: Caller, refined: Refined): Promise<void> {
  for (const id of refined.markWatched ?? []) await addWatched(d, c, id);
}
