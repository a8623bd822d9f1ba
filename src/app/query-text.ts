import { DURATION, SERVICE_PHRASE } from '../recsys/constraints-watch.js';
import { isGenreWord } from './genre-words.js';
import { isAskingWord, isRequestWord } from './request-words.js';

/**
 * What of a request is worth embedding: the request without the words of asking ("recommend me some
 * movies for tonight", request-words.ts), and without negated or numeric constraints ("no horror",
 * "not too gory", "less scary", "before 2000"), which the constraint filter enforces and which would otherwise pull the
 * very items they exclude towards the query. A request with nothing left has no content: `queryText` is ''.
 */
const NEGATED = /\b(?:no|not|without|except|nothing|never|avoid(?:ing)?|skip(?:ping)?|but not|anything but|none of|less|fewer)\s+(?:(?:any|more|the|too|very|so|overly|that|super|really)\s+)?[\w'-]+(?:\s+(?:or|and|nor)\s+[\w'-]+)*/gi;
const YEARS = /\b(?:older|newer|earlier|later)\s+than\s+(?:the\s+)?\d{2,4}s?\b|\b(?:before|after|since|from|in|between)\s+(?:the\s+)?(?:\d{4}|'?\d0s|\d{4}s)\b|(?:\bthe\s+)?(?:'|\b)\d0s\b|\b(?:18|19|20)\d{2}s?\b|\b(?:only|just)\b/gi;

/** Where and how long ("on Netflix", "free to stream", "under 2 hours"): the constraints filter checks them (constraints-watch.ts). */
const WATCH = new RegExp(
  String.raw`${SERVICE_PHRASE}|\bfree\s+to\s+(?:stream|watch)\b|\b(?:for\s+free|free\s+streaming)\b|\b(?:under|less\s+than|shorter\s+than|below|at\s+most|no\s+more\s+than|over|more\s+than|longer\s+than|at\s+least)\s+(?:an?\s+hour\b|(?:an?\s+)?${DURATION})`,
  'gi',
);

/**
 * Moods mapped to the genre and tag words catalogs use, so that "something cozy" finds what the catalog calls
 * Comedy or Mystery. The user's own words are kept; these are added: first the genre the mood names ("scary":
 * horror, "funny": comedy), always; then the genres it leans to ("cozy": comedy, mystery, romance), only when
 * the request has no topic: beside one ("a feel-good sports movie", "a dark comedy about death") they would
 * outweigh it (`queryText`).
 */
const MOODS: [RegExp, string, string][] = [
  [/\b(cozy|cosy)\b/, '', 'comedy mystery romance light'],
  [/\b(feel[- ]?good|uplifting|heart ?warming|wholesome|cheerful|lighter|light[- ]hearted)\b/, 'feel-good', 'comedy family romance'],
  [/\b(funny|hilarious|laughs?|silly)\b/, 'comedy funny', ''],
  [/\b(scary|creepy|spooky|terrifying|frightening)\b/, 'horror', 'suspense'],
  [/\b(sad|tearjerker|cry|emotional|moving)\b/, '', 'drama romance emotional'],
  [/\b(mind[- ]?bending|trippy|twisty|cerebral)\b/, '', 'sci-fi mystery thought-provoking twist ending surreal'],
  [/\b(date night|romantic)\b/, 'romance', 'comedy'],
  [/\b(dark|gritty|bleak)\b/, 'dark', 'thriller crime'],
];

/** Everyday words for what a film is about, mapped to the tags catalogs use ("spies": spy, espionage); always added. */
const TOPICS: [RegExp, string][] = [
  [/\b(kids?|children|family)\b/, 'children animation family'],
  [/\b(space|alien|aliens|galaxy|outer space)\b/, 'sci-fi space aliens'],
  [/\b(true story|real events|biopic)\b/, 'based on a true story biography drama'],
  [/\b(action[- ]packed|explosions?|fights?)\b/, 'action'],
  [/\b(epic|sweeping)\b/, 'adventure epic war fantasy'],
  [/\b(magic|wizards?|dragons?)\b/, 'fantasy magic'],
  [/\b(cowboys?|wild west)\b/, 'western'],
  [/\b(detective|whodunit|murder mystery)\b/, 'mystery crime detective'],
  [/\b(singing|songs?)\b/, 'musical music'],
  [/\b(spy|spies|espionage)\b/, 'spy action thriller espionage'],
  [/\b(heists?|robbery|robberies|con artists?)\b/, 'heist crime'],
];

/** The moods' phrases, to take out of a request before looking for its topic ("date night", "feel good"). */
const MOOD_PHRASES = MOODS.map(([re]) => new RegExp(re.source, 'g'));

/** How a request splits into words (letters, digits, apostrophes and hyphens inside words). */
const SPLIT = /[^\p{L}\p{N}'-]+/u;

/** Whether a request says anything about what is wanted, once asking, negations and years are taken out. */
export function hasContent(request: string): boolean {
  return queryText(request) !== '';
}

/**
 * The member's own words worth searching by (asking, negated wishes, years and where-to-watch taken out; no
 * expansions): what a list's text should say (the `text-coverage` scorer). '' when nothing is left.
 */
export function wantedWords(request: string): string {
  const words = keptWords(request);
  return words.some((w) => !isRequestWord(w)) ? words.join(' ') : '';
}

/** The request without where-to-watch, negated wishes and years, which the constraint filter enforces. */
function withoutConstraints(request: string): string {
  return request.replace(WATCH, ' ').replace(NEGATED, ' ').replace(YEARS, ' ');
}

function keptWords(request: string): string[] {
  return withoutConstraints(request)
    .split(SPLIT)
    .filter((w) => w && !isAskingWord(w));
}

export function queryText(request: string): string {
  const words = keptWords(request);
  // Only asking ("something for tonight", "surprise me") or only constraints ("nothing from the 90s"):
  // no text at all, so the member's taste and the server's habits lead, never a search for those words.
  if (!words.some((w) => !isRequestWord(w))) return '';
  const lower = words.join(' ').toLowerCase();
  // The user's own words twice: the expansions help, the words asked for lead. A genre said beside a topic
  // ("a courtroom drama") counts once: most of a catalog carries it, the topic says which. A mood word ("cozy",
  // "scary") is no topic: alone beside a genre it is expanded into genres itself, so "a cozy mystery" keeps its
  // genre whole; beside a topic its genres are left out, so "a feel-good sports movie" is about sports.
  // Moods are read as phrases, over the words of asking too ("a feel good movie", "date night").
  const said = withoutConstraints(request).toLowerCase();
  const rest = MOOD_PHRASES.reduce((text, re) => text.replace(re, ' '), said);
  const topical = rest.split(SPLIT).some((w) => w && !isRequestWord(w) && !isGenreWord(w));
  const moods = MOODS.filter(([re]) => re.test(said)).map(([, named, leans]) => (topical ? named : `${named} ${leans}`).trim());
  const extra = [...moods, ...TOPICS.filter(([re]) => re.test(lower)).map(([, add]) => add)].filter(Boolean);
  return [...words, ...words.filter((w) => !(topical && isGenreWord(w))), ...extra].join(' ');
}
