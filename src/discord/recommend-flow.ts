import { ChannelType, PermissionFlagsBits, type ChatInputCommandInteraction } from 'discord.js';
import { AppError, asUserError } from '../app/errors.js';
import { APOLOGY } from '../app/messages.js';
import type { RecResult, Services } from '../app/types.js';
import { defer, keepOriginalOnError, send } from './reply.js';
import { NO_MENTIONS } from './render/limits.js';
import { renderRecommendations } from './render/recommendations.js';
import {
  answerConversationId, askedBy, inlineConversationId, isConversationThread, openThread, RECOMMEND_TITLE, refineHint, replaceHint, replyHint,
} from './threads.js';
import type { CommandContext } from './types.js';

/**
 * Whether a reply to an inline answer here reaches the bot and gets an answer: it needs to read the replied-to
 * message and to post in the channel, and in a private thread to be a member of it.
 */
function repliesRefine(i: ChatInputCommandInteraction): boolean {
  const ch = i.channel;
  if (ch?.type === ChannelType.PrivateThread && !ch.joined) return false;
  const send = ch?.isThread() ? PermissionFlagsBits.SendMessagesInThreads : PermissionFlagsBits.SendMessages;
  return i.appPermissions.has([PermissionFlagsBits.ViewChannel, PermissionFlagsBits.ReadMessageHistory, send]);
}

/** A list failed after its thread was opened: the thread's first message (the reply) says so; the thread stays. */
async function markThreadFailed(i: ChatInputCommandInteraction, e: unknown): Promise<void> {
  keepOriginalOnError(i);
  const why = asUserError(e)?.message ?? APOLOGY;
  await i
    .editReply({ content: `⚠️ No list this time. ${why} Start again with \`/recommend\`.`, embeds: [], components: [], allowedMentions: NO_MENTIONS })
    .catch(() => undefined);
}

function hintFor(i: ChatInputCommandInteraction, ctx: CommandContext, where: { thread?: string; replaced: boolean }): string | undefined {
  const mentionName = ctx.messageContent ? undefined : i.client.user.username;
  if (where.replaced) return replaceHint(mentionName);
  if (where.thread) return refineHint(where.thread, mentionName);
  if (!i.inGuild()) return 'Reply here to refine it.';
  return repliesRefine(i) ? replyHint(mentionName) : undefined;
}

/**
 * `/recommend` in Discord: where the conversation lives (a new thread on the reply, the conversation thread it is
 * asked in, or inline), the list, and the hint on how to refine it.
 */
export interface FlowRequest {
  request: string;
  count: number;
  /** The list's heading (default `Recommendations: {request}`). */
  heading?: string;
  /** A line before the hint (e.g. who a group list counted). */
  note?: (result: RecResult) => string | undefined;
  /** Another use case answering in the same conversation machinery (`/together`); default `services.recommend`. */
  ask?: (conversationId: string) => Promise<RecResult>;
}

export async function recommendFlow(i: ChatInputCommandInteraction, services: Services, ctx: CommandContext, q: FlowRequest): Promise<void> {
  const { request, count } = q;
  const scope = ctx.caller.scope;
  const [info, llm, settings] = await Promise.all([
    services.catalog.info(scope),
    services.llmStatus(scope),
    i.inGuild() ? services.settings.get(scope) : null,
  ]);
  // Nothing to recommend from: say so privately, before any public message or thread exists.
  if (!info && !llm.enabled) throw new AppError('catalog.empty');
  // Inside one of the bot's conversation threads a new /recommend replaces that thread's conversation;
  // elsewhere the thread hangs on the reply message: openThread defers (getting the message back) and opens
  // it, so that the conversation id is the thread id from the first turn. Other threads and DMs answer inline.
  const replaced = isConversationThread(i.channel, i.client.user.id);
  const thread = replaced ? { id: i.channelId } : settings?.conversationMode === 'thread' ? await openThread(i, request, ctx.threads, ctx.logger) : null;
  await defer(i, false, { now: true });
  const conversationId = thread?.id ?? (i.inGuild() ? answerConversationId(i.id) : inlineConversationId(i.channelId, i.user.id));
  let result;
  try {
    result = await (q.ask ? q.ask(conversationId) : services.recommend(ctx.caller, { text: request, count, conversationId }));
  } catch (e) {
    if (thread && !replaced) await markThreadFailed(i, e);
    throw e;
  }
  if (thread) ctx.threads.remember(thread.id, i.user.id);
  const hint = [q.note?.(result), hintFor(i, ctx, { thread: thread?.id, replaced })].filter(Boolean).join('\n') || undefined;
  const rendered = renderRecommendations(result, { title: q.heading ?? `${RECOMMEND_TITLE}${request}`, buttons: true, hint });
  await send(i, thread ? { ...rendered, content: askedBy(i.user.id) } : rendered);
}
