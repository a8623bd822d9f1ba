/**
 * Cleaning untrusted text fields: Unicode NFC, control characters removed, characters that hide or
 * reorder text removed (not the joiners and variation selectors emoji need), whitespace collapsed (except newlines in long text), and Discord
 * mentions detected (they are kept as text; the bot sends with allowedMentions none).
 */

/** C0 (except tab, LF, CR), DEL and C1 controls. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/gu;
/**
 * Characters that can hide or reorder text: zero-width space, bidi marks, embeddings, overrides and isolates,
 * word joiner and invisible operators, BOM, Mongolian vowel separator, soft hyphen, and tag characters outside
 * a flag emoji. Kept: the zero-width joiner and non-joiner (U+200D, U+200C: emoji sequences, Indic and Persian
 * script) and variation selectors (U+FE0E/FE0F: text or emoji style).
 */
const INVISIBLE = /[\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]|(?<!\u{1F3F4}[\u{E0020}-\u{E007E}]*)[\u{E0000}-\u{E007F}]|[\u{E0000}-\u{E007E}](?![\u{E0020}-\u{E007E}]*\u{E007F})/gu;
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
