/** Reading list positions from words: "second", "2nd", "#2", "number 2", "the last one", "2 and 4". */

const WORDS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, top: 1, opening: 1,
};

const NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  a: 1, single: 1, couple: 2,
};

/** "last week", "last night", "the last time": a time, not the last item. */
const NOT_TIME = String.raw`(?!\s+(?:week|weekend|night|month|year|time|summer|winter|spring|autumn|fall|christmas|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)`;

/** A count written as digits or a small number word ("3", "three"); undefined otherwise. */
export function readNumber(word: string): number | undefined {
  if (/^\d{1,2}$/.test(word)) return Number(word);
  return NUMBERS[word];
}

/**
 * 1-based positions mentioned in `text` (lower-cased), in order of mention, without duplicates.
 * `count` is the list length (for "last", "second to last"). Bare numbers above 20 are never positions
 * (they are years or counts).
 */
export function readPositions(text: string, count: number): number[] {
  const out: number[] = [];
  const add = (p: number): void => {
    if (p >= 1 && !out.includes(p)) out.push(p);
  };
  const t = text.toLowerCase();
  const re = new RegExp(String.raw`\b(?:(?:the\s+)?(first|top|last|bottom)\s+(two|three|four|five|\d)\b(?!\s*(?:st|nd|rd|th))|(second|2nd)[\s-]+(?:to|from)[\s-]+(?:the\s+)?last|penultimate|(?:last|bottom|final)${NOT_TIME}|(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|top|opening)\b|(\d{1,2})(?:st|nd|rd|th)\b|(?:#|number\s+|no\.\s*|item\s+|pick\s+|option\s+)(\d{1,2})\b|(\d{1,2})\b(?!\s*(?:st|nd|rd|th|more|others|items|movies|films|picks|options|recommendations|results)\b)(?!\s*[-:]))`, 'g');
  for (const m of t.matchAll(re)) {
    const [all, group, groupN, secondLast, word, nth, marked, bare] = m;
    if (group) {
      const n = readNumber(groupN) ?? 0;
      if (group === 'first' || group === 'top') for (let i = 1; i <= n; i++) add(i);
      else for (let i = count - n + 1; i <= count; i++) add(i);
    } else if (secondLast || all === 'penultimate') add(count - 1);
    else if (all === 'last' || all === 'bottom' || all === 'final') add(count);
    else if (word) add(WORDS[word]);
    else if (nth) add(Number(nth));
    else if (marked) add(Number(marked));
    else if (bare && Number(bare) <= 20) add(Number(bare));
  }
  return out;
}
