import { SlashCommandBuilder } from 'discord.js';
import { checkRankTitles } from '../src/app/checks.js';
import { splitTitles } from '../src/domain/rules.js';
import { defer, send } from '../src/discord/reply.js';
import { renderRank } from '../src/discord/render/predict.js';
import type { Command } from '../src/discord/types.js';

export default {
  data: new SlashCommandBuilder()
    .setName('rank')
    .setDescription('Your own list, ranked for you')
    .addStringOption((o) => o.setName('titles').setDescription('Titles separated by commas, e.g. "Heat, Alien, Up"').setRequired(true).setMaxLength(2000))
    .addStringOption((o) =>
      o
        .setName('method')
        .setDescription('How to compare (default listwise)')
        .addChoices({ name: 'pointwise', value: 'pointwise' }, { name: 'pairwise', value: 'pairwise' }, { name: 'listwise', value: 'listwise' }),
    ),
  async execute(i, services, ctx) {
    const titles = checkRankTitles(splitTitles(i.options.getString('titles', true)));
    const method = (i.options.getString('method') ?? 'listwise') as 'pointwise' | 'pairwise' | 'listwise';
    await defer(i, false, { now: true });  // engine work: defer at once
    await send(i, renderRank(await services.rank(ctx.caller, { titles, method })));
  },
} satisfies Command;
