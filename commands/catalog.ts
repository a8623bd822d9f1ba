import { InteractionContextType, SlashCommandBuilder, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import type { Services, UploadProgress } from '../src/app/types.js';
import { downloadAttachment } from '../src/discord/attachments.js';
import { UserError } from '../src/discord/errors.js';
import { autocompleteTitle } from '../src/discord/autocomplete.js';
import { MANAGE_GUILD, requireManageGuild } from '../src/discord/permissions.js';
import { defer, send } from '../src/discord/reply.js';
import { bytes as bytesText, num, titleOf } from '../src/discord/render/escape.js';
import { catalogToCsv } from '../src/catalog/serialise.js';
import { renderCatalogExport, renderCatalogInfo, renderCatalogProgress, renderUploadReport } from '../src/discord/render/catalog.js';
import { button, customId, row } from '../src/discord/render/components.js';
import { clampReply, EPHEMERAL, type Rendered } from '../src/discord/render/limits.js';
import { renderNotice } from '../src/discord/render/misc.js';
import { resolveItem } from '../src/discord/resolve.js';
import type { Command, CommandContext } from '../src/discord/types.js';

/** Progress edits are at most this often. */
export const PROGRESS_EVERY_MS = 2000;

/** `/catalog clear` asks first: the buttons carry the asker's id (`cc:<id>` confirms, `cx:<id>` cancels). */
export const CLEAR_IDS = { confirm: 'cc', cancel: 'cx' } as const;
/** A clear confirmation older than this no longer works. */
export const CLEAR_CONFIRM_TTL_MS = 10 * 60 * 1000;

function renderClearConfirm(userId: string, itemCount: number | undefined): Rendered {
  const ok = customId(CLEAR_IDS.confirm, userId) ?? `${CLEAR_IDS.confirm}:`;
  const cancel = customId(CLEAR_IDS.cancel, userId) ?? `${CLEAR_IDS.cancel}:`;
  const what = itemCount === undefined ? 'the whole catalog of this server' : `the whole catalog of this server (${itemCount.toLocaleString('en-US')} items)`;
  return clampReply({
    content: `This removes ${what}. Recommendations stop until a new catalog is uploaded or the starter one is switched on. It cannot be undone.`,
    components: [row([button(ok, 'Clear the catalog', 'danger'), button(cancel, 'Cancel', 'secondary')])],
    flags: EPHEMERAL,
  });
}

/** Only the asker, still holding Manage Server, within the time limit. */
function checkClearConfirm(i: ButtonInteraction, ownerId: string, now: number): void {
  if (ownerId !== i.user.id) throw new UserError('component.notYours');
  if (now - i.message.createdTimestamp > CLEAR_CONFIRM_TTL_MS) throw new UserError('component.expired');
  requireManageGuild(i, '/catalog clear');
}

async function upload(i: ChatInputCommandInteraction, services: Services, ctx: CommandContext): Promise<void> {
  const file = i.options.getAttachment('file', true);
  const mode = (i.options.getString('mode') ?? 'replace') as 'replace' | 'merge';
  // Progress is shown by editing the deferred reply, so defer at once.
  await defer(i, true, { now: true });
  // Size is checked from the attachment's metadata BEFORE anything is downloaded.
  const bytes = await downloadAttachment(file, ctx.config.CATALOG_MAX_BYTES, ctx.fetch);
  let last = 0;
  let edits: Promise<unknown> = Promise.resolve();
  // Once the upload ends (report or error) no new progress edit starts, and the queued ones are awaited before
  // the answer goes out, so none can overwrite it.
  let stopped = false;
  const onProgress = (p: UploadProgress) => {
    const now = ctx.clock();
    if (stopped || now - last < PROGRESS_EVERY_MS) return;
    last = now;
    const { flags: _f, ...body } = renderCatalogProgress(file.name, p);
    edits = edits.then(() => i.editReply(body)).catch((e: unknown) => ctx.logger.warn({ err: String(e) }, 'progress edit failed'));
  };
  let report;
  try {
    report = await services.catalog.upload(ctx.caller, { bytes, filename: file.name, mode, onProgress });
  } finally {
    stopped = true;
    await edits;
  }
  await send(i, renderUploadReport(report, file.name));
}

/** Discord's attachment limit when the interaction does not say (10 MiB, the smallest a server has). */
export const DEFAULT_ATTACHMENT_LIMIT = 10 * 1024 * 1024;

/** The catalog as one file: compact JSON (no indentation) or CSV; explained instead when over the upload limit. */
async function exportCatalog(i: ChatInputCommandInteraction, services: Services, ctx: CommandContext): Promise<void> {
  const format = i.options.getString('format') === 'csv' ? 'csv' : 'json';
  await defer(i, true, { now: true });
  const items = await services.catalog.export(ctx.caller.scope);
  const data = format === 'csv' ? catalogToCsv(items) : JSON.stringify(items);
  const size = Buffer.byteLength(data, 'utf8');
  const limit = i.attachmentSizeLimit > 0 ? i.attachmentSizeLimit : DEFAULT_ATTACHMENT_LIMIT;
  if (size > limit) {
    const other = format === 'json' ? ' Try `format:csv`, which is smaller.' : '';
    await send(i, renderNotice(`The catalog (${num(items.length)} items) is ${bytesText(size)} as ${format.toUpperCase()}, over the ${bytesText(limit)} Discord allows for a file here.${other}`));
    return;
  }
  await send(i, renderCatalogExport(data, items.length, format));
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
    .addSubcommand((s) =>
      s
        .setName('export')
        .setDescription('Download the catalog as JSON or CSV')
        .addStringOption((o) => o.setName('format').setDescription('File format (default json)').addChoices({ name: 'json', value: 'json' }, { name: 'csv', value: 'csv' })),
    )
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
    if (sub === 'clear') {
      const info = await services.catalog.info(ctx.caller.scope);
      if (!info) return void (await send(i, renderNotice('There is no catalog to clear.')));
      return void (await send(i, renderClearConfirm(i.user.id, info.itemCount)));
    }
    if (sub === 'export') return exportCatalog(i, services, ctx);
    // The starter catalog is embedded (engine work); info and remove are store reads and writes.
    await defer(i, true, sub === 'starter' ? { now: true } : { afterMs: ctx.deferAfterMs });
    if (sub === 'info') {
      await send(i, renderCatalogInfo(await services.catalog.info(ctx.caller.scope)));
    } else if (sub === 'remove') {
      const item = await resolveItem(services, ctx.caller, i.options.getString('title', true));
      const removed = await services.catalog.remove(ctx.caller, item.id);
      await send(i, renderNotice(removed ? `Removed **${titleOf(item)}** from the catalog.` : `**${titleOf(item)}** was not in the catalog.`));
    } else if (sub === 'starter') {
      await send(i, renderUploadReport(await services.catalog.starter(ctx.caller), 'starter catalog'));
    }
  },
  components: [
    {
      prefix: CLEAR_IDS.confirm,
      async handle(i, services, ctx, ownerId) {
        const b = i as ButtonInteraction;
        checkClearConfirm(b, ownerId, ctx.clock());
        await b.deferUpdate();
        const cleared = await services.catalog.clear(ctx.caller);
        await b.editReply({ content: cleared ? 'The catalog is cleared.' : 'There was no catalog to clear.', components: [], allowedMentions: { parse: [] } });
      },
    },
    {
      prefix: CLEAR_IDS.cancel,
      async handle(i, _services, ctx, ownerId) {
        const b = i as ButtonInteraction;
        if (ownerId !== b.user.id) throw new UserError('component.notYours');
        await b.update({ content: 'Cancelled: the catalog is unchanged.', components: [], allowedMentions: { parse: [] } });
      },
    },
  ],
  autocomplete: (i, services) => autocompleteTitle(i, services),
} satisfies Command;
