import { SlashCommandBuilder } from 'discord.js';
import { autocompleteTitle } from '../src/discord/autocomplete.js';
import { AppError } from '../src/app/errors.js';
import { defer, send } from '../src/discord/reply.js';
import { renderRecommendations } from '../src/discord/render/recommendations.js';
import { resolveItem } from '../src/discord/resolve.js';
import type { Command } from '../src/discord/types.js';

export default {
  data: new SlashCommandBuilder()
    .setName('similar')
    .setDescription('Nearest items by meaning, to a title or to a description')
    .addStringOption((o) => o.setName('title').setDescription('A title').setAutocomplete(true))
    .addStringOption((o) => o.setName('text').setDescription('Or describe it, e.g. "heist with a twist"').setMaxLength(500)),
  async execute(i, services, ctx) {
    const title = i.options.getString('title');
    const text = i.options.getString('text')?.trim() || undefined;
    if (!title && !text) throw new AppError('similar.need-input');
    await defer(i, false, { now: true });  // engine work: defer at once
    const found = title ? await resolveItem(services, ctx.caller, title) : null;
    const item = found?.item;
    const result = await services.similar(ctx.caller, { itemId: item?.id, text, count: 8 });
    await send(i, renderRecommendations(result, { title: item ? `Similar to ${item.title}` : `Similar to "${text}"`, buttons: true, taken: found?.taken }));
  },
  autocomplete: (i, services) => autocompleteTitle(i, services),
} satisfies Command;
