import { errorMessage } from '../kit/index.js';
import { ChannelType, type ChatInputCommandInteraction, type Message } from 'discord.js';
import type { Logger } from '../log.js';
import { LIMITS } from './render/limits.js';

/**
 * Who asked in which conversation thread. The conversation itself lives in the store under the thread id
 * (it survives restarts); this registry only caches the owner, and after a restart reads it back from
 * the newest list in the thread that names its asker as `<@id>` (mentions are never pinged).
 */
export class ThreadRegistry {
  private readonly owners = new Map<string, string>();
  private readonly warnedNoContent = new Set<string>();
  remember(threadId: string, ownerId: string): void {
    this.owners.delete(threadId);
    this.owners.set(threadId, ownerId);
    if (this.owners.size > 10_000) this.owners.delete(this.owners.keys().next().value as string);
  }
  owner(threadId: string): string | undefined {
    return this.owners.get(threadId);
  }
  /** True the first time only: the bot explains the missing Message Content intent once per channel. */
  shouldWarnNoContent(channelId: string): boolean {
    if (this.warnedNoContent.has(channelId)) return false;
    this.warnedNoContent.add(channelId);
    if (this.warnedNoContent.size > 10_000) this.warnedNoContent.delete(this.warnedNoContent.values().next().value as string);
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
const ASKED_BY_RE = new RegExp(`^${ASKED_BY} <@!?(\\d+|[^>\\s]+)>`);
function askedByOf(content: string): string | undefined {
  return ASKED_BY_RE.exec(content)?.[1];
}

/** The heading of every /recommend answer: how a reply's target is known as a list (with the command name). */
export const RECOMMEND_TITLE = 'Recommendations: ';

/** How to refine in a new conversation thread; `mentionName` when the bot can only read messages that mention it. */
export function refineHint(threadId: string, mentionName?: string): string {
  return mentionName
    ? `Refine it in <#${threadId}> by mentioning me: \`@${mentionName} no horror\` (I can only read messages that mention me). Only the asker's messages count.`
    : `Refine it in <#${threadId}>: say what to change ("swap the second one", "no horror", "something older"). Only the asker's messages count.`;
}

/** The hint of a /recommend made inside an existing conversation thread: the new list replaces the old one. */
export function replaceHint(mentionName?: string): string {
  const how = mentionName ? `mention me (\`@${mentionName} no horror\`)` : 'say what to change ("no horror", "something older")';
  return `This starts a new conversation in this thread: it replaces the previous list, and only the new asker's messages refine it. To refine, ${how}.`;
}

/** The hint of an inline answer in a server channel; `mentionName` when replies must mention the bot to be read. */
export function replyHint(mentionName?: string): string {
  return mentionName ? `Reply to this message and mention me (\`@${mentionName}\`) to refine it.` : 'Reply to this message to refine it.';
}

/** True for a thread the bot created: its conversation threads (it creates no others). */
export function isConversationThread(ch: { isThread(): boolean; ownerId?: string | null } | null, botId: string): boolean {
  return !!ch && ch.isThread() && ch.ownerId === botId;
}

/**
 * Opens the conversation thread on the reply message BEFORE computing the list, so that the conversation
 * id is the thread id from the first turn. Returns null where no thread can be made (DMs, threads, other
 * channel types), and also when Discord refuses it (no Create Public Threads permission): the reply is then
 * already deferred publicly and the caller answers inline.
 */
export async function openThread(i: ChatInputCommandInteraction, request: string, registry: ThreadRegistry, logger?: Logger): Promise<{ id: string } | null> {
  const ch = i.channel;
  if (!i.inGuild() || !ch || (ch.type !== ChannelType.GuildText && ch.type !== ChannelType.GuildAnnouncement)) return null;
  if (i.deferred || i.replied) throw new Error('openThread must acknowledge the interaction itself');
  // The deferred reply's message comes back with the callback: no extra request before the thread.
  const res = await i.deferReply({ withResponse: true });
  const msg = res.resource?.message;
  if (!msg) return null;
  try {
    const thread = await msg.startThread({ name: threadName(i.user.globalName ?? i.user.username, request), autoArchiveDuration: 1440 });
    registry.remember(thread.id, i.user.id);
    return { id: thread.id };
  } catch (e) {
    logger?.info({ err: errorMessage(e), channelId: ch.id }, 'could not open a conversation thread; answering inline');
    return null;
  }
}

/** The id of a DM conversation: one per DM channel and user; store-safe characters only. */
export function inlineConversationId(channelId: string, userId: string): string {
  return `inline.${channelId}.${userId}`;
}

/** The id of an inline conversation in a server: one per /recommend answer, named by its interaction id. */
export function answerConversationId(interactionId: string): string {
  return `inline.${interactionId}`;
}

/**
 * The asker of a conversation thread: cached, else the newest bot message in the thread that names its
 * asker (a /recommend inside the thread replaces the conversation), else the thread's starter message.
 */
export async function ownerFromThread(message: Message, registry: ThreadRegistry, botId: string): Promise<string | undefined> {
  const cached = registry.owner(message.channelId);
  if (cached) return cached;
  const ch = message.channel;
  if (!isConversationThread(ch, botId) || !ch.isThread()) return undefined;
  const recent = await ch.messages.fetch({ limit: 50 }).catch(() => null);
  const newest = recent ? [...recent.values()].sort((a, b) => b.createdTimestamp - a.createdTimestamp) : [];
  let id = newest.map((m) => (m.author.id === botId ? askedByOf(m.content) : undefined)).find(Boolean);
  if (!id) {
    const starter = await ch.fetchStarterMessage().catch(() => null);
    if (!starter || starter.author.id !== botId) return undefined;
    id = starter.interactionMetadata?.user.id ?? askedByOf(starter.content);
  }
  if (id) registry.remember(message.channelId, id);
  return id;
}
