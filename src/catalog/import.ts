/**
 * Watch-history imports for /import: Letterboxd exports (ratings.csv, watched.csv, diary.csv), the
 * IMDb ratings export, or a plain CSV with a title column (and optional year, rating, date). The
 * format comes from the headers unless given. A row with a bad title, year, rating or date is an
 * error and is left out; the other rows come back. Never throws on bad input.
 */
import { decodeUpload } from './decode.js';
import { normaliseKey } from './fields.js';
import { CSV_LABELS, IssueList, capitalise, quoted, where } from './issues.js';
import { parseDate, parseRating } from './import-values.js';
import { splitTitleYear } from './normalise.js';
import { readCsv } from './read-csv.js';
import { cleanLine } from './text.js';
import { yearFromText } from './build-item.js';
import type { CatalogIssue } from './types.js';

export type ImportFormat = 'letterboxd' | 'imdb' | 'csv';

export interface ImportRow {
  /** The row a spreadsheet shows (the header is row 1). */
  row: number;
  title: string;
  year?: number;
  /** 0.5-5 in half steps. */
  rating?: number;
  /** Epoch milliseconds. */
  watchedAt?: number;
}

export interface ImportResult {
  format: ImportFormat;
  rows: ImportRow[];
  errors: CatalogIssue[];
}

export interface ImportOptions {
  filename?: string;
  format?: ImportFormat;
  maxBytes?: number;
  maxRows?: number;
  clock?: () => number;
}

/** Normalised header names per format, most wanted first. */
interface Columns {
  title: string[];
  year: string[];
  rating: string[];
  date: string[];
  scale: 5 | 10;
}

const LAYOUTS: Record<ImportFormat, Columns> = {
  letterboxd: { title: ['name'], year: ['year'], rating: ['rating'], date: ['watcheddate', 'date'], scale: 5 },
  imdb: { title: ['title'], year: ['year'], rating: ['yourrating'], date: ['daterated'], scale: 10 },
  csv: {
    title: ['title', 'name', 'movie', 'film'],
    year: ['year', 'releaseyear'],
    rating: ['rating', 'myrating', 'yourrating', 'score', 'stars'],
    date: ['watchedat', 'watcheddate', 'datewatched', 'watched', 'date', 'daterated'],
    scale: 5,
  },
};

const EXPECTED: Record<ImportFormat, string> = {
  letterboxd: "a Letterboxd export (ratings.csv, watched.csv or diary.csv with columns Date, Name, Year, Letterboxd URI)",
  imdb: "an IMDb ratings export (columns Const, Your Rating, Date Rated, Title, …)",
  csv: "a CSV whose header has a 'title' (or 'name') column",
};

export function detectImportFormat(header: string[]): ImportFormat | undefined {
  const keys = new Set(header.map(normaliseKey));
  if (keys.has('letterboxduri') && keys.has('name')) return 'letterboxd';
  if (keys.has('const') && keys.has('yourrating') && keys.has('title')) return 'imdb';
  if (LAYOUTS.csv.title.some((k) => keys.has(k))) return 'csv';
  return undefined;
}

function fileError(format: ImportFormat, code: string, message: string): ImportResult {
  return { format, rows: [], errors: [{ row: 0, code, message }] };
}

export function parseImport(bytes: Uint8Array, opts: ImportOptions = {}): ImportResult {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('parseImport expects a Uint8Array');
  const { maxBytes = 10 * 1024 * 1024, maxRows = 50_000, clock = Date.now } = opts;
  const fallback = opts.format ?? 'csv';
  const decoded = decodeUpload(bytes, maxBytes);
  if (!decoded.ok) return { format: fallback, rows: [], errors: [decoded.issue] };
  const read = readCsv(decoded.text, /\.tsv$/i.test(opts.filename ?? '') ? { delimiter: '\t' } : {});
  if (!read.ok) return { format: fallback, rows: [], errors: [read.issue] };

  const detected = detectImportFormat(read.header);
  const format = opts.format ?? detected;
  if (!format) {
    const found = read.header.slice(0, 8).map((h) => quoted(h, 30)).join(', ');
    return fileError(fallback, 'import.unknown-format', `The file is not ${EXPECTED.csv}, ${EXPECTED.letterboxd} or ${EXPECTED.imdb}. Its header has: ${found}.`);
  }
  if (opts.format && opts.format !== 'csv' && detected !== opts.format) {
    return fileError(format, 'import.wrong-format', `The file does not look like ${EXPECTED[format]}.`);
  }
  const layout = LAYOUTS[format];
  const keys = read.header.map(normaliseKey);
  const pick = (names: string[]) => {
    for (const n of names) {
      const i = keys.indexOf(n);
      if (i !== -1) return i;
    }
    return -1;
  };
  const col = { title: pick(layout.title), year: pick(layout.year), rating: pick(layout.rating), date: pick(layout.date) };
  if (col.title === -1) return fileError(format, 'import.no-title-column', `The file is missing its title column; expected ${EXPECTED[format]}.`);

  const records = read.records.filter((r) => r.values.some((v) => v.trim() !== ''));
  if (records.length > maxRows) {
    return fileError(format, 'file.too-many-items', `The file has ${records.length.toLocaleString('en-US')} rows; the limit is ${maxRows.toLocaleString('en-US')}.`);
  }
  const issues = new IssueList();
  const rows: ImportRow[] = [];
  const now = clock();
  for (const rec of records) {
    const name = (i: number) => read.header[i].trim();
    let bad = false;
    const error = (code: string, i: number | undefined, message: string) => {
      bad = true;
      const column = i === undefined ? undefined : name(i);
      issues.error({ row: rec.row, line: rec.line, column, code, message: `${capitalise(where(CSV_LABELS, rec.row, column, rec.line))}: ${message}` });
    };
    const value = (i: number) => (i === -1 ? '' : cleanLine(rec.values[i] ?? '').value);
    let title = value(col.title);
    if (title === '') error('row.missing-title', col.title, 'the title is empty.');
    const out: ImportRow = { row: rec.row, title };
    const yearText = value(col.year);
    if (yearText !== '') {
      const y = yearFromText(yearText);
      if (y === undefined || y < 1870 || y > 2100) error('row.bad-year', col.year, `${quoted(yearText)} is not a year between 1870 and 2100.`);
      else out.year = y;
    }
    const split = splitTitleYear(title);
    if (split.year !== undefined && (yearText === '' || split.year === out.year)) {
      title = out.title = split.title;
      out.year = split.year;
    }
    const ratingText = value(col.rating);
    if (ratingText !== '') {
      const r = parseRating(ratingText, layout.scale);
      const range = layout.scale === 10 ? 'a whole number from 1 to 10' : 'a rating from 0.5 to 5';
      if (r === undefined) error('import.bad-rating', col.rating, `${quoted(ratingText)} is not ${range}.`);
      else out.rating = r;
    }
    const dateText = value(col.date);
    if (dateText !== '') {
      const d = parseDate(dateText, now);
      if (!d.ok) error('import.bad-date', col.date, `${quoted(dateText)} ${d.why}.`);
      else out.watchedAt = d.at;
    }
    if (!bad) rows.push(out);
  }
  return { format, rows, errors: issues.finish().errors };
}

