import { SlashCommandBuilder } from 'discord.js';
import { autocompleteTitle } from '../src/discord/autocomplete.js';
import { checkRating } from '../src/app/checks.js';
import { AppError } from '../src/app/errors.js';
import { RATING } from '../src/domain/rules.js';
import { defer, send } from '../src/discord/reply.js';
import { watchedAddedNotice, watchedRemovedNotice } from '../src/present/notices.js';
import { safe } from '../src/discord/render/escape.js';
import { renderView } from '../src/discord/render/view.js';
import { renderWatchedList } from '../src/discord/render/watched.js';
import { withTaken } from '../src/present/taken.js';
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
        .addNumberOption((o) => o.setName('rating').setDescription('Your rating, 0.5 to 5').setMinValue(RATING.min).setMaxValue(RATING.max)),
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
    const { item, taken } = await resolveItem(services, ctx.caller, title);
    if (sub === 'add') {
      const raw = i.options.getNumber('rating');
      const rating = raw === null ? undefined : checkRating(raw);
      await services.watched.add(ctx.caller, item.id, rating);
      await send(i, renderView(withTaken(watchedAddedNotice(item, rating), taken)));
    } else {
      const removed = await services.watched.remove(ctx.caller, item.id);
      if (!removed) throw new AppError('watched.not-found', { title: safe(item.title, 100) });
      await send(i, renderView(withTaken(watchedRemovedNotice(item), taken)));
    }
  },
  autocomplete: (i, services) => autocompleteTitle(i, services),
} satisfies Command;
