import { InteractionContextType, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import type { Services, UploadProgress } from '../src/app/types.js';
import { downloadAttachment } from '../src/discord/attachments.js';
import { autocompleteTitle } from '../src/discord/autocomplete.js';
import { MANAGE_GUILD, requireManageGuild } from '../src/discord/permissions.js';
import { defer, send } from '../src/discord/reply.js';
import { titleOf } from '../src/discord/render/escape.js';
import { renderCatalogExport, renderCatalogInfo, renderCatalogProgress, renderUploadReport } from '../src/discord/render/catalog.js';
import { renderNotice } from '../src/discord/render/misc.js';
import { resolveItem } from '../src/discord/resolve.js';
import type { Command, CommandContext } from '../src/discord/types.js';

/** Progress edits are at most this often. */
export const PROGRESS_EVERY_MS = 2000;

async function upload(i: ChatInputCommandInteraction, services: Services, ctx: CommandContext): Promise<void> {
  const file = i.options.getAttachment('file', true);
  const mode = (i.options.getString('mode') ?? 'replace') as 'replace' | 'merge';
  // Progress is shown by editing the deferred reply, so defer at once.
  await defer(i, true, { now: true });
  // Size is checked from the attachment's metadata BEFORE anything is downloaded.
  const bytes = await downloadAttachment(file, ctx.config.CATALOG_MAX_BYTES, ctx.fetch);
  let last = 0;
  let edits: Promise<unknown> = Promise.resolve();
  const onProgress = (p: UploadProgress) => {
    const now = ctx.clock();
    if (now - last < PROGRESS_EVERY_MS) return;
    last = now;
    const { flags: _f, ...body } = renderCatalogProgress(file.name, p);
    edits = edits.then(() => i.editReply(body)).catch((e: unknown) => ctx.logger.warn({ err: String(e) }, 'progress edit failed'));
  };
  const report = await services.catalog.upload(ctx.caller, { bytes, filename: file.name, mode, onProgress });
  await edits;
  await send(i, renderUploadReport(report, file.name));
}

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
        .addStringOption((o) =>
          o.setName('mode').setDescription('Replace the catalog (default) or merge into it').addChoices({ name: 'replace', value: 'replace' }, { name: 'merge', value: 'merge' }),
        ),
    )
    .addSubcommand((s) => s.setName('info').setDescription('Size, version and embeddings of the catalog'))
    .addSubcommand((s) => s.setName('export').setDescription('Download the catalog as JSON'))
    .addSubcommand((s) =>
      s
        .setName('remove')
        .setDescription('Remove one item')
        .addStringOption((o) => o.setName('title').setDescription('Title').setRequired(true).setAutocomplete(true)),
    )
    .addSubcommand((s) => s.setName('starter').setDescription('Switch on the starter movie catalog'))
    .addSubcommand((s) => s.setName('clear').setDescription('Remove the whole catalog')),
  async execute(i, services, ctx) {
    const sub = i.options.getSubcommand(true);
    requireManageGuild(i, `/catalog ${sub}`);
    if (sub === 'upload') return upload(i, services, ctx);
    await defer(i, true);
    if (sub === 'info') {
      await send(i, renderCatalogInfo(await services.catalog.info(ctx.caller.scope)));
    } else if (sub === 'export') {
      const items = await services.catalog.export(ctx.caller.scope);
      await send(i, renderCatalogExport(JSON.stringify(items, null, 1), items.length));
    } else if (sub === 'remove') {
      const item = await resolveItem(services, ctx.caller, i.options.getString('title', true));
      const removed = await services.catalog.remove(ctx.caller, item.id);
      await send(i, renderNotice(removed ? `Removed **${titleOf(item)}** from the catalog.` : `**${titleOf(item)}** was not in the catalog.`));
    } else if (sub === 'starter') {
      await send(i, renderUploadReport(await services.catalog.starter(ctx.caller), 'starter catalog'));
    } else {
      const cleared = await services.catalog.clear(ctx.caller);
      await send(i, renderNotice(cleared ? 'The catalog is cleared.' : 'There was no catalog to clear.'));
    }
  },
  autocomplete: (i, services) => autocompleteTitle(i, services),
} satisfies Command;
