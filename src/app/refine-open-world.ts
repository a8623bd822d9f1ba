import type { Conversation } from '../domain/conversation.js';
import { displayTitle } from '../domain/item.js';
import { recordTurn } from './conversation-state.js';
import type { AppDeps } from './deps.js';
import { AppError } from './errors.js';
import { llmContext } from './llm-context.js';
import { openWorldList } from './open-world.js';
import { PIPELINES } from './pipelines/definitions.js';
import type { Loaded } from './scope-data.js';
import type { Caller, RecResult } from './types.js';

/** A follow-up where the server has no catalog: the LLM proposes a new list for the whole conversation. */
export async function openWorldTurn(d: AppDeps, c: Caller, l: Loaded, conv: Conversation, message: string): Promise<RecResult> {
  const ctx = await llmContext(d, c);
  if (!ctx.enabled) throw new AppError('catalog.empty');
  const extraText = conv.extraText ? `${conv.extraText}; ${message}` : message;
  const shownTitles = conv.turns.at(-1)?.text ?? '';
  const text = `${conv.request}; ${extraText}${shownTitles ? ` (the list shown was: ${shownTitles})` : ''}`;
  const ow = await openWorldList(d, c, l, ctx, PIPELINES.refine.noCatalog, { text, count: conv.count });
  if (ow.info.engine !== 'llm') throw new AppError('catalog.empty');
  const botText = ow.items.map((r) => displayTitle(r.item)).join('; ');
  const saved = await recordTurn(d, conv, { message, items: ow.items, botText, state: { extraText } });
  return { ...ow.info, items: ow.items, change: 'a new list for your request', conversation: saved };
}
