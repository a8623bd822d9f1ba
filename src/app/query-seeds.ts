import { expandAbbreviation, type TitleIndex, type TitleMatch, type TitleMatchKind } from '../catalog/titles.js';
import { isRequestWord } from './request-words.js';
import { withoutTitles } from '../recsys/refine/mentions.js';

/**
 * Titles a request names, which lead the search as seeds (and are never recommended back) instead of their
 * words being matched as text. The rule: a request names a title only when it says so, by
 * - introducing it: "something like The Matrix", "similar to heat", "in the vein of Alien" (any reading of
 *   the title the resolver accepts, a near spelling too);
 * - quoting it: `a "Scary Movie" kind of night`;
 * - writing it in title case inside a sentence, two words or more or a known short name: "I loved The Dark
 *   Knight", "after LOTR" (read only as written: the title itself, another name it carries, its number,
 *   its series name, subtitle or first words, an abbreviation; never a guess at spelling). One capitalised
 *   word is not enough ("a movie set in Chicago" does not name Chicago).
 * Plain words never do: "scary movie but not too gory" names no title, nor "something for tonight".
 */

const LIKE = /\b(?:something like|movies like|films like|shows like|like|similar to|such as|in the vein of|along the lines of|reminds? me of|same vibe as)\s+(.+)$/i;
const CUT = /\s*(?:,|;|\bbut\b|\band no\b|\bwithout\b|\bexcept\b|\bthat is\b|\bthat's\b|\bonly\b|\bolder than\b|\bnewer than\b|\bbefore\b|\bafter\b|\bfrom the\b)\s*/i;
const QUOTED = /["“”«»]([^"“”«»\n]{2,100})["“”«»]|(?:^|[\s(])'([^'\n]{2,100})'(?=$|[\s,.!?;:)])/gu;
/** Readings a title written in capitals must have: no guessing at spelling. */
const AS_WRITTEN = new Set<TitleMatchKind>(['exact', 'alias', 'number', 'subtitle', 'abbreviation']);
/** Small words a title written in capitals may hold in lower case ("Lord of the Rings"). */
const INNER = new Set(['of', 'the', 'a', 'an', 'and', 'in', 'on', 'to', 'for', 'at', 'from', 'with', 'vs', '&', 'part']);

type Match = (text: string) => TitleMatch | null;

/** A title a request introduces, and the request's words after it ("but funnier"). */
interface Introduced {
  match: TitleMatch;
  after: string;
}

/**
 * The title introduced by "like ...": the longest run of words after it that reads as a title as written
 * ("like Gone with the Wind", and "Heat" of "like Heat with more romance"); else the words up to the first
 * constraint ("but older", ", no horror"), any reading (a near spelling too), words of asking after it let
 * go one by one until a title is read ("like Inception please", "like Heat for tonight").
 */
function introduced(text: string, match: Match, asWritten: Match): Introduced | null {
  const m = LIKE.exec(text);
  if (!m) return null;
  const all = m[1].trim().split(/\s+/);
  const clean = (ws: string[]) => ws.join(' ').replace(/[.!?,;:]+$/, '');
  for (let n = all.length; n >= 1; n--) {
    const found = asWritten(clean(all.slice(0, n)));
    if (found && AS_WRITTEN.has(found.how)) return { match: found, after: all.slice(n).join(' ') };
  }
  const head = m[1].split(CUT)[0];
  const words = head.replace(/[.!?]+$/, '').trim().split(/\s+/);
  while (words.join(' ').length >= 2) {
    const found = match(words.join(' '));
    if (found) return { match: found, after: m[1].slice(head.length) };
    if (!isRequestWord(words[words.length - 1].replace(/[.!?]+$/, ''))) return null;
    words.pop();
  }
  return null;
}

function quoted(text: string, match: Match): TitleMatch[] {
  return [...text.matchAll(QUOTED)].flatMap((m) => {
    const found = match((m[1] ?? m[2]).trim());
    return found ? [found] : [];
  });
}

const capitalised = (w: string): boolean => /^[\p{Lu}\p{N}]/u.test(w) && !/^I(?:['’]|$)/u.test(w);

/**
 * Runs of capitalised words after a sentence's first word ("I loved The Dark Knight, and Heat" -> "The Dark
 * Knight", "Heat"): small words only between capitalised ones; a run ends at a comma, full stop or the like.
 */
export function capitalisedRuns(text: string): string[] {
  const runs: string[] = [];
  let run: string[] = [];
  let sentenceStart = true;
  const close = () => {
    while (run.length && !capitalised(run[run.length - 1])) run.pop();
    if (run.length) runs.push(run.join(' '));
    run = [];
  };
  for (const raw of text.split(/\s+/).filter(Boolean)) {
    const w = raw.replace(/^[("“'«]+/u, '').replace(/[)"”'»,.;!?]+$/u, '');
    const ends = /[,.;!?)"”»]$/u.test(raw);
    if (w && capitalised(w) && !sentenceStart) run.push(w);
    else if (w && run.length && INNER.has(w.toLowerCase())) run.push(w);
    else close();
    if (ends) close();
    sentenceStart = /[.!?]$/.test(raw);
  }
  close();
  return runs;
}

/** A title written in capitals: two words or more, or a known short name ("LOTR", "T2"; not "TV" or "USA"). */
function written(text: string, match: Match): TitleMatch[] {
  const read = (part: string): TitleMatch[] => {
    if (!part.includes(' ') && !expandAbbreviation(part.toLowerCase())) return [];
    const m = match(part);
    return m && AS_WRITTEN.has(m.how) ? [m] : [];
  };
  // The run as one title ("Pride and Prejudice"), else each title it lists ("Close Encounters and The Thing").
  return capitalisedRuns(text).flatMap((run) => {
    const whole = read(run);
    return whole.length ? whole : run.split(/\s+(?:and|&)\s+/).flatMap(read);
  });
}

/** The titles a request names, in the order above (introduced, quoted, written), each once, and what it says besides. */
export function readTitles(text: string, titles: TitleIndex, popularity?: (id: string) => number): { named: TitleMatch[]; besides: string } {
  const match: Match = (t) => titles.match(t, { popularity });
  const first = introduced(text, match, (t) => titles.match(t, { popularity, asWritten: true }));
  const all = [...(first ? [first.match] : []), ...quoted(text, match), ...written(text, match)];
  const named = all.filter((m, i) => all.findIndex((x) => x.item.id === m.item.id) === i);
  return { named, besides: besidesTitles(text, named, first) };
}

/** The titles a request names, in the order above (introduced, quoted, written), each once. */
export function namedTitles(text: string, titles: TitleIndex, popularity?: (id: string) => number): TitleMatch[] {
  return readTitles(text, titles, popularity).named;
}

/** The ids of the titles a request names: "something like The Matrix, but older" -> the Matrix's id. */
export function titleSeeds(text: string, titles: TitleIndex, popularity?: (id: string) => number): string[] {
  return namedTitles(text, titles, popularity).map((m) => m.item.id);
}

/**
 * What a request says besides the titles it names: "like Pulp Fiction but funnier" -> "but funnier" (the
 * words before "like ..." and after its title, quoted titles and the named titles as written left out). The
 * caller keeps only what is worth searching by (query-text.ts); '' when nothing is left.
 */
function besidesTitles(text: string, named: readonly TitleMatch[], first: Introduced | null): string {
  if (named.length === 0) return text;
  let rest = text;
  const m = first ? LIKE.exec(rest) : null;
  if (m && first) rest = `${rest.slice(0, m.index)} ${first.after}`;
  rest = rest.replace(QUOTED, ' ');
  // the titles as people write them: without "The", with the year, by another name it carries
  return withoutTitles(rest, named.map((m) => m.item.title)).replace(/\s+/g, ' ').trim();
}
