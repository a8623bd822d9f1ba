import type { Text } from './text.js';

/** A field: a name and its value, line by line. */
export interface Field {
  name: string;
  lines: Text[];
  /** A list cut short: how many entries there are in all (`lines` holds the first); faces add "…and N more". */
  total?: number;
  /** Monospace lines (a chart). */
  pre?: boolean;
  /** May sit beside its neighbours. */
  inline?: boolean;
}

/**
 * One answer as every face shows it (Discord: a message with an embed; the playground: terminal text).
 * Only words and structure: no Markdown, escaping, limits, buttons or colours (the faces add those).
 */
export interface View {
  /** A line of its own before the rest (Discord: the message text). */
  note?: Text;
  title?: Text;
  /** The body, line by line. */
  lines?: Text[];
  fields?: Field[];
  /** Plain text: which engine answered, the page. */
  footer?: string;
  /** A file that goes with the answer: text (an export) or bytes (a picture). */
  file?: { name: string; data: string | Uint8Array };
  /** Only the asker sees it. */
  private?: boolean;
  /** How the answer went, for faces that show it (Discord: the embed colour). */
  tone?: 'accent' | 'success' | 'failure';
  /** One page of a longer list (0-based). */
  page?: { index: number; count: number };
}

/** A private one-line notice: confirmations ("Rated Heat 4.5★."). */
export function notice(text: Text | string): View {
  return { note: typeof text === 'string' ? [text] : text, private: true };
}

/**
 * Joins as many whole lines as fit in `max` characters (of `total` lines in all), then "…and N more":
 * the count of what was left out is never cut off.
 */
export function fitLines(lines: string[], max: number, total = lines.length): string {
  const out: string[] = [];
  let used = 0;
  for (const [k, line] of lines.entries()) {
    const more = total - k - 1;
    const tail = more > 0 ? `\n…and ${more.toLocaleString('en-US')} more` : '';
    const cost = line.length + (out.length ? 1 : 0);
    if (used + cost + tail.length > max) {
      const rest = total - k;
      out.push(`…and ${rest.toLocaleString('en-US')} more`);
      return out.join('\n');
    }
    out.push(line);
    used += cost;
  }
  if (total > lines.length) out.push(`…and ${(total - lines.length).toLocaleString('en-US')} more`);
  return out.join('\n');
}
