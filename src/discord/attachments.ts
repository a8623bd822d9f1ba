import type { Attachment } from 'discord.js';
import { AppError } from '../app/errors.js';
import { bytes } from '../present/text.js';

/** Discord's attachment hosts: the only ones downloaded from unless the config names others (ATTACHMENT_HOSTS). */
export const DISCORD_CDN_HOSTS: readonly string[] = ['cdn.discordapp.com', 'media.discordapp.net'];

/** ATTACHMENT_HOSTS ("a,b") as a list of lower-case host names. */
export function attachmentHosts(config: { ATTACHMENT_HOSTS: string }): string[] {
  return config.ATTACHMENT_HOSTS.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean);
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Throws `attachment.bad-host` unless `url` is https (http only on loopback, for the emulator) on an allowed host. */
export function checkAttachmentUrl(url: string, hosts: readonly string[]): URL {
  const u = URL.canParse(url) ? new URL(url) : undefined;
  const host = u?.hostname.toLowerCase() ?? '';
  const scheme = u?.protocol === 'https:' || (u?.protocol === 'http:' && LOOPBACK.has(host));
  if (!u || !scheme || !hosts.includes(host)) throw new AppError('attachment.bad-host', { host: host ? `\`${host.slice(0, 60)}\`` : 'that address' });
  return u;
}

/**
 * Checks the host and the size BEFORE downloading, then downloads with `fetch` (no redirects: a redirect could
 * leave the allowed hosts), stopping if the body outgrows the limit.
 */
export async function downloadAttachment(
  a: Pick<Attachment, 'url' | 'size' | 'name'> | null,
  maxBytes: number,
  fetchImpl: typeof globalThis.fetch = globalThis.fetch,
  hosts: readonly string[] = DISCORD_CDN_HOSTS,
): Promise<Uint8Array> {
  if (!a) throw new AppError('attachment.missing');
  const url = checkAttachmentUrl(a.url, hosts);
  if (a.size > maxBytes) throw new AppError('attachment.too-large', { size: bytes(a.size), max: bytes(maxBytes) });
  let res: Response;
  try {
    res = await fetchImpl(url, { redirect: 'error' });
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
