/**
 * CSV text -> header + records, with csv-parse's sync API: RFC 4180 quoting, embedded commas and
 * newlines, CRLF/LF/CR line endings, quotes inside unquoted values accepted as text. The delimiter
 * (comma, semicolon or tab) is guessed from the header line. Rows with another number of columns than
 * the header are returned as they are; the caller decides what that means.
 */
import { parse } from 'csv-parse/sync';
import { unneutralise } from './formula.js';
import type { CatalogIssue } from './types.js';

export interface CsvRecord {
  /** The row a spreadsheet shows: the header is row 1, a blank line is a row too. */
  row: number;
  /** 1-based line of the file where the record starts (a quoted value may span lines). */
  line: number;
  values: string[];
}

export type CsvRead =
  | { ok: true; header: string[]; records: CsvRecord[]; delimiter: string }
  | { ok: false; issue: CatalogIssue };

/** Counts delimiter candidates on the first line, outside double quotes. */
export function guessDelimiter(text: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length && i < 65_536; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c in counts) counts[c]++;
  }
  let best = ',';
  for (const d of [';', '\t']) if (counts[d] > counts[best]) best = d;
  return best;
}

interface ParseErrorLike {
  code?: unknown;
  message?: unknown;
}

export function readCsv(text: string, opts: { delimiter?: string } = {}): CsvRead {
  const delimiter = opts.delimiter ?? guessDelimiter(text);
  const rows: { values: string[]; line: number; row: number }[] = [];
  // Where the next record starts: one line after the last one ended, past the blank lines skipped since.
  let lastEnd = 0;
  let lastEmpty = 0;
  try {
    parse(text, {
      bom: true,
      delimiter,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      on_record: (record: string[], info: { lines: number; empty_lines: number }) => {
        const line = lastEnd + 1 + (info.empty_lines - lastEmpty);
        rows.push({ values: record, line, row: rows.length + 1 + info.empty_lines });
        lastEnd = info.lines;
        lastEmpty = info.empty_lines;
        return null;
      },
    });
  } catch (e) {
    const err = e as ParseErrorLike;
    const startLine = lastEnd + 1;
    // The record that failed: the spreadsheet row after the last one read (0: the header itself).
    const row = rows.length === 0 ? 0 : (rows[rows.length - 1]?.row ?? 0) + 1;
    if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
      return {
        ok: false,
        issue: {
          row,
          line: startLine,
          code: 'csv.unterminated-quote',
          message: `${row === 0 ? 'The header' : `Row ${row}`} (starting at line ${startLine}) opens a double quote (") that is never closed, so the rest of the file cannot be read. Close the quote, or write a quote inside a quoted value as two quotes ("").`,
        },
      };
    }
    return {
      ok: false,
      issue: { row, line: startLine, code: 'csv.invalid', message: `The CSV could not be read near line ${startLine}: ${String(err.message ?? e)}` },
    };
  }
  const [head, ...rest] = rows;
  if (!head) return { ok: false, issue: { row: 0, code: 'file.empty', message: 'The file has no rows.' } };
  return {
    ok: true,
    header: head.values,
    records: rest.map((r) => ({ row: r.row, line: r.line, values: r.values.map(unneutralise) })),
    delimiter,
  };
}
