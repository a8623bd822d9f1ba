/**
 * One raw row -> a validated CatalogItem, or undefined when the row has an error. Rules:
 * - title is required (text or number) and at most maxTitle characters; invisible characters are
 *   removed with a warning, whitespace collapsed; id is at most maxId (64) characters (else error).
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
import type { RawField, RawRow } from './fields.js';
import { capitalise, quoted, where } from './issues.js';
import { splitTitleYear } from './normalise.js';
import { stableItemId } from './id.js';
import { describe, readExtra, readTags, readUrl, type BuildContext, type ErrorFn, type Scalar, type YearRange } from './build-fields.js';
import type { CatalogIssue } from './types.js';
import type { CatalogItem } from '../domain/item.js';

export { DEFAULT_YEARS, type BuildContext, type YearRange } from './build-fields.js';

export function buildItem(raw: RawRow, ctx: BuildContext): CatalogItem | undefined {
  const { limits, issues } = ctx;
  const at = (column?: string) => where(ctx.labels, raw.row, column, raw.line);
  let rejected = false;
  const error = (code: string, f: RawField | undefined, message: string) => {
    rejected = true;
    issues.error({ row: raw.row, line: raw.line, column: f?.column, code, message: `${capitalise(at(f?.column))}: ${message}` });
  };
  // Warnings are held back until the row is known to be kept: a rejected row reports only its errors.
  const held: CatalogIssue[] = [];
  const warn = (code: string, f: RawField | undefined, message: string) =>
    held.push({ row: raw.row, line: raw.line, column: f?.column, code, message: `${capitalise(at(f?.column))}: ${message}` });

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
  if (charLength(givenId) > limits.maxId) {
    error('row.id-too-long', idf, `the id is ${charLength(givenId).toLocaleString('en-US')} characters long; the limit is ${limits.maxId} (buttons carry the id). The row was skipped: give it a shorter id.`);
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
