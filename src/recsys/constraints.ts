import { canonicalTags, displayTag, matchKey, matchingTag } from './filters/tags.js';
import type { Constraints } from './types.js';

/**
 * Reads hard constraints from a user's words, by rules (no LLM):
 * - exclusions: "no horror", "without horror or gore", "nothing scary", "not a comedy", "skip westerns"
 * - inclusions: "only comedies", "comedies only", "just documentaries"
 * - years: "older than 2000" / "before 2000" (maxYear 1999), "newer than 2010" / "after 2010" (minYear 2011),
 *   "since 2010" (minYear 2010), "from the 80s" / "1980s" (1980-1989), "between 1990 and 2000", "in 1995"
 * - mood: "lighter" / "light-hearted" / "feel-good" / "less dark" exclude horror, thriller and war (no
 *   include: forcing comedy would narrow too much); "darker" excludes children and animation.
 * Tags are resolved against `knownTags` (the catalog's tags) with the synonym table of filters/tags.ts.
 * An included tag the catalog does not know is dropped (it would empty the list); an excluded one is kept
 * only when it is a well-known genre, so "no thanks" excludes nothing. With no knownTags, only well-known
 * genres (MovieLens' list) are read.
 */

const GENRES = [
  'action', 'adventure', 'animation', 'children', 'comedy', 'crime', 'documentary', 'drama', 'fantasy',
  'film noir', 'horror', 'musical', 'mystery', 'romance', 'science fiction', 'thriller', 'war', 'western',
];

const FILLER = new Set([
  'movie', 'movies', 'film', 'films', 'stuff', 'anything', 'something', 'please', 'any', 'more', 'the', 'a', 'an',
  'one', 'ones', 'show', 'shows', 'thing', 'things', 'this', 'time', 'pls', 'thanks', 'with', 'of', 'kind', 'type',
]);

const STOP = '(?=$|[,.;!?]|\\s(?:but|and then|please|from|before|after|older|newer|since|between|in the|only|just)\\b)';

export interface ParseConstraintsOptions {
  /** For "recent" (last 5 years). Default: the current year. */
  currentYear?: number;
}

function terms(phrase: string): string[] {
  return phrase
    .split(/,|\bor\b|\band\b|\bnor\b|\//)
    .map((p) =>
      p
        .trim()
        .split(/\s+/)
        .filter((w) => w && !FILLER.has(w))
        .join(' '),
    )
    .filter(Boolean);
}

function resolve(phrase: string, knownTags: string[], mode: 'include' | 'exclude'): string[] {
  const out: string[] = [];
  for (const t of terms(phrase)) {
    for (const canon of canonicalTags(t)) {
      const known = knownTags.length > 0 ? matchingTag(canon, knownTags) : undefined;
      const genre = GENRES.includes(canon);
      if (known !== undefined) {
        // shown back as the catalog spells it when it is the same tag ("zombies"), else as the user's term
        const same = canonicalTags(known).some((k) => matchKey(k) === matchKey(canon));
        out.push(same && !genre ? displayTag(known) : canon);
      } else if (genre && (mode === 'exclude' || knownTags.length === 0)) {
        out.push(canon);
      }
    }
  }
  return out;
}

function decade(s: string): [number, number] | null {
  const m = /^(?:(19|20)?(\d)0)'?s$/.exec(s);
  if (!m) return null;
  const century = m[1] ? Number(m[1]) * 100 : Number(m[2]) >= 3 ? 1900 : 2000;
  const start = century + Number(m[2]) * 10;
  return [start, start + 9];
}

export function parseConstraints(text: string, knownTags: string[] = [], opts: ParseConstraintsOptions = {}): Constraints {
  const t = ` ${text.toLowerCase().replace(/[\u2019`]/g, "'").replace(/\s+/g, ' ')} `;
  const include = new Set<string>();
  const exclude = new Set<string>();
  let minYear: number | undefined;
  let maxYear: number | undefined;
  const setMin = (y: number): void => void (minYear = minYear === undefined ? y : Math.max(minYear, y));
  const setMax = (y: number): void => void (maxYear = maxYear === undefined ? y : Math.min(maxYear, y));

  const neg = new RegExp(`\\b(?:no|without|nothing|not an?|not|avoid|skip|except|exclude|excluding|minus|none of|less)\\s+(?:more\\s+)?([a-z][a-z' -]*?)${STOP}`, 'g');
  for (const m of t.matchAll(neg)) for (const tag of resolve(m[1], knownTags, 'exclude')) exclude.add(tag);
  const only = new RegExp(`\\b(?:only|just|exclusively)\\s+([a-z][a-z' -]*?)${STOP}`, 'g');
  for (const m of t.matchAll(only)) for (const tag of resolve(m[1], knownTags, 'include')) include.add(tag);
  for (const m of t.matchAll(/\b([a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)\s+only\b/g)) {
    for (const tag of resolve(m[1], knownTags, 'include')) include.add(tag);
  }

  if (/\b(lighter|light[- ]hearted|feel[- ]good|less dark|cheer(?:ful|ier)|happier|uplifting)\b/.test(t)) {
    for (const g of ['horror', 'thriller', 'war']) exclude.add(g);
  }
  if (/\b(darker|grittier|more serious)\b/.test(t)) for (const g of ['children', 'animation']) exclude.add(g);

  const year = '((?:19|20)\\d\\d)';
  for (const m of t.matchAll(new RegExp(`\\b(?:older than|before|earlier than|pre-?)\\s*(?:the year\\s+)?${year}\\b`, 'g'))) setMax(Number(m[1]) - 1);
  for (const m of t.matchAll(new RegExp(`\\b(?:newer than|after|later than|post-?|more recent than)\\s*(?:the year\\s+)?${year}\\b`, 'g'))) setMin(Number(m[1]) + 1);
  for (const m of t.matchAll(new RegExp(`\\b(?:since|from)\\s+${year}\\s+(?:on(?:wards?)?|or later|and later)\\b|\\bsince\\s+${year}\\b`, 'g'))) setMin(Number(m[1] ?? m[2]));
  for (const m of t.matchAll(new RegExp(`\\b${year}\\s+or\\s+(?:later|newer)\\b`, 'g'))) setMin(Number(m[1]));
  for (const m of t.matchAll(new RegExp(`\\b${year}\\s+or\\s+(?:earlier|older)\\b|\\bup to\\s+${year}\\b`, 'g'))) setMax(Number(m[1] ?? m[2]));
  for (const m of t.matchAll(new RegExp(`\\bbetween\\s+${year}\\s+and\\s+${year}\\b`, 'g'))) {
    const [a, b] = [Number(m[1]), Number(m[2])].sort((x, y) => x - y);
    setMin(a);
    setMax(b);
  }
  for (const m of t.matchAll(new RegExp(`\\b(?:in|from)\\s+${year}\\b(?!\\s+(?:on|or|and))`, 'g'))) {
    setMin(Number(m[1]));
    setMax(Number(m[1]));
  }
  for (const m of t.matchAll(/\b((?:19|20)?\d0'?s)\b/g)) {
    const d = decade(m[1]);
    if (d) {
      setMin(d[0]);
      setMax(d[1]);
    }
  }
  if (/\b(recent|new releases?|latest)\b(?!\s+than)/.test(t)) setMin((opts.currentYear ?? new Date().getFullYear()) - 5);

  const out: Constraints = {};
  // a tag both included and excluded: the exclusion wins (safer to show less than to show what was refused)
  const inc = [...include].filter((x) => !exclude.has(x));
  if (inc.length) out.includeTags = inc;
  if (exclude.size) out.excludeTags = [...exclude];
  if (minYear !== undefined) out.minYear = minYear;
  if (maxYear !== undefined) out.maxYear = maxYear;
  return out;
}

/** No constraint at all. */
export function isEmptyConstraints(c: Constraints | undefined): boolean {
  return !c || (!c.includeTags?.length && !c.excludeTags?.length && c.minYear === undefined && c.maxYear === undefined);
}

/**
 * Later constraints refine earlier ones: tags accumulate (a new include lifts the same exclude and vice
 * versa), a new year bound replaces the old one.
 */
export function mergeConstraints(a: Constraints, b: Constraints): Constraints {
  const inc = new Set(a.includeTags ?? []);
  const exc = new Set(a.excludeTags ?? []);
  for (const x of b.includeTags ?? []) {
    inc.add(x);
    exc.delete(x);
  }
  for (const x of b.excludeTags ?? []) {
    exc.add(x);
    inc.delete(x);
  }
  const out: Constraints = {};
  if (inc.size) out.includeTags = [...inc];
  if (exc.size) out.excludeTags = [...exc];
  const minYear = b.minYear ?? a.minYear;
  const maxYear = b.maxYear ?? a.maxYear;
  if (minYear !== undefined) out.minYear = minYear;
  if (maxYear !== undefined) out.maxYear = maxYear;
  return out;
}
