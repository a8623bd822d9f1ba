import { SlashCommandBuilder } from 'discord.js';
import { attachmentHosts, downloadAttachment } from '../src/discord/attachments.js';
import { defer, send } from '../src/discord/reply.js';
import { renderImportReport } from '../src/discord/render/misc.js';
import type { Command } from '../src/discord/types.js';

export default {
  data: new SlashCommandBuilder()
    .setName('import')
    .setDescription('Import ratings and history from Letterboxd, IMDb or a CSV')
    .addAttachmentOption((o) => o.setName('file').setDescription('ratings.csv, watched.csv, diary.csv, an IMDb export or a CSV').setRequired(true))
    .addStringOption((o) =>
      o
        .setName('format')
        .setDescription('Detected from the columns when left out')
        .addChoices({ name: 'Letterboxd', value: 'letterboxd' }, { name: 'IMDb', value: 'imdb' }, { name: 'CSV (title, year, rating)', value: 'csv' }),
    ),
  async execute(i, services, ctx) {
    const file = i.options.getAttachment('file', true);
    const format = (i.options.getString('format') ?? undefined) as 'letterboxd' | 'imdb' | 'csv' | undefined;
    await defer(i, true, { now: true });  // engine work: defer at once
    const bytes = await downloadAttachment(file, ctx.config.CATALOG_MAX_BYTES, ctx.fetch, attachmentHosts(ctx.config));
    const report = await services.importHistory(ctx.caller, { bytes, filename: file.name, format });
    await send(i, renderImportReport(report, file.name));
  },
} satisfies Command;
