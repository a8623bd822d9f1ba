import type { Message } from 'discord.js';
import type { Caller, RecResult, Services } from '../app/types.js';
import type { Logger } from '../log.js';
import { callerOf } from './caller.js';
import { NO_MENTIONS } from './render/limits.js';
import { renderRecommendations } from './render/recommendations.js';
import { answerConversationId, inlineConversationId, isConversationThread, ownerFromThread, RECOMMEND_TITLE, type ThreadRegistry } from './threads.js';

export interface ThreadDeps {
  services: Services;
  registry: ThreadRegistry;
  logger: Logger;
  botId: string;
  /** Whether the bot has the Message Content intent: without it Discord blanks messages that do not mention it. */
  messageContent: boolean;
  /** The refinement limit: false ignores the message; throws a user error to answer it (src/discord/limits-check.ts). */
  allow?: (m: Message) => boolean;
}

/** How many replies back a refinement may point: answer <- asker <- bot's update <- asker <- ... */
const MAX_HOPS = 6;

async function referenced(m: Message): Promise<Message | null> {
  return m.reference?.messageId ? m.fetchReference().catch(() => null) : null;
}

/** A /recommend (or /together) answer: by the command name when Discord sends it, else by the list's heading. */
function isRecommendAnswer(m: Message): boolean {
  // `interaction` is deprecated but still sent for command answers, and it alone names the command.
  const name = m.interaction?.commandName;
  if (name) return name === 'recommend' || name === 'together';
  return m.embeds[0]?.title?.startsWith(RECOMMEND_TITLE) === true;
}

/**
 * The inline conversation a server message refines, or null: only a reply by the asker to their own
 * /recommend answer (or to the bot's updated list that answered such a reply) counts; the conversation is
 * the one that answer was made with. Replies to other people's lists, to other commands' answers, or to
 * anything else are ignored.
 */
export async function answerConversationOf(message: Message, botId: string): Promise<string | null> {
  const authorId = message.author.id;
  let cur = message;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const ref = await referenced(cur);
    if (!ref || ref.author.id !== botId) return null;
    const meta = ref.interactionMetadata ?? ref.interaction;
    if (meta) {
      if (meta.user.id !== authorId || !isRecommendAnswer(ref)) return null;
      return answerConversationId(meta.id);
    }
    // The bot's updated list answers the asker's earlier reply: follow that back to the answer.
    const asked = await referenced(ref);
    if (!asked || asked.author.id !== authorId) return null;
    cur = asked;
  }
  return null;
}

async function conversationOf(message: Message, d: ThreadDeps): Promise<string | null> {
  if (isConversationThread(message.channel, d.botId)) {
    const owner = await ownerFromThread(message, d.registry, d.botId);
    return owner === message.author.id ? message.channelId : null;
  }
  // A DM holds one conversation per user: every message there refines it.
  if (!message.inGuild()) return inlineConversationId(message.channelId, message.author.id);
  return answerConversationOf(message, d.botId);
}

/**
 * A message in a conversation: the asker's messages refine the list, everything else is ignored silently.
 * Returns what it did, for logs and tests. Errors propagate to the one error handler.
 */
export async function handleConversationMessage(message: Message, d: ThreadDeps): Promise<'refined' | 'ignored' | 'warned'> {
  if (message.author.bot || message.system) return 'ignored';
  const conversationId = await conversationOf(message, d);
  if (!conversationId) return 'ignored';
  const mentioned = message.mentions.users.has(d.botId);
  const text = message.content.replace(new RegExp(`<@!?${d.botId}>`, 'g'), '').trim();
  if (!text) {
    // Empty content is a sticker or an attachment when the bot has the intent; without it, Discord blanked it.
    if (!d.messageContent && !mentioned && d.registry.shouldWarnNoContent(message.channelId)) {
      await message.reply({
        content: `I cannot read messages here (the Message Content intent is off for this bot). Mention me to refine: \`@${message.client.user?.username ?? 'Tastemaker'} no horror please\`.`,
        allowedMentions: NO_MENTIONS,
      });
      return 'warned';
    }
    return 'ignored';
  }
  if (d.allow && !d.allow(message)) {
    d.logger.debug({ userId: message.author.id, channelId: message.channelId }, 'refinement over the limit: ignored');
    return 'ignored';
  }
  const caller: Caller = callerOf({ guildId: message.guildId, user: message.author, channel: message.channel, guildLocale: message.guild?.preferredLocale });
  if ('sendTyping' in message.channel) await message.channel.sendTyping().catch(() => undefined);
  const result: RecResult = await d.services.refine(caller, { conversationId, text });
  await message.reply({ ...renderRecommendations(result, { title: 'Updated list', buttons: true }), allowedMentions: NO_MENTIONS });
  return 'refined';
}
