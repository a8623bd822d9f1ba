/**
 * Catalog export. CSV (RFC 4180: CRLF line ends, values with a comma, quote, line break or edge
 * spaces in double quotes, quotes doubled) with columns id, title, year, description, tags (joined
 * with "|"), url, image_url, then every extra field; parseCatalog reads it back to the same items.
 * Note: values are written as they are; a spreadsheet may read one that starts with "=" as a formula.
 */
import type { CatalogItem } from '../domain/item.js';

const BASE = ['id', 'title', 'year', 'description', 'tags', 'url', 'image_url'] as const;

/** One CSV value, quoted when needed. */
export function csvValue(value: string): string {
  return /[",\r\n;\t|]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export interface CsvExportOptions {
  /** Start with a UTF-8 byte order mark so that Excel reads accents right (default true). */
  bom?: boolean;
}

export function catalogToCsv(items: readonly CatalogItem[], { bom = true }: CsvExportOptions = {}): string {
  const extraKeys: string[] = [];
  const seen = new Set<string>(BASE);
  for (const item of items) {
    for (const key of Object.keys(item.extra ?? {})) {
      if (!seen.has(key)) {
        seen.add(key);
        extraKeys.push(key);
      }
    }
  }
  const lines = [[...BASE, ...extraKeys].map(csvValue).join(',')];
  for (const item of items) {
    const values = [
      item.id,
      item.title,
      item.year === undefined ? '' : String(item.year),
      item.description ?? '',
      (item.tags ?? []).join('|'),
      item.url ?? '',
      item.imageUrl ?? '',
      ...extraKeys.map((k) => item.extra?.[k] ?? ''),
    ];
    lines.push(values.map(csvValue).join(','));
  }
  return `${bom ? '\ufeff' : ''}${lines.join('\r\n')}\r\n`;
}

/** A JSON array of items, two-space indented; parseCatalog reads it back to the same items. */
export function catalogToJson(items: readonly CatalogItem[]): string {
  return `${JSON.stringify(items, null, 2)}\n`;
}
