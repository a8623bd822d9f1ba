import { SlashCommandBuilder } from 'discord.js';
import { autocompleteTitle } from '../src/discord/autocomplete.js';
import { checkRating } from '../src/discord/options.js';
import { defer, send } from '../src/discord/reply.js';
import { stars, titleOf } from '../src/discord/render/escape.js';
import { renderNotice } from '../src/discord/render/misc.js';
import { resolveItem } from '../src/discord/resolve.js';
import type { Command } from '../src/discord/types.js';

export default {
  data: new SlashCommandBuilder()
    .setName('rate')
    .setDescription('Rate something from 0.5 to 5')
    .addStringOption((o) => o.setName('title').setDescription('Title').setRequired(true).setAutocomplete(true))
    .addNumberOption((o) => o.setName('score').setDescription('0.5 to 5, in halves').setRequired(true).setMinValue(0.5).setMaxValue(5)),
  async execute(i, services, ctx) {
    const score = checkRating(i.options.getNumber('score', true));
    await defer(i, true, { afterMs: ctx.deferAfterMs });
    const item = await resolveItem(services, ctx.caller, i.options.getString('title', true));
    await services.rate(ctx.caller, item.id, score);
    await send(i, renderNotice(`Rated **${titleOf(item)}** ${stars(score)}.`));
  },
  autocomplete: (i, services) => autocompleteTitle(i, services),
} satisfies Command;
