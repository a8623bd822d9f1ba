/** Reading the list-like and free-form fields of a raw row: tags, web addresses, extra columns. */
import { charLength, cleanLine, truncate } from './text.js';
import { MAX_EXTRA_NAME, type RawField } from './fields.js';
import { type IssueList, type Labels, quoted } from './issues.js';
import type { ParseLimits } from './types.js';

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

export type Scalar = { ok: true; text?: string } | { ok: false };

export type ErrorFn = (code: string, f: RawField | undefined, message: string) => void;

export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'number') return `the number ${String(v)}`;
  return `a ${typeof v}`;
}

export interface TagHelpers {
  error: ErrorFn;
  warn: ErrorFn;
  line: (f: RawField | undefined, s: string) => string;
  mention: (f: RawField | undefined, s: string | undefined) => void;
}

/** Tags from every tag column, split on | , ; and deduplicated (case-insensitive, first spelling kept). */
export function readTags(fields: RawField[], ctx: BuildContext, h: TagHelpers): string[] {
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

export interface UrlHelpers {
  scalar: (f: RawField | undefined) => Scalar;
  line: (f: RawField | undefined, s: string) => string;
  warn: ErrorFn;
}

export function readUrl(f: RawField | undefined, what: string, ctx: BuildContext, h: UrlHelpers): string | undefined {
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

export function readExtra(fields: RawField[], ctx: BuildContext, h: Pick<UrlHelpers, 'line' | 'warn'>): Record<string, string> {
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
