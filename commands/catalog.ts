import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { catalogRemovedNotice } from '../src/present/notices.js';
import { autocompleteTitle } from '../src/discord/autocomplete.js';
import { askClearCatalog, clearComponents } from '../src/discord/catalog/clear.js';
import { exportCatalog } from '../src/discord/catalog/export.js';
import { uploadWithProgress } from '../src/discord/catalog/upload.js';
import { MANAGE_GUILD, requireManageGuild } from '../src/discord/permissions.js';
import { defer, send } from '../src/discord/reply.js';
import { renderCatalogInfo, renderUploadReport } from '../src/discord/render/catalog.js';
import { renderView } from '../src/discord/render/view.js';
import { resolveItem } from '../src/discord/resolve.js';
import type { Command } from '../src/discord/types.js';

const choices = (...values: string[]) => values.map((v) => ({ name: v, value: v }));

export default {
  data: new SlashCommandBuilder()
    .setName('catalog')
    .setDescription("The server's item list (Manage Server)")
    .setDefaultMemberPermissions(MANAGE_GUILD)
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((s) =>
      s
        .setName('upload')
        .setDescription('Upload a CSV, JSON or JSONL file of items')
        .addAttachmentOption((o) => o.setName('file').setDescription('Columns: id, title, description, tags, year, url').setRequired(true))
        .addStringOption((o) => o.setName('mode').setDescription('Replace the catalog (default) or merge into it').addChoices(...choices('replace', 'merge'))),
    )
    .addSubcommand((s) => s.setName('info').setDescription('Size, version and embeddings of the catalog'))
    .addSubcommand((s) =>
      s.setName('export').setDescription('Download the catalog as JSON or CSV').addStringOption((o) => o.setName('format').setDescription('File format (default json)').addChoices(...choices('json', 'csv'))),
    )
    .addSubcommand((s) =>
      s.setName('remove').setDescription('Remove one item').addStringOption((o) => o.setName('title').setDescription('Title').setRequired(true).setAutocomplete(true)),
    )
    .addSubcommand((s) => s.setName('starter').setDescription('Switch on the starter movie catalog'))
    .addSubcommand((s) => s.setName('clear').setDescription('Remove the whole catalog')),
  async execute(i, services, ctx) {
    const sub = i.options.getSubcommand(true);
    requireManageGuild(i, `/catalog ${sub}`);
    if (sub === 'upload') {
      const file = i.options.getAttachment('file', true);
      const mode = (i.options.getString('mode') ?? 'replace') as 'replace' | 'merge';
      return void (await send(i, renderUploadReport(await uploadWithProgress(i, services, ctx, { file, mode }), file.name)));
    }
    if (sub === 'clear') return askClearCatalog(i, services, ctx);
    if (sub === 'export') return exportCatalog(i, services, ctx, i.options.getString('format') === 'csv' ? 'csv' : 'json');
    // The starter catalog is embedded (engine work); info and remove are store reads and writes.
    await defer(i, true, sub === 'starter' ? { now: true } : { afterMs: ctx.deferAfterMs });
    if (sub === 'info') await send(i, renderCatalogInfo(await services.catalog.info(ctx.caller.scope)));
    else if (sub === 'starter') await send(i, renderUploadReport(await services.catalog.starter(ctx.caller), 'starter catalog'));
    else if (sub === 'remove') {
      const { item } = await resolveItem(services, ctx.caller, i.options.getString('title', true));
      await send(i, renderView(catalogRemovedNotice(item, await services.catalog.remove(ctx.caller, item.id))));
    }
  },
  components: clearComponents,
  autocomplete: (i, services) => autocompleteTitle(i, services),
} satisfies Command;
