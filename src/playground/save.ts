import { errorMessage } from '../kit/index.js';
import { writeFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';

/** A file name safe to write: its last path part, odd characters replaced, never empty or a dot name. */
export function safeFileName(name: string): string {
  const base = basename(name.replace(/\\/g, '/')).replace(/[^\w.\-]+/g, '_').replace(/^\.+/, '');
  return base || 'file';
}

/**
 * Writes `bytes` as `name` into `dir` without overwriting anything: when `name` is taken it tries
 * `name-1.ext`, `name-2.ext`, ... (exclusive create, so a file appearing meanwhile is not clobbered).
 * Returns the absolute path written.
 */
export async function saveNew(dir: string, name: string, bytes: Uint8Array, maxTries = 1000): Promise<string> {
  const safe = safeFileName(name);
  const ext = extname(safe);
  const stem = safe.slice(0, safe.length - ext.length) || 'file';
  for (let k = 0; k < maxTries; k++) {
    const path = resolve(join(dir, k === 0 ? safe : `${stem}-${k}${ext}`));
    try {
      await writeFile(path, bytes, { flag: 'wx' });
      return path;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  throw new Error(`no free name for ${safe} in ${dir} after ${maxTries} tries`);
}

/** Saves a reply's files into `dir`; one line per file: where it went, or why it could not be written. */
export async function saveReplyFiles(dir: string, files: readonly { name: string; attachment: Uint8Array }[]): Promise<string[]> {
  const lines: string[] = [];
  for (const f of files) {
    try {
      const path = await saveNew(dir, f.name, f.attachment);
      lines.push(`Saved ${safeFileName(f.name)} (${f.attachment.byteLength.toLocaleString('en-US')} bytes) to ${path}`);
    } catch (e) {
      const why = (e as NodeJS.ErrnoException).code ?? (errorMessage(e));
      lines.push(`! Could not save ${safeFileName(f.name)} in ${dir}: ${why}`);
    }
  }
  return lines;
}
