import { SlashCommandBuilder } from 'discord.js';
import { AppError } from '../src/app/errors.js';
import { LIST_COUNT } from '../src/domain/rules.js';
import { recommendFlow } from '../src/discord/recommend-flow.js';
import type { Command } from '../src/discord/types.js';

/** A public list; where it is refined (a thread, or replies) is the Discord flow's business. */
export default {
  data: new SlashCommandBuilder()
    .setName('recommend')
    .setDescription('Recommendations from what you ask for; refine them in the thread that opens')
    .addStringOption((o) => o.setName('request').setDescription('What are you in the mood for? e.g. "cozy mystery"').setRequired(true).setMaxLength(500))
    .addIntegerOption((o) => o.setName('count').setDescription('How many (1-10, default 5)').setMinValue(LIST_COUNT.min).setMaxValue(LIST_COUNT.max)),
  async execute(i, services, ctx) {
    const request = i.options.getString('request', true).trim();
    if (!request) throw new AppError('request.empty');
    await recommendFlow(i, services, ctx, { request, count: i.options.getInteger('count') ?? LIST_COUNT.default });
  },
} satisfies Command;
