import type { Conversation } from '../domain/conversation.js';
import { displayTitle } from '../domain/item.js';
import type { Constraints, Recommendation } from '../recsys/types.js';
import type { AppDeps } from './deps.js';
import type { Caller } from './types.js';

/** Most turns a conversation keeps (the oldest go first). */
const MAX_TURNS = 40;

/** Starts a conversation from the first list: the request, its constraints, and the list shown. */
export async function startConversation(
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

/** Records one turn: the user's message, the list now shown and the bot's words, and what changed in the state (undefined: the conversation is gone). */
export async function recordTurn(
  d: AppDeps,
  conv: Conversation,
  a: { message: string; items: Recommendation[]; botText: string; state: Partial<Pick<Conversation, 'extraText' | 'rejected' | 'constraints' | 'count'>> },
): Promise<Conversation | undefined> {
  const now = d.clock();
  const shown = a.items.map((r) => r.item.id);
  return d.conversations.update(conv.id, (cur) => ({
    ...cur,
    ...a.state,
    shown,
    turns: [...cur.turns, { role: 'user' as const, text: a.message, at: now }, { role: 'bot' as const, text: a.botText, items: shown, at: now }].slice(-MAX_TURNS),
    updatedAt: now,
  }));
}
