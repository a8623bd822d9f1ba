import { SlashCommandBuilder } from 'discord.js';
import { autocompleteTitle } from '../src/discord/autocomplete.js';
import { checkRating } from '../src/app/checks.js';
import { RATING } from '../src/domain/rules.js';
import { defer, send } from '../src/discord/reply.js';
import { ratedNotice } from '../src/present/notices.js';
import { renderView } from '../src/discord/render/view.js';
import { withTaken } from '../src/present/taken.js';
import { resolveItem } from '../src/discord/resolve.js';
import type { Command } from '../src/discord/types.js';

export default {
  data: new SlashCommandBuilder()
    .setName('rate')
    .setDescription('Rate something from 0.5 to 5')
    .addStringOption((o) => o.setName('title').setDescription('Title').setRequired(true).setAutocomplete(true))
    .addNumberOption((o) => o.setName('score').setDescription('0.5 to 5, in halves').setRequired(true).setMinValue(RATING.min).setMaxValue(RATING.max)),
  async execute(i, services, ctx) {
    const score = checkRating(i.options.getNumber('score', true));
    await defer(i, true, { afterMs: ctx.deferAfterMs });
    const { item, taken } = await resolveItem(services, ctx.caller, i.options.getString('title', true));
    await services.rate(ctx.caller, item.id, score);
    await send(i, renderView(withTaken(ratedNotice(item, score), taken)));
  },
  autocomplete: (i, services) => autocompleteTitle(i, services),
} satisfies Command;
