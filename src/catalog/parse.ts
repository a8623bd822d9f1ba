/**
 * parseCatalog: an uploaded file (CSV, JSON array or JSON Lines) -> validated catalog items plus
 * errors and warnings that name the row and column. Never throws on bad input.
 *
 * File-level problems (row 0: too large, empty, binary, not UTF-8, unreadable CSV/JSON, no title
 * column, too many items, no data rows) reject every item. A row with an error is rejected on its
 * own and the other rows are kept. Warnings never reject anything. Rows are what a person finds the row by
 * (CSV: the spreadsheet row, the header being row 1, with the line it starts on; JSON array: item index + 1;
 * JSON Lines: line number). When ids repeat,
 * the first valid row keeps the id and later ones are errors naming both rows.
 */
import { buildItem, DEFAULT_YEARS, type YearRange } from './build-item.js';
import { decodeUpload } from './decode.js';
import { detectFormat } from './detect.js';
import { MAX_EXTRA_FIELDS, planColumns, type RawRow } from './fields.js';
import { CSV_LABELS, IssueList, type Labels, capitalise, quoted, where } from './issues.js';
import { readCsv } from './read-csv.js';
import { readJsonArray, readJsonLines } from './read-json.js';
import { DEFAULT_LIMITS, type CatalogFormat, type CatalogIssue, type ParseLimits, type ParseResult } from './types.js';
import { type CatalogItem } from '../domain/item.js';

export interface ParseOptions {
  filename?: string;
  format?: CatalogFormat;
  limits?: Partial<ParseLimits>;
  /** Accepted years (default 1870-2100). */
  years?: YearRange;
  /** Issues listed per code before they are summarised in one line (default 100). */
  issuesPerCode?: number;
}

/** `count`: data rows in the file, including rows that could not be read. */
type Rows = { ok: true; rows: RawRow[]; labels: Labels; count: number } | { ok: false };

function fileError(issue: CatalogIssue): ParseResult {
  return { items: [], errors: [issue], warnings: [] };
}

export function parseCatalog(bytes: Uint8Array, opts: ParseOptions = {}): ParseResult {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('parseCatalog expects a Uint8Array');
  const limits: ParseLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  const decoded = decodeUpload(bytes, limits.maxBytes);
  if (!decoded.ok) return fileError(decoded.issue);
  const issues = new IssueList(opts.issuesPerCode);
  const read = readRows(decoded.text, opts, issues);
  if (!read.ok) return { items: [], ...issues.finish() };
  const { rows, labels, count: total } = read;

  if (total > limits.maxItems) {
    return fileError({
      row: 0,
      code: 'file.too-many-items',
      message: `The file has ${total.toLocaleString('en-US')} items; the limit is ${limits.maxItems.toLocaleString('en-US')}. Split it into smaller files (use merge mode for the later ones) or remove items.`,
    });
  }
  if (total === 0) {
    return fileError({ row: 0, code: 'file.no-items', message: 'The file has no items (only a header or nothing but blank rows).' });
  }

  const items: CatalogItem[] = [];
  const firstRow = new Map<string, number>();
  const ctx = { limits, labels, issues, years: opts.years ?? DEFAULT_YEARS };
  for (const raw of rows) {
    const item = buildItem(raw, ctx);
    if (!item) continue;
    const prev = firstRow.get(item.id);
    if (prev !== undefined) {
      const idColumn = raw.fields.id?.[0]?.column;
      issues.error({
        row: raw.row,
        line: raw.line,
        column: hasGivenId(raw) ? idColumn : undefined,
        code: 'row.duplicate-id',
        message: hasGivenId(raw)
          ? `${capitalise(where(labels, raw.row, idColumn, raw.line))}: the id ${quoted(item.id)} is already used by ${where(labels, prev)}; the first one is kept and this one is skipped.`
          : `${capitalise(where(labels, raw.row, undefined, raw.line))}: ${quoted(item.title)}${item.year ? ` (${item.year})` : ''} has the same title and year as ${where(labels, prev)} and there is no id to tell them apart; the first one is kept and this one is skipped.`,
      });
      continue;
    }
    firstRow.set(item.id, raw.row);
    items.push(item);
    if (raw.ignored) issues.warn(ignoredKeys(labels, raw.row, raw.ignored));
  }
  return { items, ...issues.finish() };
}

function ignoredKeys(labels: Labels, row: number, ig: NonNullable<RawRow['ignored']>): CatalogIssue {
  const names = ig.names.map((n) => quoted(n, 30)).join(', ');
  return {
    row,
    code: 'json.ignored-keys',
    message: `${capitalise(where(labels, row))}: ${ig.count.toLocaleString('en-US')} key${ig.count === 1 ? ' was' : 's were'} ignored (${names}${ig.count > ig.names.length ? ', …' : ''}); only ${MAX_EXTRA_FIELDS} extra fields with different names are kept per item.`,
  };
}

function hasGivenId(raw: RawRow): boolean {
  const v = raw.fields.id?.[0]?.value;
  return (typeof v === 'string' && v.trim() !== '') || typeof v === 'number';
}


function readRows(text: string, opts: ParseOptions, issues: IssueList): Rows {
  const detected = detectFormat(text, opts);
  if (detected.format === 'json') {
    const trimmed = text.trimStart();
    if (trimmed.startsWith('{') && /\}\s*\r?\n\s*\{/.test(trimmed)) return fromJson(readJsonLines(text), issues);
    return fromJson(readJsonArray(text), issues);
  }
  if (detected.format === 'jsonl') {
    if (text.trimStart().startsWith('[')) return fromJson(readJsonArray(text), issues);
    return fromJson(readJsonLines(text), issues);
  }
  return fromCsv(text, detected.delimiter, issues);
}

function fromJson(read: ReturnType<typeof readJsonArray>, issues: IssueList): Rows {
  if (!read.ok) {
    issues.error(read.issue);
    return { ok: false };
  }
  read.rowErrors.forEach((e) => issues.error(e));
  return { ok: true, rows: read.rows, labels: read.labels, count: read.rows.length + read.rowErrors.length };
}

function fromCsv(text: string, delimiter: string | undefined, issues: IssueList): Rows {
  const read = readCsv(text, { delimiter });
  if (!read.ok) {
    issues.error(read.issue);
    return { ok: false };
  }
  const plan = planColumns(read.header);
  if (!plan.targets.includes('title')) {
    const found = plan.names.slice(0, 12).map((n) => quoted(n, 30)).join(', ');
    issues.error({
      row: 0,
      code: 'csv.no-title-column',
      message: `The header row has no title column (found: ${found}${plan.names.length > 12 ? ', …' : ''}). The first row must name the columns, and one of them must be 'title' or 'name'.`,
    });
    return { ok: false };
  }
  for (const [kept, demoted] of plan.demoted) {
    issues.warn({
      row: 0,
      column: demoted,
      code: 'csv.duplicate-column',
      message: `Columns ${quoted(kept)} and ${quoted(demoted)} mean the same field; ${quoted(kept)} is used and ${quoted(demoted)} is kept as an extra column.`,
    });
  }
  if (plan.dropped.length > 0) {
    issues.warn({
      row: 0,
      code: 'csv.too-many-columns',
      message: `Only 20 extra columns are kept (and no repeated names); ${plan.dropped.length.toLocaleString('en-US')} were ignored: ${plan.dropped.slice(0, 10).map((n) => quoted(n, 30)).join(', ')}${plan.dropped.length > 10 ? ', …' : ''}.`,
    });
  }
  const width = read.header.length;
  const rows: RawRow[] = [];
  let count = 0;
  for (const rec of read.records) {
    if (rec.values.every((v) => v.trim() === '')) continue;
    count++;
    if (rec.values.length > width && rec.values.slice(width).some((v) => v.trim() !== '')) {
      issues.error({
        row: rec.row,
        line: rec.line,
        code: 'csv.column-count',
        message: `${capitalise(where(CSV_LABELS, rec.row, undefined, rec.line))} has ${rec.values.length} columns but the header has ${width}; a value probably contains a comma: put that value in double quotes. The row was skipped.`,
      });
      continue;
    }
    if (rec.values.length < width) {
      issues.warn({
        row: rec.row,
        line: rec.line,
        code: 'csv.column-count',
        message: `${capitalise(where(CSV_LABELS, rec.row, undefined, rec.line))} has ${rec.values.length} columns but the header has ${width}; the missing ones are treated as empty.`,
      });
    }
    const raw: RawRow = { row: rec.row, line: rec.line, fields: {}, extra: [] };
    plan.targets.forEach((t, i) => {
      const value = rec.values[i];
      if (t === 'skip' || value === undefined) return;
      const f = { column: plan.names[i], value };
      if (t === 'extra') raw.extra.push(f);
      else (raw.fields[t] ??= []).push(f);
    });
    rows.push(raw);
  }
  return { ok: true, rows, labels: CSV_LABELS, count };
}
