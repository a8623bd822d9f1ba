import { ChannelType, type ChatInputCommandInteraction, type Message } from 'discord.js';
import type { Caller, RecResult, Services } from '../app/types.js';
import type { Logger } from '../log.js';
import { callerOf } from './caller.js';
import { renderRecommendations } from './render/recommendations.js';
import { LIMITS, NO_MENTIONS } from './render/limits.js';

/**
 * Who asked in which conversation thread. The conversation itself lives in the store under the thread id
 * (it survives restarts); this registry only caches the owner, and after a restart reads it back from
 * the thread's starter message (the list), which names the asker as `<@id>` (mentions are never pinged).
 */
export class ThreadRegistry {
  private readonly owners = new Map<string, string>();
  private readonly warnedNoContent = new Set<string>();
  remember(threadId: string, ownerId: string): void {
    this.owners.set(threadId, ownerId);
    if (this.owners.size > 10_000) this.owners.delete(this.owners.keys().next().value as string);
  }
  owner(threadId: string): string | undefined {
    return this.owners.get(threadId);
  }
  /** True the first time only: the bot explains the missing Message Content intent once per thread. */
  shouldWarnNoContent(threadId: string): boolean {
    if (this.warnedNoContent.has(threadId)) return false;
    this.warnedNoContent.add(threadId);
    return true;
  }
}

/** "Recs for Ana: cozy mystery", at most 100 characters, no newlines. */
export function threadName(userName: string, request: string): string {
  const name = `Recs for ${userName}: ${request}`.replace(/\s+/g, ' ').trim();
  return name.length <= LIMITS.threadName ? name : `${name.slice(0, LIMITS.threadName - 1)}…`;
}

/** The first line of a threaded list: names the asker (never pinged); read back after a restart. */
export const ASKED_BY = 'Asked by';
export function askedBy(ownerId: string): string {
  return `${ASKED_BY} <@${ownerId}>`;
}

export function refineHint(threadId: string): string {
  return `Refine it in <#${threadId}>: say what to change ("swap the second one", "no horror", "something older"). Only the asker's messages count.`;
}

/**
 * Opens the conversation thread on the reply message BEFORE computing the list, so that the
 * conversation id is the thread id from the first turn. Returns null where no thread can be made
 * (DMs, threads, inline mode), and the caller then uses an inline conversation id.
 */
export async function openThread(i: ChatInputCommandInteraction, request: string, registry: ThreadRegistry): Promise<{ id: string } | null> {
  const ch = i.channel;
  if (!i.inGuild() || !ch || (ch.type !== ChannelType.GuildText && ch.type !== ChannelType.GuildAnnouncement)) return null;
  if (i.deferred || i.replied) throw new Error('openThread must acknowledge the interaction itself');
  // The deferred reply's message comes back with the callback: no extra request before the thread.
  const res = await i.deferReply({ withResponse: true });
  const msg = res.resource?.message;
  if (!msg) return null;
  const thread = await msg.startThread({ name: threadName(i.user.globalName ?? i.user.username, request), autoArchiveDuration: 1440 });
  registry.remember(thread.id, i.user.id);
  return { id: thread.id };
}

/** The id of an inline conversation (DMs, inline mode): one per channel and user; store-safe characters only. */
export function inlineConversationId(channelId: string, userId: string): string {
  return `inline.${channelId}.${userId}`;
}

async function ownerFromThread(message: Message, registry: ThreadRegistry, botId: string): Promise<string | undefined> {
  const cached = registry.owner(message.channelId);
  if (cached) return cached;
  const ch = message.channel;
  if (!ch.isThread() || ch.ownerId !== botId) return undefined;
  const starter = await ch.fetchStarterMessage().catch(() => null);
  if (!starter || starter.author.id !== botId) return undefined;
  const id = starter.interactionMetadata?.user.id ?? starter.content.match(new RegExp(`^${ASKED_BY} <@!?([^>\\s]+)>`))?.[1];
  if (id) registry.remember(message.channelId, id);
  return id;
}

export interface ThreadDeps {
  services: Services;
  registry: ThreadRegistry;
  logger: Logger;
  botId: string;
}

/**
 * A message in a conversation: the asker's messages refine the list, everyone else's are ignored.
 * Returns what it did, for logs and tests. Errors propagate to the one error handler.
 */
export async function handleConversationMessage(message: Message, d: ThreadDeps): Promise<'refined' | 'ignored' | 'warned'> {
  if (message.author.bot || message.system) return 'ignored';
  let conversationId: string;
  if (message.channel.isThread()) {
    const owner = await ownerFromThread(message, d.registry, d.botId);
    if (!owner || owner !== message.author.id) return 'ignored';
    conversationId = message.channelId;
  } else if (!message.inGuild()) {
    conversationId = inlineConversationId(message.channelId, message.author.id);
  } else {
    // Inline conversations in a server channel refine only by replying to the bot's list.
    const ref = message.reference?.messageId ? await message.fetchReference().catch(() => null) : null;
    if (!ref || ref.author.id !== d.botId) return 'ignored';
    conversationId = inlineConversationId(message.channelId, message.author.id);
  }
  const mentioned = message.mentions.users.has(d.botId);
  const text = message.content.replace(new RegExp(`<@!?${d.botId}>`, 'g'), '').trim();
  if (!text) {
    if (message.content === '' && !mentioned && message.attachments.size === 0 && d.registry.shouldWarnNoContent(message.channelId)) {
      await message.reply({
        content: 'I cannot read messages here (the Message Content intent is off for this bot). Mention me to refine: `@Tastemaker no horror please`.',
        allowedMentions: NO_MENTIONS,
      });
      return 'warned';
    }
    return 'ignored';
  }
  const caller: Caller = callerOf({ guildId: message.guildId, user: message.author });
  if ('sendTyping' in message.channel) await message.channel.sendTyping().catch(() => undefined);
  const result: RecResult = await d.services.refine(caller, { conversationId, text });
  await message.reply({ ...renderRecommendations(result, { title: 'Updated list', buttons: true }), allowedMentions: NO_MENTIONS });
  return 'refined';
}

