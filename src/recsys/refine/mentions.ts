/**
 * Titles of the shown list named inside a message ("seen Heat and Alien", "Amelie?"), compared as
 * `normaliseTitle` keys (accents, case and punctuation aside), whole words only, 3 characters or more.
 * A title is also named by its main part without a trailing "(year)" or "(a.k.a. ...)", without a
 * leading article ("matrix" for "The Matrix"), and by its a.k.a. ("se7en").
 */
import { normaliseTitle } from '../../catalog/normalise.js';

/** Lower case without accents: the form messages and titles are compared in. */
export function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** The keys a title may be named by, longest first. */
export function titleKeys(title: string): string[] {
  const keys = new Set<string>();
  const main = title.replace(/\s*\([^()]*\)/g, ' ').trim();
  const aka = [...title.matchAll(/\(\s*(?:a\.?k\.?a\.?\s+)?([^()]*[^\d\s()][^()]*)\)/gi)].map((m) => m[1]);
  for (const name of [main, ...aka]) {
    const key = normaliseTitle(name);
    if (key.length >= 3) keys.add(key);
    const bare = key.replace(/^(?:the|a|an)\s+/, '');
    if (bare.length >= 3) keys.add(bare);
  }
  return [...keys].sort((a, b) => b.length - a.length);
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A key as a pattern over folded text: any punctuation between words, an apostrophe anywhere ("schindler's"). */
function keyPattern(key: string): RegExp {
  const words = key.split(' ').map((w) => [...w].map(escape).join("'?"));
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, 'u');
}

export interface TitleMention {
  /** 1-based position in the list. */
  position: number;
  /** Where the name starts and ends in `fold(text)`. */
  start: number;
  end: number;
}

/** The shown titles `text` names, in order of mention, one mention per title, no overlaps (longest wins). */
export function titleMentions(text: string, titles: readonly string[] | undefined): TitleMention[] {
  if (!titles?.length) return [];
  const t = fold(text);
  const found: TitleMention[] = [];
  titles.forEach((title, i) => {
    for (const key of titleKeys(title)) {
      const m = keyPattern(key).exec(t);
      if (m) {
        found.push({ position: i + 1, start: m.index, end: m.index + m[0].length });
        break;
      }
    }
  });
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: TitleMention[] = [];
  for (const m of found) if (!out.some((o) => m.start < o.end && o.start < m.end)) out.push(m);
  return out;
}

/** `fold(text)` with the titles it names blanked out (same length). */
export function withoutTitles(text: string, titles: readonly string[] | undefined): string {
  let t = fold(text);
  for (const m of titleMentions(t, titles)) t = t.slice(0, m.start) + ' '.repeat(m.end - m.start) + t.slice(m.end);
  return t;
}

/** Every word of the shown titles (never "corrected" as a typo). */
export function titleWordSet(titles: readonly string[] | undefined): Set<string> {
  const out = new Set<string>();
  for (const title of titles ?? []) for (const w of fold(title).split(/[^\p{L}\p{N}']+/u)) if (w) out.add(w);
  return out;
}
