import { DiscordAPIError, GuildScheduledEventEntityType, GuildScheduledEventPrivacyLevel, PermissionFlagsBits, RESTJSONErrorCodes,
  type ButtonInteraction, type ModalSubmitInteraction, type StringSelectMenuInteraction } from 'discord.js';
import { AppError } from '../app/errors.js';
import type { Services } from '../app/types.js';
import { parseEventTime } from '../app/vote-time.js';
import { displayTitle } from '../domain/item.js';
import { votePostedView, voteEventView } from '../present/vote.js';
import { IDS } from './render/components.js';
import { renderView } from './render/view.js';
import { EVENT_TIME_FIELD, VOTE_IDS, eventModal, renderDurationPicker } from './render/vote.js';
import type { CommandContext, ComponentHandler } from './types.js';
import { listItemIds } from './vote-list.js';
import { checkMemberMayPoll, startVote } from './vote-flow.js';

/** How long an event for the winner lasts (Discord needs an end for an external event). */
const EVENT_HOURS = 3;

/** The closed vote's record, for its asker only; unknown or with no winner: AppError. */
async function winnerFor(services: Services, ctx: CommandContext, pollId: string) {
  const record = await services.votes.get(ctx.caller.scope, pollId);
  const winner = record?.outcome?.winner;
  if (!record || !winner) throw new AppError('vote.unknown');
  if (record.askerId !== ctx.caller.userId) throw new AppError('component.not-yours');
  return { record, winner };
}

/** Only members who may make server events have the bot make one (the bot checks its own permission too). */
function checkMemberMayCreateEvents(i: ButtonInteraction | ModalSubmitInteraction): void {
  if (!i.memberPermissions?.any([PermissionFlagsBits.ManageEvents, PermissionFlagsBits.CreateEvents])) throw new AppError('event.member-permission');
}

/** The buttons, select and modal of a vote: "Vote on this" -> duration -> poll; "Create an event" -> modal -> event. */
export const voteComponents: ComponentHandler[] = [
  {
    prefix: IDS.vote,
    async handle(i) {
      const b = i as ButtonInteraction;
      if (!b.guildId) throw new AppError('guild.only', { command: 'Vote on this' });
      if (listItemIds(b.message).length === 0) throw new AppError('vote.not-a-list');
      if (b.channel) await checkMemberMayPoll(b, b.channel);
      await b.reply(renderDurationPicker(b.message.id));
    },
  },
  {
    prefix: VOTE_IDS.duration,
    async handle(i, services, ctx, rest) {
      const s = i as StringSelectMenuInteraction;
      const hours = Number(s.values[0]);
      await s.deferUpdate();
      const list = await s.channel?.messages.fetch(rest).catch(() => null);
      if (!list || list.author.id !== s.client.user.id) throw new AppError('vote.not-a-list');
      await checkMemberMayPoll(s, list.channel);
      const plan = await startVote(services, ctx, list, hours);
      const { flags: _f, ...body } = renderView(votePostedView(plan.hours, plan.items.length));
      await s.editReply({ ...body, components: [] });
    },
  },
  {
    prefix: VOTE_IDS.event,
    async handle(i, services, ctx, rest) {
      await winnerFor(services, ctx, rest);
      checkMemberMayCreateEvents(i as ButtonInteraction);
      if (!(i as ButtonInteraction).appPermissions?.any([PermissionFlagsBits.ManageEvents, PermissionFlagsBits.CreateEvents])) throw new AppError('event.permission');
      await (i as ButtonInteraction).showModal(eventModal(rest));
    },
  },
  {
    prefix: VOTE_IDS.eventModal,
    async handle(i, services, ctx, rest) {
      const m = i as ModalSubmitInteraction;
      const { winner } = await winnerFor(services, ctx, rest);
      checkMemberMayCreateEvents(m);
      const start = parseEventTime(m.fields.getTextInputValue(EVENT_TIME_FIELD), ctx.clock());
      if (!m.guild) throw new AppError('guild.only', { command: 'Create an event' });
      const title = displayTitle(winner);
      try {
        const event = await m.guild.scheduledEvents.create({
          name: `Watch: ${title}`.slice(0, 100), scheduledStartTime: start, scheduledEndTime: start + EVENT_HOURS * 3_600_000,
          privacyLevel: GuildScheduledEventPrivacyLevel.GuildOnly, entityType: GuildScheduledEventEntityType.External,
          entityMetadata: { location: 'Together (the group picked it by vote)' }, description: `The group's pick: ${title}`.slice(0, 1000),
        });
        await m.reply(renderView(voteEventView(title, start, event.url)));
      } catch (e) {
        if (e instanceof DiscordAPIError && Number(e.code) === RESTJSONErrorCodes.MissingPermissions) throw new AppError('event.permission');
        throw e;
      }
    },
  },
];
