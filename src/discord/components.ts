import type { ButtonInteraction, StringSelectMenuInteraction } from 'discord.js';
import type { Services } from '../app/types.js';
import { checkRating } from '../app/checks.js';
import { AppError } from '../app/errors.js';
import { defer, send } from './reply.js';
import { IDS, ratingSelect } from './render/components.js';
import { titleOf } from './render/escape.js';
import { reasonOnList } from './render/cards.js';
import { renderDetails } from './render/details.js';
import { renderNotice } from './render/misc.js';
import { renderRecommendations } from './render/recommendations.js';
import { renderWatchedList } from './render/watched.js';
import type { CommandContext, ComponentHandler, ComponentInteraction } from './types.js';

/**
 * Buttons and selects on recommendation lists. Anyone who sees a list may use them, and each click acts
 * for the person who clicks (their history, their ratings); the answer is ephemeral to them.
 * The item id comes from the custom id (`w:<itemId>`), or from the select's value for lists over 5 items.
 */
export function itemIdOf(i: ComponentInteraction, rest: string): string {
  if (rest) return rest;
  const v = i.isStringSelectMenu() ? i.values[0] : undefined;
  if (!v) throw new AppError('component.unknown');
  return v;
}

async function itemOrThrow(services: Services, ctx: CommandContext, id: string) {
  const item = await services.getItem(ctx.caller.scope, id);
  if (!item) throw new AppError('item.gone');
  return item;
}

export const recommendationComponents: ComponentHandler[] = [
  {
    prefix: IDS.watched,
    async handle(i, services, ctx, rest) {
      const item = await itemOrThrow(services, ctx, itemIdOf(i, rest));
      await services.watched.add(ctx.caller, item.id);
      await send(i as ButtonInteraction, renderNotice(`Marked **${titleOf(item)}** as watched. Rate it?`, { components: ratingSelect(item.id) }));
    },
  },
  {
    prefix: IDS.notInterested,
    async handle(i, services, ctx, rest) {
      const item = await itemOrThrow(services, ctx, itemIdOf(i, rest));
      await services.notInterested(ctx.caller, item.id);
      await send(i as ButtonInteraction, renderNotice(`Got it: I will not suggest **${titleOf(item)}** to you again.`));
    },
  },
  {
    prefix: IDS.moreLike,
    async handle(i, services, ctx, rest) {
      const itemId = itemIdOf(i, rest);
      await defer(i as ButtonInteraction, true, { now: true });
      const item = await itemOrThrow(services, ctx, itemId);
      const result = await services.moreLike(ctx.caller, { itemId: item.id, count: 5 });
      await send(i as ButtonInteraction, renderRecommendations(result, { title: `More like ${item.title}`, buttons: true, ephemeral: true }));
    },
  },
  {
    prefix: IDS.rate,
    async handle(i, services, ctx, rest) {
      const value = checkRating(Number((i as StringSelectMenuInteraction).values?.[0]));
      const item = await itemOrThrow(services, ctx, rest);
      await services.rate(ctx.caller, item.id, value);
      // Replace the select with the confirmation (update the ephemeral message it sits on).
      await (i as StringSelectMenuInteraction).update({ content: `Rated **${titleOf(item)}** ${value}★.`, components: [], allowedMentions: { parse: [] } });
    },
  },
  {
    prefix: IDS.details,
    async handle(i, services, ctx, rest) {
      const itemId = itemIdOf(i, rest);
      await defer(i as ButtonInteraction, true, { now: true });
      const item = await itemOrThrow(services, ctx, itemId);
      const [cards, settings] = await Promise.all([services.cards(ctx.caller, [item]), i.inGuild() ? services.settings.get(ctx.caller.scope) : null]);
      const reason = reasonOnList((i as ButtonInteraction).message?.embeds ?? [], item);
      await send(i as ButtonInteraction, renderDetails(item, cards[item.id], { reason, hideSpoilers: settings?.hideSpoilers }));
    },
  },
  {
    prefix: IDS.page,
    async handle(i, services, ctx, rest) {
      const page = Number.parseInt(rest, 10) || 0;
      const list = await services.watched.list(ctx.caller);
      const { flags: _ephemeral, ...body } = renderWatchedList(list, page);
      await (i as ButtonInteraction).update(body);
    },
  },
];
