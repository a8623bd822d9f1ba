import { SlashCommandBuilder } from 'discord.js';
import { LIST_COUNT } from '../src/domain/rules.js';
import { defer, send } from '../src/discord/reply.js';
import { renderRecommendations } from '../src/discord/render/recommendations.js';
import type { Command } from '../src/discord/types.js';

/** Ephemeral: the list follows from the private watch history. */
export default {
  data: new SlashCommandBuilder()
    .setName('next')
    .setDescription('What to watch next, from the order of your watch history')
    .addIntegerOption((o) => o.setName('count').setDescription('How many (1-10, default 5)').setMinValue(LIST_COUNT.min).setMaxValue(LIST_COUNT.max)),
  async execute(i, services, ctx) {
    await defer(i, true, { now: true });  // engine work: defer at once
    const result = await services.next(ctx.caller, { count: i.options.getInteger('count') ?? LIST_COUNT.default });
    await send(i, renderRecommendations(result, { title: 'Up next for you', buttons: true, ephemeral: true }));
  },
} satisfies Command;
