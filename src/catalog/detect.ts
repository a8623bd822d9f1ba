/** Which reader a file needs: the explicit format, else the filename extension, else the content. */
import type { CatalogFormat } from './types.js';

export interface Detected {
  format: CatalogFormat;
  /** Delimiter forced by the extension (.tsv -> tab); otherwise guessed from the header. */
  delimiter?: string;
}

const BY_EXTENSION: Record<string, Detected> = {
  csv: { format: 'csv' },
  tsv: { format: 'csv', delimiter: '\t' },
  tab: { format: 'csv', delimiter: '\t' },
  json: { format: 'json' },
  jsonl: { format: 'jsonl' },
  ndjson: { format: 'jsonl' },
};

export function extensionOf(filename: string | undefined): string {
  const m = /\.([a-z0-9]+)$/i.exec(filename ?? '');
  return m ? m[1].toLowerCase() : '';
}

/** Content sniffing: `[` starts a JSON array, `{` JSON Lines (or one object), anything else is CSV. */
export function detectFormat(text: string, opts: { filename?: string; format?: CatalogFormat } = {}): Detected {
  if (opts.format) return { format: opts.format, ...(extensionOf(opts.filename) === 'tsv' ? { delimiter: '\t' } : {}) };
  const byExt = BY_EXTENSION[extensionOf(opts.filename)];
  if (byExt) return byExt;
  const first = text.replace(/^\ufeff/, '').trimStart().charAt(0);
  if (first === '[') return { format: 'json' };
  if (first === '{') return { format: 'jsonl' };
  return { format: 'csv' };
}
