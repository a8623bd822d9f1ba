/**
 * One raw row -> a validated CatalogItem, or undefined when the row has an error. Rules:
 * - title is required (text or number) and at most maxTitle characters; invisible characters are
 *   removed with a warning, whitespace collapsed; id is at most maxField characters (else error).
 * - year: a number, "1995", "1995-08-25", "25/08/1995"; outside the year range or not a year: error.
 *   When the row has no year value, a trailing "(1995)" in the title gives the year and is removed
 *   from the title; when the year value equals that suffix, the suffix is removed too; otherwise the
 *   title is kept as written.
 * - description and extra values that are too long are cut (warning); tags too long are dropped,
 *   tags beyond maxTags are dropped (warning); urls that are not http(s) are dropped (warning).
 * - control characters are removed everywhere (warning); mentions are kept and flagged (warning).
 * The id of a row without one is derived from its title and year (see stableItemId).
 */
import { charLength, cleanBlock, cleanLine, findMention, truncate } from './text.js';
import { MAX_EXTRA_NAME, type RawField, type RawRow } from './fields.js';
import { type IssueList, type Labels, capitalise, quoted, where } from './issues.js';
import { splitTitleYear } from './normalise.js';
import { stableItemId } from './id.js';
import type { CatalogIssue, ParseLimits } from './types.js';
import type { CatalogItem } from '../domain/item.js';

export interface YearRange {
  min: number;
  max: number;
}

export const DEFAULT_YEARS: YearRange = { min: 1870, max: 2100 };

export interface BuildContext {
  limits: ParseLimits;
  labels: Labels;
  issues: IssueList;
  years: YearRange;
}

type Scalar = { ok: true; text?: string } | { ok: false };

export function buildItem(raw: RawRow, ctx: BuildContext): CatalogItem | undefined {
  const { limits, issues } = ctx;
  const at = (column?: string) => where(ctx.labels, raw.row, column);
  let rejected = false;
  const error = (code: string, f: RawField | undefined, message: string) => {
    rejected = true;
    issues.error({ row: raw.row, column: f?.column, code, message: `${capitalise(at(f?.column))}: ${message}` });
  };
  // Warnings are held back until the row is known to be kept: a rejected row reports only its errors.
  const held: CatalogIssue[] = [];
  const warn = (code: string, f: RawField | undefined, message: string) =>
    held.push({ row: raw.row, column: f?.column, code, message: `${capitalise(at(f?.column))}: ${message}` });

  /** A scalar field as text (numbers become text); objects, lists and booleans are errors. */
  const scalar = (f: RawField | undefined): Scalar => {
    if (!f || f.value === null || f.value === undefined) return { ok: true };
    if (typeof f.value === 'string') return { ok: true, text: f.value };
    if (typeof f.value === 'number' && Number.isFinite(f.value)) return { ok: true, text: String(f.value) };
    error('field.bad-type', f, `expected text or a number, found ${describe(f.value)}.`);
    return { ok: false };
  };
  const line = (f: RawField | undefined, s: string, { invisibleWarning = false } = {}) => {
    const c = cleanLine(s);
    if (c.control) warn('field.control-chars', f, 'control characters were removed.');
    if (c.invisible && invisibleWarning) warn('field.invisible-chars', f, 'zero-width or text-direction characters were removed.');
    return c.value;
  };
  const mention = (f: RawField | undefined, s: string | undefined) => {
    const m = s === undefined ? undefined : findMention(s);
    if (m) warn('field.mention', f, `contains the mention ${quoted(m)}; it is kept as text and will not notify anyone.`);
  };

  // title
  const tf = raw.fields.title?.[0];
  const ts = scalar(tf);
  let title = ts.ok && ts.text !== undefined ? line(tf, ts.text, { invisibleWarning: true }) : '';
  if (ts.ok && title === '') error('row.missing-title', tf, 'the title is empty; every item needs a title.');

  // year
  const yf = raw.fields.year?.[0];
  let year: number | undefined;
  let yearGiven = false;
  if (yf && typeof yf.value === 'number') {
    yearGiven = true;
    year = checkYear(yf.value, yf, ctx.years, error);
  } else {
    const ys = scalar(yf);
    const text = ys.ok && ys.text !== undefined ? cleanLine(ys.text).value : '';
    if (!ys.ok) yearGiven = true;
    else if (text !== '') {
      yearGiven = true;
      const parsed = yearFromText(text);
      if (parsed === undefined) error('row.bad-year', yf, `${quoted(text)} is not a year between ${ctx.years.min} and ${ctx.years.max}.`);
      else year = checkYear(parsed, yf, ctx.years, error, text);
    }
  }
  if (title !== '') {
    const split = splitTitleYear(title, ctx.years);
    if (split.year !== undefined && (!yearGiven || split.year === year)) {
      title = split.title;
      year = split.year;
    }
  }
  if (charLength(title) > limits.maxTitle) {
    error('field.too-long', tf, `the title is ${charLength(title).toLocaleString('en-US')} characters long; the limit is ${limits.maxTitle}.`);
  }
  mention(tf, title);

  // id
  const idf = raw.fields.id?.[0];
  const ids = scalar(idf);
  const givenId = ids.ok && ids.text !== undefined ? line(idf, ids.text) : '';
  if (charLength(givenId) > limits.maxField) {
    error('field.too-long', idf, `the id is ${charLength(givenId).toLocaleString('en-US')} characters long; the limit is ${limits.maxField}.`);
  }

  // description
  const df = raw.fields.description?.[0];
  const ds = scalar(df);
  let description: string | undefined;
  if (ds.ok && ds.text !== undefined) {
    const c = cleanBlock(ds.text);
    if (c.control) warn('field.control-chars', df, 'control characters were removed.');
    description = c.value || undefined;
    if (description !== undefined && charLength(description) > limits.maxDescription) {
      warn('field.truncated', df, `the description is ${charLength(description).toLocaleString('en-US')} characters long; it was cut to ${limits.maxDescription}.`);
      description = truncate(description, limits.maxDescription);
    }
    mention(df, description);
  }

  const tags = readTags(raw.fields.tags ?? [], ctx, { error, warn, line, mention });
  const url = readUrl(raw.fields.url?.[0], 'link', ctx, { scalar, line, warn });
  const imageUrl = readUrl(raw.fields.image?.[0], 'image', ctx, { scalar, line, warn });
  const extra = readExtra(raw.extra, ctx, { line, warn });

  if (rejected) return undefined;
  held.forEach((w) => issues.warn(w));
  const item: CatalogItem = { id: givenId || stableItemId(title, year), title };
  if (description !== undefined) item.description = description;
  if (tags.length > 0) item.tags = tags;
  if (year !== undefined) item.year = year;
  if (url !== undefined) item.url = url;
  if (imageUrl !== undefined) item.imageUrl = imageUrl;
  if (Object.keys(extra).length > 0) item.extra = extra;
  return item;
}

type ErrorFn = (code: string, f: RawField | undefined, message: string) => void;

function checkYear(n: number, f: RawField | undefined, years: YearRange, error: ErrorFn, shown?: string): number | undefined {
  if (Number.isInteger(n) && n >= years.min && n <= years.max) return n;
  error('row.bad-year', f, `${quoted(shown ?? String(n))} is not a year between ${years.min} and ${years.max}.`);
  return undefined;
}

/** "1995", "1995.0", "1995-08-25", "1995-08-25T10:00Z", "25/08/1995", "8.25.1995" -> 1995. */
export function yearFromText(s: string): number | undefined {
  const m =
    /^(\d{4})(?:\.0+)?$/.exec(s) ??
    /^(\d{4})[-/.]\d{1,2}(?:[-/.]\d{1,2}(?:[T ].*)?)?$/.exec(s) ??
    /^\d{1,2}[-/.]\d{1,2}[-/.](\d{4})$/.exec(s);
  return m ? Number(m[1]) : undefined;
}


export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'number') return `the number ${String(v)}`;
  return `a ${typeof v}`;
}

interface TagHelpers {
  error: ErrorFn;
  warn: ErrorFn;
  line: (f: RawField | undefined, s: string) => string;
  mention: (f: RawField | undefined, s: string | undefined) => void;
}

/** Tags from every tag column, split on | , ; and deduplicated (case-insensitive, first spelling kept). */
function readTags(fields: RawField[], ctx: BuildContext, h: TagHelpers): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  let tooLong = 0;
  let over = 0;
  for (const f of fields) {
    const parts: string[] = [];
    const add = (v: unknown) => {
      if (typeof v === 'string') parts.push(...v.split(/[|,;]/));
      else if (typeof v === 'number' && Number.isFinite(v)) parts.push(String(v));
      else if (v !== null && v !== undefined) h.warn('field.bad-type', f, `a tag is ${describe(v)}, not text; it was skipped.`);
    };
    if (Array.isArray(f.value)) f.value.forEach(add);
    else if (typeof f.value === 'object' && f.value !== null) {
      h.error('field.bad-type', f, `expected a list of tags or text like "drama|crime", found ${describe(f.value)}.`);
      continue;
    } else add(f.value);
    for (const p of parts) {
      const tag = h.line(f, p);
      if (tag === '' || tag.toLowerCase() === '(no genres listed)') continue; // MovieLens' placeholder
      if (charLength(tag) > ctx.limits.maxTag) {
        tooLong++;
        if (tooLong === 1) h.warn('tag.too-long', f, `the tag ${quoted(tag)} is longer than ${ctx.limits.maxTag} characters; it was dropped.`);
        continue;
      }
      const key = tag.toLowerCase();
      if (seen.has(key)) continue;
      if (out.length >= ctx.limits.maxTags) {
        over++;
        continue;
      }
      seen.add(key);
      h.mention(f, tag);
      out.push(tag);
    }
  }
  if (over > 0) {
    h.warn('row.too-many-tags', fields[0], `more than ${ctx.limits.maxTags} tags; the first ${ctx.limits.maxTags} were kept and ${over} dropped.`);
  }
  return out;
}

interface UrlHelpers {
  scalar: (f: RawField | undefined) => Scalar;
  line: (f: RawField | undefined, s: string) => string;
  warn: ErrorFn;
}

function readUrl(f: RawField | undefined, what: string, ctx: BuildContext, h: UrlHelpers): string | undefined {
  if (!f) return undefined;
  if (typeof f.value !== 'string' && f.value !== null && f.value !== undefined) {
    h.warn('field.bad-url', f, `expected a web address, found ${describe(f.value)}; the ${what} was dropped.`);
    return undefined;
  }
  const s = h.scalar(f);
  const text = s.ok && s.text !== undefined ? h.line(f, s.text) : '';
  if (text === '') return undefined;
  if (charLength(text) > ctx.limits.maxField) {
    h.warn('field.bad-url', f, `the ${what} address is longer than ${ctx.limits.maxField} characters; it was dropped.`);
    return undefined;
  }
  let ok = false;
  try {
    const u = new URL(text);
    ok = (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname !== '';
  } catch {
    ok = false;
  }
  if (!ok) h.warn('field.bad-url', f, `${quoted(text)} is not an http(s) address; the ${what} was dropped.`);
  return ok ? text : undefined;
}

function readExtra(fields: RawField[], ctx: BuildContext, h: Pick<UrlHelpers, 'line' | 'warn'>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const name = cleanLine(f.column).value.slice(0, MAX_EXTRA_NAME);
    const v = f.value;
    let text: string | undefined;
    if (typeof v === 'string') text = v;
    else if (typeof v === 'number' || typeof v === 'boolean') text = String(v);
    else if (Array.isArray(v) && v.every((x) => ['string', 'number', 'boolean'].includes(typeof x))) text = v.join(', ');
    else if (v !== null && v !== undefined) {
      h.warn('field.nested', f, `${describe(v)} cannot be kept as an extra field; it was dropped.`);
      continue;
    }
    if (text === undefined || name === '') continue;
    let value = h.line(f, text);
    if (value === '') continue;
    if (charLength(value) > ctx.limits.maxField) {
      h.warn('field.truncated', f, `the value is longer than ${ctx.limits.maxField} characters; it was cut.`);
      value = truncate(value, ctx.limits.maxField);
    }
    out[name] = value;
  }
  return out;
}
