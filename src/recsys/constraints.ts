import { canonicalTags, displayTag, matchKey, matchingTag } from './filters/tags.js';
import type { Constraints } from './types.js';

/**
 * Reads hard constraints from a user's words, by rules (no LLM):
 * - exclusions: "no horror", "without horror or gore", "nothing scary", "not a comedy", "skip westerns"
 * - inclusions: "only comedies", "comedies only", "just documentaries"
 * - years: "older than 2000" / "before 2000" (maxYear 1999), "newer than 2010" / "after 2010" (minYear 2011),
 *   "since 2010" (minYear 2010), "from the 80s" / "1980s" (1980-1989), "before the 80s" (maxYear 1979),
 *   "between 1990 and 2000", "in 1995", "the 80s or 90s" (1980-1999).
 *   Negated by "no" / "not" / "nothing" / "without" / "skip"... followed only by filler ("no films",
 *   "nothing from the"), they flip: "nothing before 2000" (minYear 2000), "not newer than 2005" (maxYear
 *   2005), "no 80s movies" / "nothing from the 90s" (excludeYears, or a bound when the decade is at an edge).
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

// ---- years ------------------------------------------------------------------------------------------

/** A decade ("80s", "the '90s", "1980s", "2000s") or a year ("1995", "the year 1995"); no capture groups. */
const DECADE = `(?:the\\s+)?'?(?:19|20)?\\d0'?s(?![\\w'])`;
const YEAR = `(?:the\\s+year\\s+)?(?:19|20)\\d\\d(?!\\w|'s)`;
const PERIOD = `(?:${DECADE}|${YEAR})`;

/** First and last year of a period as written. */
function period(s: string): [number, number] {
  const d = /((?:19|20)?)(\d)0'?s$/.exec(s);
  if (d) {
    const century = d[1] ? Number(d[1]) * 100 : Number(d[2]) >= 3 ? 1900 : 2000;
    const start = century + Number(d[2]) * 10;
    return [start, start + 9];
  }
  const y = Number(/\d{4}/.exec(s)?.[0]);
  return [y, y];
}

/**
 * How a phrase bounds the years of its period [lo, hi]; negated ("nothing before 2000") it flips:
 * before: max lo-1 / negated min lo; after: min hi+1 / max hi; since: min lo / max lo-1;
 * until: max hi / min hi+1; during: lo..hi / negated, leave lo..hi out.
 */
type YearKind = 'before' | 'after' | 'since' | 'until' | 'during';

const P = `(${PERIOD})`;
const YEAR_RULES: [YearKind, RegExp][] = [
  ['during', new RegExp(`\\b(?:between\\s+${P}\\s+and|from\\s+${P}\\s+(?:to|until|till|through|thru|-))\\s+${P}`, 'g')],
  ['before', new RegExp(`\\b(?:older than|before|earlier than|prior to|pre-?)\\s*${P}`, 'g')],
  ['after', new RegExp(`\\b(?:newer than|after|later than|younger than|post-?|more recent than)\\s*${P}`, 'g')],
  ['since', new RegExp(`\\bsince\\s+${P}|(?:\\b(?:from|in)\\s+)?(?<!\\w)${P}\\s+(?:on(?:wards?)?|or (?:later|newer|after)|and (?:later|newer|after|up))\\b`, 'g')],
  ['until', new RegExp(`\\b(?:up to|until|till)\\s+${P}|(?:\\b(?:from|in)\\s+)?(?<!\\w)${P}\\s+or\\s+(?:earlier|older|before)\\b`, 'g')],
  ['during', new RegExp(`\\b(?:in|from|during)\\s+(${YEAR})|(?<!\\w)(${DECADE})`, 'g')],
];

/** A negation word, then only filler, right before a year phrase: "no films", "nothing from", "not". */
const NEG_LEAD = new RegExp(
  `\\b(?:no|not|nothing|none|never|without|avoid|skip|exclude|excluding|except|don't want|do not want|don't need|rather not)` +
    `(?:\\s+(?:movies?|films?|stuff|anything|something|things?|titles?|ones?|shows?|picks?|any|more|too|really|at all|the|a|an|` +
    `from|in|of|into|made|released|set|came out|that's|that|are|is|which|have|please|thanks))*\\s*$`,
);
/** What may sit between two year phrases that share a negation: "no 70s or 80s", "nothing before 2000 or after 2010". */
const JOIN = /^[\s,]*(?:(?:or|nor|and|to|&|-)\s*)?$/;

interface YearHit { kind: YearKind; at: number; end: number; span: [number, number] }

function yearHits(t: string, currentYear: number): YearHit[] {
  const hits: YearHit[] = [];
  for (const [kind, re] of YEAR_RULES) {
    for (const m of t.matchAll(re)) {
      const spans = m.slice(1).filter((g): g is string => g !== undefined).map(period);
      if (spans.length === 0) continue;
      const lo = Math.min(...spans.map((x) => x[0]));
      const hi = Math.max(...spans.map((x) => x[1]));
      hits.push({ kind, at: m.index, end: m.index + m[0].length, span: [lo, hi] });
    }
  }
  const recent = /\b(?:recent|new releases?|latest)\b(?!\s+than)/g;
  for (const m of t.matchAll(recent)) hits.push({ kind: 'since', at: m.index, end: m.index + m[0].length, span: [currentYear - 5, currentYear] });
  // earliest first, the longest of those starting together ("from 1990 onwards" over "from 1990"); no overlaps
  hits.sort((a, b) => a.at - b.at || b.end - a.end);
  const out: YearHit[] = [];
  for (const h of hits) if (out.length === 0 || h.at >= out[out.length - 1].end) out.push(h);
  return out;
}

type YearBounds = Pick<Constraints, 'minYear' | 'maxYear' | 'excludeYears'>;

/**
 * Year constraints of `t`. Phrases joined by "or"/"and"/"," share a negation ("no 70s or 80s") and, when
 * they are plain periods, add up ("the 80s or 90s" -> 1980-1999). A left-out period that reaches the
 * present ("no 2020s") or the lower bound already set becomes a bound instead of an exclusion.
 */
function readYears(t: string, currentYear: number): YearBounds {
  const groups: { neg: boolean; hits: YearHit[] }[] = [];
  let prev: YearHit | undefined;
  for (const h of yearHits(t, currentYear)) {
    const last = groups[groups.length - 1];
    if (prev && last && JOIN.test(t.slice(prev.end, h.at))) last.hits.push(h);
    else groups.push({ neg: NEG_LEAD.test(t.slice(0, h.at)), hits: [h] });
    prev = h;
  }
  let min: number | undefined;
  let max: number | undefined;
  const setMin = (y: number): void => void (min = min === undefined ? y : Math.max(min, y));
  const setMax = (y: number): void => void (max = max === undefined ? y : Math.min(max, y));
  const left: [number, number][] = [];
  for (const g of groups) {
    if (!g.neg && g.hits.length > 1 && g.hits.every((h) => h.kind === 'during')) {
      setMin(Math.min(...g.hits.map((h) => h.span[0])));
      setMax(Math.max(...g.hits.map((h) => h.span[1])));
      continue;
    }
    for (const { kind, span: [lo, hi] } of g.hits) {
      if (kind === 'before') g.neg ? setMin(lo) : setMax(lo - 1);
      else if (kind === 'after') g.neg ? setMax(hi) : setMin(hi + 1);
      else if (kind === 'since') g.neg ? setMax(lo - 1) : setMin(lo);
      else if (kind === 'until') g.neg ? setMin(hi + 1) : setMax(hi);
      else if (g.neg) left.push([lo, hi]);
      else {
        setMin(lo);
        setMax(hi);
      }
    }
  }
  const excludeYears: [number, number][] = [];
  for (const [lo, hi] of left.sort((a, b) => a[0] - b[0])) {
    if ((min !== undefined && hi < min) || (max !== undefined && lo > max)) continue; // already out of the window
    const low = min ?? -Infinity;
    const high = max ?? currentYear;
    if (lo <= low && hi >= high) excludeYears.push([lo, hi]); // leaves nothing: kept, so the list is honestly empty
    else if (hi >= high) setMax(lo - 1);
    else if (lo <= low) setMin(hi + 1);
    else if (excludeYears.length && lo <= excludeYears[excludeYears.length - 1][1] + 1) {
      const last = excludeYears[excludeYears.length - 1];
      last[1] = Math.max(last[1], hi); // "no 70s or 80s": one range, 1970-1989
    } else excludeYears.push([lo, hi]);
  }
  const out: YearBounds = {};
  if (min !== undefined) out.minYear = min;
  if (max !== undefined) out.maxYear = max;
  if (excludeYears.length) out.excludeYears = excludeYears;
  return out;
}

// ---- tags and all -------------------------------------------------------------------------------------

export function parseConstraints(text: string, knownTags: string[] = [], opts: ParseConstraintsOptions = {}): Constraints {
  const t = ` ${text.toLowerCase().replace(/[\u2019`]/g, "'").replace(/\s+/g, ' ')} `;
  const include = new Set<string>();
  const exclude = new Set<string>();

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

  const years = readYears(t, opts.currentYear ?? new Date().getFullYear());

  const out: Constraints = {};
  // a tag both included and excluded: the exclusion wins (safer to show less than to show what was refused)
  const inc = [...include].filter((x) => !exclude.has(x));
  if (inc.length) out.includeTags = inc;
  if (exclude.size) out.excludeTags = [...exclude];
  return { ...out, ...years };
}

/** No constraint at all. */
export function isEmptyConstraints(c: Constraints | undefined): boolean {
  return (
    !c ||
    (!c.includeTags?.length && !c.excludeTags?.length && c.minYear === undefined && c.maxYear === undefined && !c.excludeYears?.length)
  );
}

const overlaps = (r: [number, number], lo: number, hi: number): boolean => r[0] <= hi && r[1] >= lo;

/**
 * Later constraints refine earlier ones: tags accumulate (a new include lifts the same exclude and vice
 * versa), a new year bound replaces the old one. Left-out years accumulate; a new window with both
 * bounds ("from the 80s") lifts the left-out years it overlaps, and a new left-out range covering the
 * whole old window ("from the 80s", then "no 80s") lifts that window.
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
  let minYear = b.minYear ?? a.minYear;
  let maxYear = b.maxYear ?? a.maxYear;
  const newWindow = b.minYear !== undefined && b.maxYear !== undefined ? [b.minYear, b.maxYear] : undefined;
  const left = (a.excludeYears ?? []).filter((r) => !newWindow || !overlaps(r, newWindow[0], newWindow[1]));
  for (const r of b.excludeYears ?? []) {
    if (!left.some(([lo, hi]) => lo === r[0] && hi === r[1])) left.push(r);
    if (b.minYear === undefined && b.maxYear === undefined && a.minYear !== undefined && a.maxYear !== undefined && r[0] <= a.minYear && r[1] >= a.maxYear) {
      minYear = undefined;
      maxYear = undefined;
    }
  }
  if (minYear !== undefined) out.minYear = minYear;
  if (maxYear !== undefined) out.maxYear = maxYear;
  if (left.length) out.excludeYears = left;
  return out;
}
