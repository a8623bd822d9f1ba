/**
 * Catalog export. CSV (RFC 4180: CRLF line ends, values with a comma, quote, line break or edge
 * spaces in double quotes, quotes doubled) with columns id, title, year, description, tags (joined
 * with "|"), url, image_url, then every extra field; parseCatalog reads it back to the same items.
 * Cells a spreadsheet would run as a formula get a leading quote (see formula.ts); the import removes it.
 */
import type { CatalogItem } from '../domain/item.js';
import { isRiskyCell, neutralise } from './formula.js';

const BASE = ['id', 'title', 'year', 'description', 'tags', 'url', 'image_url'] as const;

/** One CSV value, quoted when needed. */
export function csvValue(value: string): string {
  return /[",\r\n;\t|]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export interface CsvExportOptions {
  /** Start with a UTF-8 byte order mark so that Excel reads accents right (default true). */
  bom?: boolean;
}

export function catalogToCsv(items: readonly CatalogItem[], opts: CsvExportOptions = {}): string {
  return catalogCsvExport(items, opts).csv;
}

/** The CSV and how many cells were neutralised (so that the export can say so). */
export function catalogCsvExport(items: readonly CatalogItem[], { bom = true }: CsvExportOptions = {}): { csv: string; neutralised: number } {
  let neutralised = 0;
  const cell = (v: string) => {
    if (isRiskyCell(v)) neutralised++;
    return csvValue(neutralise(v));
  };
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
  const lines = [[...BASE, ...extraKeys].map(cell).join(',')];
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
    lines.push(values.map(cell).join(','));
  }
  return { csv: `${bom ? '\ufeff' : ''}${lines.join('\r\n')}\r\n`, neutralised };
}

/** A JSON array of items, two-space indented; parseCatalog reads it back to the same items. */
export function catalogToJson(items: readonly CatalogItem[]): string {
  return `${JSON.stringify(items, null, 2)}\n`;
}
