import { DiscordAPIError, PermissionFlagsBits, RESTJSONErrorCodes, type Channel, type Message, type RepliableInteraction } from 'discord.js';
import { AppError } from '../app/errors.js';
import type { Services } from '../app/types.js';
import type { VotePlan } from '../app/vote-types.js';
import { votePoll } from '../present/vote.js';
import { NO_MENTIONS } from './render/limits.js';
import { renderPoll } from './render/vote.js';
import type { CommandContext } from './types.js';
import { latestListOf, listHeading, listItemIds, parseMessageRef } from './vote-list.js';

const REFUSED: readonly number[] = [RESTJSONErrorCodes.MissingPermissions, RESTJSONErrorCodes.MissingAccess];

/**
 * Refuses (AppError 'vote.member-cannot-post') a member who could not post a poll in `channel` themselves: the
 * bot posts it with its own permissions, so a link to a channel the member cannot see or write in must not work.
 */
export async function checkMemberMayPoll(i: RepliableInteraction, channel: Channel): Promise<void> {
  if (!i.guildId || channel.isDMBased() || !('permissionsFor' in channel)) throw new AppError('vote.member-cannot-post');
  const guild = i.guild ?? (await i.client.guilds.fetch(i.guildId));
  const member = await guild.members.fetch(i.user.id).catch(() => null);
  const send = channel.isThread() ? PermissionFlagsBits.SendMessagesInThreads : PermissionFlagsBits.SendMessages;
  const perms = member ? channel.permissionsFor(member) : null;
  if (!perms?.has([PermissionFlagsBits.ViewChannel, send, PermissionFlagsBits.SendPolls])) throw new AppError('vote.member-cannot-post');
}

/** The list a vote is about: the message named by `ref` (a link or an id), else the asker's latest list here. */
export async function findList(i: RepliableInteraction, ref: string | null): Promise<Message> {
  const channel = i.channel;
  if (!channel || !i.guildId) throw new AppError('guild.only', { command: '/vote' });
  if (!ref) {
    await checkMemberMayPoll(i, channel);
    return latestListOf(channel, i.user.id, i.client.user.id);
  }
  const parsed = parseMessageRef(ref);
  if (!parsed) throw new AppError('vote.not-a-list');
  const where = parsed.channelId && parsed.channelId !== channel.id ? await i.client.channels.fetch(parsed.channelId).catch(() => null) : channel;
  if (!where || !where.isTextBased() || ('guildId' in where && where.guildId !== i.guildId)) throw new AppError('vote.not-a-list');
  // Before reading the message: a member learns nothing about channels they cannot use.
  await checkMemberMayPoll(i, where);
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
