/*
 * Titles named inside free text (a refinement message: "more like Heat", "drop Jaws"), among the few
 * titles of a list just shown. The text comes lowercased; a title compares lowercased, without a trailing
 * "(year)", and only from 3 characters on; the longest title named wins.
 */

function mentionKey(title: string): string {
  return title.toLowerCase().replace(/\s*\(\d{4}\)\s*$/, '').trim();
}

function longestMention(titles: readonly string[] | undefined, names: (key: string) => boolean): number | undefined {
  if (!titles) return undefined;
  let best: number | undefined;
  let bestLen = 0;
  titles.forEach((title, i) => {
    const key = mentionKey(title);
    if (key.length >= 3 && names(key) && key.length > bestLen) {
      best = i + 1;
      bestLen = key.length;
    }
  });
  return best;
}

/** 1-based position of the longest of `titles` that one of `texts` starts with, as whole words, if any. */
export function titleOpening(texts: string[], titles: readonly string[] | undefined): number | undefined {
  return longestMention(titles, (key) => texts.some((x) => x.startsWith(key) && !/^\w/.test(x.slice(key.length))));
}

/** 1-based position of the longest of `titles` that `text` contains anywhere, if any. */
export function titleWithin(text: string, titles: readonly string[] | undefined): number | undefined {
  return longestMention(titles, (key) => text.includes(key));
}
