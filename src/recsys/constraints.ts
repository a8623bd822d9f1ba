import type { ConstraintConflict } from './constraints-conflict.js';
import { readYears } from './constraints-years.js';
import { resolveTags } from './constraints-tags.js';
import { readWatch } from './constraints-watch.js';
import type { Constraints } from './types.js';

export type { ConstraintConflict } from './constraints-conflict.js';
export { isEmptyConstraints, mergeConstraints } from './constraints-merge.js';
export { GENRES, resolveTags } from './constraints-tags.js';

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
 *   include: forcing comedy would narrow too much); "darker" excludes children and animation; "for adults"
 *   (or "for grown-ups", "adult animation") excludes children's films.
 * - contradictions: opposite wishes in one message ("no comedies, only comedies"; "before 2000 ... after
 *   2010") keep the LATER one; `readConstraints` reports each pair (kept, dropped) so the answer can say so.
 * Tags are resolved against `knownTags` (the catalog's tags) with the synonym table of filters/tags.ts.
 * An included tag the catalog does not know is dropped (it would empty the list); an excluded one is kept
 * only when it is a well-known genre, so "no thanks" excludes nothing. With no knownTags, only well-known
 * genres (MovieLens' list) are read.
 */

const STOP = '(?=$|[,.;!?]|\\s(?:but|and then|please|from|before|after|older|newer|since|between|in the|only|just)\\b)';

export interface ParseConstraintsOptions {
  /** For "recent" (last 5 years). Default: the current year. */
  currentYear?: number;
}

export interface ConstraintsRead {
  constraints: Constraints;
  /** Opposite wishes in the text, each settled for the later one. Empty when none. */
  conflicts: ConstraintConflict[];
}

/** Constraints of `text` (see the top of this file), and the contradictions settled on the way. */
export function readConstraints(text: string, knownTags: readonly string[] = [], opts: ParseConstraintsOptions = {}): ConstraintsRead {
  const t = ` ${text.toLowerCase().replace(/[\u2019`]/g, "'").replace(/\s+/g, ' ')} `;
  // every tag wish with where it was said: of opposite wishes about one tag, the later one holds
  const said: { tag: string; mode: 'include' | 'exclude'; at: number; phrase: string }[] = [];
  const wish = (tag: string, mode: 'include' | 'exclude', at: number, phrase: string): void => void said.push({ tag, mode, at, phrase });

  const neg = new RegExp(
    `\\b(?:no|without|nothing|not an?|not|avoid|skip|except|exclude|excluding|minus|none of|less|anything but)\\s+(?:more\\s+)?([a-z][a-z' -]*?)${STOP}`,
    'g',
  );
  for (const m of t.matchAll(neg)) for (const tag of resolveTags(m[1], knownTags, 'exclude')) wish(tag, 'exclude', m.index, m[0].trim());
  const only = new RegExp(`\\b(?:only|just|exclusively)\\s+([a-z][a-z' -]*?)${STOP}`, 'g');
  for (const m of t.matchAll(only)) for (const tag of resolveTags(m[1], knownTags, 'include')) wish(tag, 'include', m.index, m[0].trim());
  for (const m of t.matchAll(/\b([a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)\s+only\b/g)) {
    if (/^(?:no|not|without|nothing|never|skip|avoid|less)\b/.test(m[1])) continue; // "no horror only ...": the exclusion's words
    for (const tag of resolveTags(m[1], knownTags, 'include')) wish(tag, 'include', m.index, m[0].trim());
  }

  const lighter = /\b(lighter|light[- ]hearted|feel[- ]good|less dark|cheer(?:ful|ier)|happier|uplifting)\b/.exec(t);
  if (lighter) for (const g of ['horror', 'thriller', 'war']) wish(g, 'exclude', lighter.index, lighter[0]);
  const darker = /\b(darker|grittier|more serious)\b/.exec(t);
  if (darker) for (const g of ['children', 'animation']) wish(g, 'exclude', darker.index, darker[0]);
  const grownUp = /\b(for (?:adults|grown[- ]?ups)|adult animation)\b/.exec(t);
  if (grownUp) wish('children', 'exclude', grownUp.index, grownUp[0]);

  const conflicts: ConstraintConflict[] = [];
  const wishes = new Map<string, { mode: 'include' | 'exclude'; phrase: string }>();
  for (const w of said.sort((a, b) => a.at - b.at)) {
    const before = wishes.get(w.tag);
    if (before && before.mode !== w.mode && !conflicts.some((c) => c.subject === w.tag && c.kept === w.phrase)) {
      conflicts.push({ subject: w.tag, kept: w.phrase, dropped: before.phrase });
    }
    wishes.delete(w.tag); // re-inserted: tags keep the order they were last said in
    wishes.set(w.tag, { mode: w.mode, phrase: w.phrase });
  }
  const years = readYears(t, opts.currentYear ?? new Date().getFullYear(), conflicts);

  const out: Constraints = {};
  const inc = [...wishes].filter(([, w]) => w.mode === 'include').map(([tag]) => tag);
  const exc = [...wishes].filter(([, w]) => w.mode === 'exclude').map(([tag]) => tag);
  if (inc.length) out.includeTags = inc;
  if (exc.length) out.excludeTags = exc;
  return { constraints: { ...out, ...years, ...readWatch(t) }, conflicts };
}

/** The constraints of `text` (contradictions settled for the later wish; see `readConstraints`). */
export function parseConstraints(text: string, knownTags: readonly string[] = [], opts: ParseConstraintsOptions = {}): Constraints {
  return readConstraints(text, knownTags, opts).constraints;
}
