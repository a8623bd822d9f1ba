/**
 * JSON array of objects and JSON Lines -> raw rows. Keys are matched like CSV headers (see fields.ts);
 * a key `extra` holding an object contributes its entries as extra fields (what catalogToJson writes).
 * Shapes other than objects are reported: the whole file when nothing is an object, else per row.
 */
import { ALIASES, MAX_EXTRA_FIELDS, MAX_EXTRA_NAME, fieldOf, type FieldKey, type RawField, type RawRow } from './fields.js';
import { locateJsonError } from './json-error.js';
import { JSON_LABELS, JSONL_LABELS, type Labels, capitalise, quoted, where } from './issues.js';
import type { CatalogIssue } from './types.js';

export type JsonRead = { ok: true; rows: RawRow[]; rowErrors: CatalogIssue[]; labels: Labels } | { ok: false; issue: CatalogIssue };

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function kind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  return `a ${typeof v}`;
}

/** Names of ignored keys kept for the warning. */
const IGNORED_NAMES = 5;

/**
 * Maps the keys of one object to item fields (best alias wins; the rest become extra, at most MAX_EXTRA_FIELDS
 * distinct names). Keys beyond that are counted, with the first few names, for a warning. One look-up per key:
 * an object with a million keys costs little more than JSON.parse already did.
 */
export function rowFromObject(obj: Obj, row: number): RawRow {
  const fields: RawRow['fields'] = {};
  const keys = Object.keys(obj);
  const hits = keys.map(fieldOf);
  const best = new Map<FieldKey, { column: string; rank: number }>();
  keys.forEach((key, i) => {
    const hit = hits[i];
    if (!hit || hit.field === 'tags') return;
    const cur = best.get(hit.field);
    if (!cur || hit.rank < cur.rank) best.set(hit.field, { column: key, rank: hit.rank });
  });
  const extra: RawField[] = [];
  const seen = new Set<string>();
  const ignored = { count: 0, names: [] as string[] };
  const addExtra = (column: string, value: unknown) => {
    const name = column.slice(0, MAX_EXTRA_NAME);
    if (seen.has(name) || seen.size >= MAX_EXTRA_FIELDS) {
      if (ignored.names.length < IGNORED_NAMES) ignored.names.push(column);
      ignored.count++;
      return;
    }
    seen.add(name);
    extra.push({ column, value });
  };
  keys.forEach((key, i) => {
    const value = obj[key];
    const hit = hits[i];
    if (hit && (hit.field === 'tags' || best.get(hit.field)?.column === key)) {
      (fields[hit.field] ??= []).push({ column: key, value });
    } else if (key === 'extra' && isObj(value)) {
      for (const k of Object.keys(value)) addExtra(k, value[k]);
    } else {
      addExtra(key, value);
    }
  });
  return { row, fields, extra, ...(ignored.count > 0 ? { ignored } : {}) };
}

function invalid(text: string, prefix: string, row: number): CatalogIssue {
  const at = locateJsonError(text);
  const detail = at ? ` at line ${at.line}, column ${at.column}: ${at.problem}` : '';
  return { row, code: 'json.invalid', message: `${prefix} is not valid JSON${detail}.` };
}

export function readJsonArray(text: string): JsonRead {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, issue: invalid(text, 'The file', 0) };
  }
  if (!Array.isArray(data)) {
    let hint = ' The file should start with [ and hold one object per item, like [{"title": "Heat", "year": 1995}].';
    if (isObj(data)) {
      const list = Object.entries(data).find(([, v]) => Array.isArray(v) && v.some(isObj));
      if (list) hint = ` It holds a list under ${quoted(list[0])}: upload that list itself (a file that starts with [).`;
    }
    return { ok: false, issue: { row: 0, code: 'json.shape', message: `The JSON is ${kind(data)}, not a list of items.${hint}` } };
  }
  if (data.length > 0 && !data.some(isObj)) {
    return {
      ok: false,
      issue: {
        row: 0,
        code: 'json.shape',
        message: `The JSON list holds ${kind(data[0])}s, not objects. Each item must be an object like {"title": "Heat", "year": 1995}.`,
      },
    };
  }
  const rows: RawRow[] = [];
  const rowErrors: CatalogIssue[] = [];
  data.forEach((el, i) => {
    if (isObj(el)) rows.push(rowFromObject(el, i + 1));
    else rowErrors.push(notObject(JSON_LABELS, i + 1, el));
  });
  return { ok: true, rows, rowErrors, labels: JSON_LABELS };
}

function notObject(labels: Labels, row: number, el: unknown): CatalogIssue {
  return {
    row,
    code: 'json.shape',
    message: `${capitalise(where(labels, row))} is ${kind(el)}, not an object like {"title": "Heat"}; it was skipped.`,
  };
}


/** JSON Lines: one object per line; `row` is the line number; blank lines are skipped. */
export function readJsonLines(text: string): JsonRead {
  const rows: RawRow[] = [];
  const rowErrors: CatalogIssue[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  lines.forEach((line, i) => {
    const row = i + 1;
    if (line.trim() === '') return;
    let el: unknown;
    try {
      el = JSON.parse(line);
    } catch {
      rowErrors.push(invalid(line, capitalise(where(JSONL_LABELS, row)), row));
      const last = rowErrors[rowErrors.length - 1];
      last.message = last.message.replace(/ at line 1, column/, ' at column');
      return;
    }
    if (isObj(el)) rows.push(rowFromObject(el, row));
    else rowErrors.push(notObject(JSONL_LABELS, row, el));
  });
  return { ok: true, rows, rowErrors, labels: JSONL_LABELS };
}

/** Keys that name a field, for messages ("title" or "name"). */
export function aliasList(field: FieldKey): string {
  return ALIASES[field].map((a) => `'${a}'`).join(', ');
}
