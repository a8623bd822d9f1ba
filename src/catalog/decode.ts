/**
 * Bytes -> text, with the checks that must come before any parsing: size, emptiness, binary
 * content (NUL bytes, known archive/spreadsheet signatures), UTF-16, and strict UTF-8.
 */
import type { CatalogIssue } from './types.js';

export type Decoded = { ok: true; text: string } | { ok: false; issue: CatalogIssue };

const MB = 1024 * 1024;

function fail(code: string, message: string): Decoded {
  return { ok: false, issue: { row: 0, code, message } };
}

export function formatBytes(n: number): string {
  return n >= MB ? `${(n / MB).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} bytes`;
}

const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (an .xlsx/.ods spreadsheet or a zipped export)' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel (.xls) spreadsheet' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

/** 1-based line of a byte offset. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that is not part of a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Checks and decodes an uploaded file. `maxBytes` is checked before anything else is read. */
export function decodeUpload(bytes: Uint8Array, maxBytes: number): Decoded {
  if (bytes.length > maxBytes) {
    return fail(
      'file.too-large',
      `The file is ${formatBytes(bytes.length)}; the limit is ${formatBytes(maxBytes)}. Split it into smaller files or remove columns you do not need.`,
    );
  }
  if (bytes.length === 0) return fail('file.empty', 'The file is empty.');
  for (const sig of SIGNATURES) {
    if (startsWith(bytes, sig.bytes)) {
      return fail('file.binary', `The file is ${sig.what}, not a text file. Export or save it as CSV (UTF-8) or JSON and upload that.`);
    }
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return fail('file.encoding', 'The file is encoded as UTF-16. Save it as UTF-8 (in Excel: "CSV UTF-8 (Comma delimited)") and upload it again.');
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return fail(
      'file.binary',
      `The file contains NUL bytes (first at line ${lineAt(bytes, nul)}, byte ${nul + 1}), so it looks like a binary file rather than CSV or JSON text.`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const at = bad >= 0 ? ` (first bad byte 0x${bytes[bad].toString(16).toUpperCase().padStart(2, '0')} at line ${lineAt(bytes, bad)})` : '';
    return fail(
      'file.encoding',
      `The file is not valid UTF-8${at}. It was probably saved as Latin-1/Windows-1252: save it as UTF-8 (in Excel: "CSV UTF-8 (Comma delimited)") and upload it again.`,
    );
  }
  if (text.trim() === '') return fail('file.empty', 'The file contains only whitespace.');
  return { ok: true, text };
}
