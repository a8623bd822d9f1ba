/**
 * Collecting parse problems: one list per severity, capped per code so that a file with the same
 * mistake on 40,000 rows yields a readable report (the first ones, then one summary line).
 */
import type { CatalogIssue } from './types.js';

/** How a location is worded: CSV has rows and columns, JSON arrays items and fields, JSONL lines. */
export interface Labels {
  row: 'row' | 'item' | 'line';
  column: 'column' | 'field';
}

export const CSV_LABELS: Labels = { row: 'row', column: 'column' };
export const JSON_LABELS: Labels = { row: 'item', column: 'field' };
export const JSONL_LABELS: Labels = { row: 'line', column: 'field' };

/** Default number of issues kept per code and severity before they are summarised. */
export const DEFAULT_ISSUES_PER_CODE = 100;

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "row 14 (line 15), column 'year'" (or "item 3", "line 7, field 'tags'"); the line is named when given. */
export function where(labels: Labels, row: number, column?: string, line?: number): string {
  if (row <= 0) return column === undefined ? 'file' : `${labels.column} '${column}'`;
  const r = line === undefined || labels.row === 'line' ? `${labels.row} ${row}` : `${labels.row} ${row} (line ${line})`;
  return column === undefined ? r : `${r}, ${labels.column} '${shortText(column, 40)}'`;
}

/** Shown as escapes in messages; the zero-width joiners (U+200C, U+200D) of emoji and scripts are left as they are. */
const INVISIBLE_OR_CONTROL = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b\u200e\u200f\u2028-\u202e\u2060-\u2069\ufeff]/gu;

/**
 * Untrusted text made safe to show inside a message: control and invisible characters become
 * `\u{...}` escapes, backticks are replaced, and long text is cut with an ellipsis.
 */
export function shortText(value: string, max = 40): string {
  const escaped = value
    .replace(INVISIBLE_OR_CONTROL, (c) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`)
    .replace(/`/g, "'");
  const chars = Array.from(escaped);
  return chars.length <= max ? escaped : `${chars.slice(0, max - 1).join('')}…`;
}

/** A quoted, shortened value for messages: `'19x5'`. */
export function quoted(value: unknown, max = 40): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return `'${shortText(text, max)}'`;
}

export class IssueList {
  readonly errors: CatalogIssue[] = [];
  readonly warnings: CatalogIssue[] = [];
  private readonly counts = new Map<string, number>();

  constructor(private readonly perCode = DEFAULT_ISSUES_PER_CODE) {}

  error(issue: CatalogIssue): void {
    this.add(this.errors, 'e', issue);
  }

  warn(issue: CatalogIssue): void {
    this.add(this.warnings, 'w', issue);
  }

  private add(list: CatalogIssue[], sev: string, issue: CatalogIssue): void {
    const key = `${sev}:${issue.code}`;
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    if (n <= this.perCode) list.push(clean(issue));
  }

  /** Appends one summary issue (row 0, same code) per code whose issues were not all listed. */
  finish(): { errors: CatalogIssue[]; warnings: CatalogIssue[] } {
    for (const [key, n] of this.counts) {
      if (n <= this.perCode) continue;
      const [sev, code] = [key.slice(0, 1), key.slice(2)];
      const more = n - this.perCode;
      const list = sev === 'e' ? this.errors : this.warnings;
      list.push({
        row: 0,
        code,
        message: `…and ${more.toLocaleString('en-US')} more ${sev === 'e' ? 'errors' : 'warnings'} like the ones above (${code}); only the first ${this.perCode} are listed.`,
      });
    }
    this.counts.clear();
    return { errors: this.errors, warnings: this.warnings };
  }
}

function clean(issue: CatalogIssue): CatalogIssue {
  const { column, line, ...rest } = issue;
  return { row: rest.row, ...(line !== undefined ? { line } : {}), ...(column !== undefined ? { column } : {}), code: rest.code, message: rest.message };
}
