import { SlashCommandBuilder } from 'discord.js';
import { autocompleteTitle } from '../src/discord/autocomplete.js';
import { UserError } from '../src/discord/errors.js';
import { checkRating } from '../src/discord/options.js';
import { defer, send } from '../src/discord/reply.js';
import { safe, stars, titleOf } from '../src/discord/render/escape.js';
import { renderNotice } from '../src/discord/render/misc.js';
import { renderWatchedList } from '../src/discord/render/watched.js';
import { resolveItem } from '../src/discord/resolve.js';
import type { Command } from '../src/discord/types.js';

export default {
  data: new SlashCommandBuilder()
    .setName('watched')
    .setDescription('Your watch history (private)')
    .addSubcommand((s) =>
      s
        .setName('add')
        .setDescription('Add something you watched')
        .addStringOption((o) => o.setName('title').setDescription('Title').setRequired(true).setAutocomplete(true))
        .addNumberOption((o) => o.setName('rating').setDescription('Your rating, 0.5 to 5').setMinValue(0.5).setMaxValue(5)),
    )
    .addSubcommand((s) => s.setName('list').setDescription('Show your watch history'))
    .addSubcommand((s) =>
      s
        .setName('remove')
        .setDescription('Remove something from your history')
        .addStringOption((o) => o.setName('title').setDescription('Title').setRequired(true).setAutocomplete(true)),
    ),
  async execute(i, services, ctx) {
    const sub = i.options.getSubcommand(true);
    await defer(i, true, { afterMs: ctx.deferAfterMs });
    if (sub === 'list') {
      await send(i, renderWatchedList(await services.watched.list(ctx.caller)));
      return;
    }
    const title = i.options.getString('title', true);
    const item = await resolveItem(services, ctx.caller, title);
    if (sub === 'add') {
      const raw = i.options.getNumber('rating');
      const rating = raw === null ? undefined : checkRating(raw);
      await services.watched.add(ctx.caller, item.id, rating);
      await send(i, renderNotice(`Added **${titleOf(item)}** to your watched list${rating !== undefined ? ` with ${stars(rating)}` : ''}.`));
    } else {
      const removed = await services.watched.remove(ctx.caller, item.id);
      if (!removed) throw new UserError('watched.notFound', { title: safe(item.title, 100) });
      await send(i, renderNotice(`Removed **${titleOf(item)}** from your watched list.`));
    }
  },
  autocomplete: (i, services) => autocompleteTitle(i, services),
} satisfies Command;
