import type { ChatInputCommandInteraction } from 'discord.js';
import type { Services, UploadProgress, UploadReport } from '../../app/types.js';
import { attachmentHosts, downloadAttachment } from '../attachments.js';
import { defer } from '../reply.js';
import { renderCatalogProgress } from '../render/catalog.js';
import type { CommandContext } from '../types.js';

/** Progress edits are at most this often. */
export const PROGRESS_EVERY_MS = 2000;

/**
 * `/catalog upload`: defers at once (progress edits the deferred reply), checks the size from the attachment's
 * metadata BEFORE downloading, then uploads with progress edits at most every PROGRESS_EVERY_MS. Returns the report.
 */
export async function uploadWithProgress(
  i: ChatInputCommandInteraction,
  services: Services,
  ctx: CommandContext,
  input: { file: { url: string; size: number; name: string }; mode: 'replace' | 'merge' },
): Promise<UploadReport> {
  const { file, mode } = input;
  await defer(i, true, { now: true });
  const bytes = await downloadAttachment(file, ctx.config.CATALOG_MAX_BYTES, ctx.fetch, attachmentHosts(ctx.config));
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
  try {
    return await services.catalog.upload(ctx.caller, { bytes, filename: file.name, mode, onProgress });
  } finally {
    stopped = true;
    await edits;
  }
}
