import type { Conversation, ConversationSnapshot } from '../domain/conversation.js';
import { displayTitle } from '../domain/item.js';
import type { RefineSnapshot, RefineState } from '../recsys/refine/index.js';
import type { Constraints, Recommendation } from '../recsys/types.js';
import type { AppDeps } from './deps.js';
import type { Caller } from './types.js';
import { refinementsOf } from './limits.js';

/** Most turns a conversation keeps (the oldest go first). */
const MAX_TURNS = 40;

/** Starts a conversation from the first list: the request, its constraints, and the list shown. */
export async function startConversation(
  d: AppDeps,
  c: Caller,
  id: string,
  a: { request: string; constraints: Constraints; count: number; items: Recommendation[]; userText: string; group?: string[] },
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
    initialConstraints: a.constraints as Record<string, unknown>,
    ...(a.group ? { group: a.group } : {}),
    createdAt: now,
    updatedAt: now,
  };
  await d.conversations.save(conv);
  return conv;
}

/** Records one turn: the user's message, the list now shown and the bot's words, and what changed in the state (undefined: the conversation is gone). */
export async function recordTurn(
  d: AppDeps,
  conv: Conversation,
  a: { message: string; items: Recommendation[]; botText: string; state: TurnState },
): Promise<Conversation | undefined> {
  const now = d.clock();
  const shown = a.items.map((r) => r.item.id);
  return d.conversations.update(conv.id, (cur) => ({
    ...cur,
    ...a.state,
    shown,
    refinements: refinementsOf(cur) + 1,
    turns: [...cur.turns, { role: 'user' as const, text: a.message, at: now }, { role: 'bot' as const, text: a.botText, items: shown, at: now }].slice(-MAX_TURNS),
    updatedAt: now,
  }));
}

/** What a turn may change in the stored conversation besides the list shown and the turns. */
export type TurnState = Partial<Pick<Conversation, 'extraText' | 'rejected' | 'constraints' | 'count' | 'initialConstraints' | 'weights' | 'history'>>;

/**
 * The reader's state of a stored conversation. A conversation saved before `initialConstraints`, `weights`
 * and `history` existed has none: no weights, nothing to undo, and the first request's constraints read
 * again from its words (`initialOf`).
 */
export function refineStateOf(conv: Conversation, initialOf: () => Constraints): RefineState {
  const s: RefineState = {
    ...snapshotState(conv),
    initialConstraints: (conv.initialConstraints as Constraints | undefined) ?? initialOf(),
    history: (conv.history ?? []).map(snapshotState),
  };
  return s;
}

function snapshotState(x: ConversationSnapshot): RefineSnapshot {
  const s: RefineSnapshot = {
    request: x.request,
    shown: x.shown.slice(),
    rejected: x.rejected.slice(),
    constraints: (x.constraints ?? {}) as Constraints,
    count: x.count,
  };
  if (x.extraText) s.extraText = x.extraText;
  if (x.initialConstraints) s.initialConstraints = x.initialConstraints as Constraints;
  if (x.weights && Object.keys(x.weights).length) s.weights = { ...x.weights };
  return s;
}

function storedSnapshot(s: RefineSnapshot): ConversationSnapshot {
  const out: ConversationSnapshot = {
    request: s.request,
    shown: s.shown,
    rejected: s.rejected,
    constraints: s.constraints as Record<string, unknown>,
    count: s.count,
  };
  if (s.extraText) out.extraText = s.extraText;
  if (s.initialConstraints) out.initialConstraints = s.initialConstraints as Record<string, unknown>;
  if (s.weights && Object.keys(s.weights).length) out.weights = s.weights;
  return out;
}

/** The fields of a reader's state to store after a turn (`shown` is stored from the list itself). */
export function turnStateOf(s: RefineState): TurnState {
  return {
    extraText: s.extraText,
    rejected: s.rejected,
    constraints: s.constraints as Record<string, unknown>,
    count: s.count,
    initialConstraints: s.initialConstraints as Record<string, unknown> | undefined,
    weights: s.weights && Object.keys(s.weights).length ? s.weights : undefined,
    history: (s.history ?? []).map(storedSnapshot),
  };
}
