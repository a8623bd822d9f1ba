import type { Attachment } from 'discord.js';
import { AppError } from '../app/errors.js';
import { bytes } from '../present/text.js';

/** Checks the size BEFORE downloading, then downloads with `fetch`, stopping if the body outgrows the limit. */
export async function downloadAttachment(
  a: Pick<Attachment, 'url' | 'size' | 'name'> | null,
  maxBytes: number,
  fetchImpl: typeof globalThis.fetch = globalThis.fetch,
): Promise<Uint8Array> {
  if (!a) throw new AppError('attachment.missing');
  if (a.size > maxBytes) throw new AppError('attachment.too-large', { size: bytes(a.size), max: bytes(maxBytes) });
  let res: Response;
  try {
    res = await fetchImpl(a.url);
  } catch (e) {
    throw new AppError('attachment.download-failed', { reason: e instanceof Error ? e.message.slice(0, 80) : 'network error' });
  }
  if (!res.ok || !res.body) throw new AppError('attachment.download-failed', { reason: `HTTP ${res.status}` });
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new AppError('attachment.too-large', { size: `over ${bytes(maxBytes)}`, max: bytes(maxBytes) });
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.byteLength;
  }
  return out;
}
