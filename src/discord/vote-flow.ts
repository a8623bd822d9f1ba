import { DiscordAPIError, RESTJSONErrorCodes, type Message, type RepliableInteraction } from 'discord.js';
import { AppError } from '../app/errors.js';
import type { Services } from '../app/types.js';
import type { VotePlan } from '../app/vote-types.js';
import { votePoll } from '../present/vote.js';
import { NO_MENTIONS } from './render/limits.js';
import { renderPoll } from './render/vote.js';
import type { CommandContext } from './types.js';
import { latestListOf, listHeading, listItemIds, parseMessageRef } from './vote-list.js';

const REFUSED: readonly number[] = [RESTJSONErrorCodes.MissingPermissions, RESTJSONErrorCodes.MissingAccess];

/** The list a vote is about: the message named by `ref` (a link or an id), else the asker's latest list here. */
export async function findList(i: RepliableInteraction, ref: string | null): Promise<Message> {
  const channel = i.channel;
  if (!channel || !i.guildId) throw new AppError('guild.only', { command: '/vote' });
  if (!ref) return latestListOf(channel, i.user.id, i.client.user.id);
  const parsed = parseMessageRef(ref);
  if (!parsed) throw new AppError('vote.not-a-list');
  const where = parsed.channelId && parsed.channelId !== channel.id ? await i.client.channels.fetch(parsed.channelId).catch(() => null) : channel;
  if (!where || !where.isTextBased() || ('guildId' in where && where.guildId !== i.guildId)) throw new AppError('vote.not-a-list');
  const m = await where.messages.fetch(parsed.messageId).catch(() => null);
  if (!m || m.author.id !== i.client.user.id || listItemIds(m).length === 0) throw new AppError('vote.not-a-list');
  return m;
}

/**
 * Puts a list to a vote: its items (2 to 10 of the catalog) become a native poll in the list's channel, `hours`
 * long, remembered so that its close is announced once. Refused by Discord (no Send Polls): the member is told.
 */
export async function startVote(services: Services, ctx: CommandContext, list: Message, hours: number): Promise<VotePlan> {
  const ids = listItemIds(list);
  if (!ids.length) throw new AppError('vote.not-a-list');
  const plan = await services.votes.plan(ctx.caller, { itemIds: ids, hours });
  const channel = list.channel;
  if (!channel.isSendable()) throw new AppError('vote.cannot-post');
  let posted: Message;
  try {
    posted = await channel.send({ poll: renderPoll(votePoll(plan, listHeading(list)), plan.hours), allowedMentions: NO_MENTIONS });
  } catch (e) {
    if (e instanceof DiscordAPIError && REFUSED.includes(Number(e.code))) throw new AppError('vote.cannot-post');
    throw e;
  }
  await services.votes.opened(ctx.caller, { pollId: posted.id, channelId: posted.channelId, plan });
  ctx.logger.info({ scope: ctx.caller.scope, pollId: posted.id, items: plan.items.length, hours: plan.hours }, 'vote opened');
  return plan;
}
