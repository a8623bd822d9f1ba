/**
 * Cleaning untrusted text fields: Unicode NFC, control characters removed, invisible and bidi
 * control characters removed, whitespace collapsed (except newlines in long text), and Discord
 * mentions detected (they are kept as text; the bot sends with allowedMentions none).
 */

/** C0 (except tab, LF, CR), DEL and C1 controls. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/gu;
/** Zero-width characters, bidi marks/embeddings/overrides/isolates, word joiner, BOM. */
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;
const MENTION = /@everyone|@here|<@[!&]?\d+>|<#\d+>/u;

export interface Cleaned {
  value: string;
  /** Control characters were removed. */
  control: boolean;
  /** Zero-width or bidi control characters were removed. */
  invisible: boolean;
}

function strip(s: string): Cleaned {
  let value = s.normalize('NFC');
  const control = CONTROL.test(value);
  CONTROL.lastIndex = 0;
  if (control) value = value.replace(CONTROL, '');
  const invisible = INVISIBLE.test(value);
  INVISIBLE.lastIndex = 0;
  if (invisible) value = value.replace(INVISIBLE, '');
  return { value, control, invisible };
}

/** One-line text (titles, tags, ids, urls, extra values): all whitespace runs become one space. */
export function cleanLine(s: string): Cleaned {
  const c = strip(s);
  return { ...c, value: c.value.replace(/\s+/gu, ' ').trim() };
}

/** Long text (descriptions): line breaks become `\n` and are kept; spaces and tabs are collapsed. */
export function cleanBlock(s: string): Cleaned {
  const c = strip(s.replace(/\r\n?/g, '\n'));
  const value = c.value
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/gu, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { ...c, value };
}

/** The first Discord mention in a text (`@everyone`, `@here`, `<@123>`, `<@&123>`, `<#123>`), if any. */
export function findMention(s: string): string | undefined {
  return MENTION.exec(s)?.[0];
}

/** Length in code points (what a person counts as characters, near enough). */
export function charLength(s: string): number {
  if (s.length < 2) return s.length;
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Cuts to at most `max` code points, at a word boundary when one is near, and adds an ellipsis. */
export function truncate(s: string, max: number): string {
  if (charLength(s) <= max) return s;
  const chars = Array.from(s).slice(0, Math.max(0, max - 1));
  let cut = chars.join('');
  const space = cut.search(/\s\S*$/u);
  if (space > cut.length * 0.8) cut = cut.slice(0, space);
  return `${cut.trimEnd()}…`;
}
