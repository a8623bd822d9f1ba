import { SlashCommandBuilder } from 'discord.js';
import { autocompleteTitle } from '../src/discord/autocomplete.js';
import { defer, send } from '../src/discord/reply.js';
import { renderPredict } from '../src/discord/render/predict.js';
import { resolveItem } from '../src/discord/resolve.js';
import type { Command } from '../src/discord/types.js';

/** Ephemeral: the explanation names the user's own ratings. */
export default {
  data: new SlashCommandBuilder()
    .setName('predict')
    .setDescription('How much you would probably like something, and why')
    .addStringOption((o) => o.setName('title').setDescription('Title').setRequired(true).setAutocomplete(true)),
  async execute(i, services, ctx) {
    await defer(i, true, { now: true }); // engine work: defer at once
    const { item, taken } = await resolveItem(services, ctx.caller, i.options.getString('title', true));
    await send(i, renderPredict(await services.predict(ctx.caller, { itemId: item.id }), taken));
  },
  autocomplete: (i, services) => autocompleteTitle(i, services),
} satisfies Command;
