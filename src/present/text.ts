/**
 * Text as the presenter writes it, for every face: literal strings, and marked parts that each face shows
 * its own way (Discord: Markdown, escaped user text, `<t:…>` timestamps; the terminal: plain text).
 * Literal strings carry no markup: anything a face would escape or style is a marked part.
 */
export type Inline =
  | string
  /** Untrusted text (a title, a request, a file name): one line, at most `max` characters. */
  | { user: string; max: number }
  | { strong: Inline[] }
  | { em: Inline[] }
  /** A command or a literal, e.g. `/catalog starter`. */
  | { code: string }
  /** A moment (ms since the epoch). */
  | { time: number }
  /** A user id, named (never pinged). */
  | { mention: string };

/** One line of text. */
export type Text = Inline[];

/** Untrusted text: flattened to one line and cut to `max` characters by every face. */
export const user = (text: string, max = 300): Inline => ({ user: text, max });
export const strong = (...parts: Inline[]): Inline => ({ strong: parts });
export const em = (...parts: Inline[]): Inline => ({ em: parts });
export const code = (text: string): Inline => ({ code: text });
export const time = (ms: number): Inline => ({ time: ms });
export const mention = (userId: string): Inline => ({ mention: userId });

/** Newlines and runs of spaces flattened, cut to `max` characters with an ellipsis: how untrusted text is shown. */
export function oneLine(text: string, max = 300): string {
  const flat = text.replace(/[\r\n\t]+/g, ' ').replace(/\s{2,}/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * Discord's angle-bracket markup: user, role and channel mentions (`<@1>`, `<@&1>`, `<#1>`), slash-command
 * mentions (`</recommend:1>`), custom and animated emoji (`<:x:1>`, `<a:x:1>`), timestamps (`<t:1:R>`) and
 * guild navigation (`<id:customize>`). A zero-width space after the `<` shows them as the text they are.
 */
const MARKUP = /<(?=[/#@&:!]|[a-z]+:)/gi;

/** Mentions (`@everyone`) and every angle-bracket markup broken with a zero-width space, so untrusted text never pings or poses as markup. */
export function breakMentions(text: string): string {
  return text.replace(/@/g, '@\u200b').replace(MARKUP, '<\u200b');
}

/** Untrusted text, or `fallback` when it shows as nothing. */
export function userOr(text: string, max: number, fallback: string): Inline {
  return oneLine(text, max) ? user(text, max) : fallback;
}

/** A title with its year: "Heat (1995)". */
export function titleOf(item: { title: string; year?: number }, max = 120): Text {
  return item.year ? [user(item.title, max), ` (${item.year})`] : [user(item.title, max)];
}

/** 1234 -> "1,234". */
export function num(n: number): string {
  return n.toLocaleString('en-US');
}

/** A rating as stars text: 4.5 -> "4.5★". */
export function stars(r: number): string {
  return `${Number.isInteger(r) ? r.toFixed(0) : r.toFixed(1)}★`;
}

/** Bytes in human units: 10485760 -> "10 MB". */
export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
}

/** Parts joined by a separator: `join([a, b], ', ')`. */
export function join(parts: Text[], sep: string): Text {
  return parts.flatMap((p, k) => (k ? [sep, ...p] : p));
}
