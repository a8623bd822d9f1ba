/**
 * Year constraints in a user's words: "before 2000", "since 2010", "from the 80s", "between 1990 and
 * 2000", "recent", and their negations ("nothing before 2000", "no 80s movies").
 */
import type { ConstraintConflict } from './constraints-conflict.js';
import type { Constraints } from './types.js';

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
 * Bounds that contradict each other ("before 2000 ... after 2010") leave nothing: the later phrase is
 * kept, the earlier dropped, and the pair is reported in `conflicts`.
 */
export function readYears(t: string, currentYear: number, conflicts: ConstraintConflict[]): YearBounds {
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
  let minBy = '';
  let maxBy = '';
  const clash = (kept: string, dropped: string): void => {
    if (!conflicts.some((c) => c.subject === 'years' && c.kept === kept && c.dropped === dropped)) conflicts.push({ subject: 'years', kept, dropped });
  };
  const setMin = (y: number, by: string): void => {
    if (max !== undefined && y > max) {
      clash(by, maxBy);
      max = undefined;
    }
    if (min === undefined || y > min) [min, minBy] = [y, by];
  };
  const setMax = (y: number, by: string): void => {
    if (min !== undefined && y < min) {
      clash(by, minBy);
      min = undefined;
    }
    if (max === undefined || y < max) [max, maxBy] = [y, by];
  };
  const phrase = (h: YearHit, neg: boolean): string => {
    const text = t.slice(h.at, h.end).trim();
    if (!neg) return text;
    const lead = /\b(?:no|not|nothing|none|never|without|avoid|skip|exclude|excluding|except)\b[^,.;!?]*$/.exec(t.slice(0, h.at));
    return lead ? `${lead[0].trim()} ${text}` : text;
  };
  const left: [number, number][] = [];
  for (const g of groups) {
    if (!g.neg && g.hits.length > 1 && g.hits.every((h) => h.kind === 'during')) {
      const by = t.slice(g.hits[0].at, g.hits[g.hits.length - 1].end).trim();
      const lo = Math.min(...g.hits.map((h) => h.span[0]));
      const hi = Math.max(...g.hits.map((h) => h.span[1]));
      setMin(lo, by);
      setMax(hi, by);
      continue;
    }
    for (const h of g.hits) {
      const { kind, span: [lo, hi] } = h;
      const by = phrase(h, g.neg);
      if (kind === 'before') g.neg ? setMin(lo, by) : setMax(lo - 1, by);
      else if (kind === 'after') g.neg ? setMax(hi, by) : setMin(hi + 1, by);
      else if (kind === 'since') g.neg ? setMax(lo - 1, by) : setMin(lo, by);
      else if (kind === 'until') g.neg ? setMin(hi + 1, by) : setMax(hi, by);
      else if (g.neg) left.push([lo, hi]);
      else {
        // "from the 80s" is a window: a bound it contradicts is dropped, then both of its own apply
        if (max !== undefined && lo > max) setMin(lo, by);
        if (min !== undefined && hi < min) setMax(hi, by);
        if (min === undefined || lo > min) [min, minBy] = [lo, by];
        if (max === undefined || hi < max) [max, maxBy] = [hi, by];
      }
    }
  }
  const excludeYears: [number, number][] = [];
  for (const [lo, hi] of left.sort((a, b) => a[0] - b[0])) {
    if ((min !== undefined && hi < min) || (max !== undefined && lo > max)) continue; // already out of the window
    const low = min ?? -Infinity;
    const high = max ?? currentYear;
    if (lo <= low && hi >= high) excludeYears.push([lo, hi]); // leaves nothing: kept, so the list is honestly empty
    else if (hi >= high) max = lo - 1;
    else if (lo <= low) min = hi + 1;
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
