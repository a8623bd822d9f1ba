import { ChannelType, type ChatInputCommandInteraction, type Message } from 'discord.js';
import type { Caller, RecResult, Services } from '../app/types.js';
import type { Logger } from '../log.js';
import { callerOf } from './caller.js';
import { UserError } from './errors.js';
import { renderRecommendations } from './render/recommendations.js';
import { LIMITS, NO_MENTIONS } from './render/limits.js';

/**
 * Who asked in which conversation thread. The conversation itself lives in the store under the thread id
 * (it survives restarts); this registry only caches the owner, and after a restart reads it back from
 * the bot's first message in the thread, which names the asker as `<@id>` (mentions are never pinged).
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

export const INTRO_PREFIX = 'Reply here to refine the list';
export function introText(ownerId: string): string {
  return `${INTRO_PREFIX}, <@${ownerId}> ("swap the second one", "no horror", "something older"). Only your messages change it.`;
}

/**
 * Opens the conversation thread on the reply message BEFORE computing the list, so that the
 * conversation id is the thread id from the first turn. Returns null where no thread can be made
 * (DMs, threads, inline mode), and the caller then uses an inline conversation id.
 */
export async function openThread(i: ChatInputCommandInteraction, request: string, registry: ThreadRegistry): Promise<{ id: string } | null> {
  const ch = i.channel;
  if (!i.inGuild() || !ch || (ch.type !== ChannelType.GuildText && ch.type !== ChannelType.GuildAnnouncement)) return null;
  const msg = await i.editReply({ content: `Looking for: ${request.slice(0, 200).replace(/@/g, '@\u200b')}…`, allowedMentions: NO_MENTIONS });
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
  const recent = await ch.messages.fetch({ limit: 50 }).catch(() => null);
  const intro = recent?.find((m) => m.author.id === botId && m.content.startsWith(INTRO_PREFIX));
  const id = intro?.content.match(/<@!?([^>\s]+)>/)?.[1];
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

