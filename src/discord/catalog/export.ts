import type { ChatInputCommandInteraction } from 'discord.js';
import type { Services } from '../../app/types.js';
import { catalogCsvExport } from '../../catalog/serialise.js';
import { bytes, num } from '../../present/text.js';
import { defer, send } from '../reply.js';
import { renderCatalogExport } from '../render/catalog.js';
import { renderNotice } from '../render/misc.js';
import type { CommandContext } from '../types.js';

/** Discord's attachment limit when the interaction does not say (10 MiB, the smallest a server has). */
export const DEFAULT_ATTACHMENT_LIMIT = 10 * 1024 * 1024;

/** `/catalog export`: the catalog as one file, compact JSON (no indentation) or CSV; explained instead when over the upload limit. */
export async function exportCatalog(i: ChatInputCommandInteraction, services: Services, ctx: CommandContext, format: 'json' | 'csv'): Promise<void> {
  await defer(i, true, { now: true });
  const items = await services.catalog.export(ctx.caller.scope);
  const csv = format === 'csv' ? catalogCsvExport(items) : undefined;
  const data = csv ? csv.csv : JSON.stringify(items);
  const size = Buffer.byteLength(data, 'utf8');
  const limit = i.attachmentSizeLimit > 0 ? i.attachmentSizeLimit : DEFAULT_ATTACHMENT_LIMIT;
  if (size > limit) {
    const other = format === 'json' ? ' Try `format:csv`, which is smaller.' : '';
    await send(i, renderNotice(`The catalog (${num(items.length)} items) is ${bytes(size)} as ${format.toUpperCase()}, over the ${bytes(limit)} Discord allows for a file here.${other}`));
    return;
  }
  await send(i, renderCatalogExport(data, items.length, format, csv?.neutralised ?? 0));
}
