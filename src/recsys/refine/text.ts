/**
 * How a follow-up message is cleaned before the rules read it: lower case without accents, one kind of apostrophe, emoji
 * that carry a meaning turned into words (👍 -> "thanks", 🎲 -> "random") and the others dropped, chat
 * shorthand spelled out ("thx", "pls", "u"), letters typed three or more times cut to two ("thanksss"),
 * and a word one typing slip away from a word the rules know ("comdey", "swpa", "thnaks") corrected.
 * Titles of the shown list are never "corrected".
 */
import { editDistance } from '../../catalog/edit-distance.js';

const EMOJI_WORDS: [RegExp, string][] = [
  [/[\u{1F44D}\u{1F44C}\u{1F64F}\u{1F64C}\u{1F4AF}\u{2705}\u{2764}\u{1F496}\u{1F60D}\u{1F970}\u{1F60A}\u{263A}\u{1F917}]/gu, ' thanks '],
  [/[\u{1F3B2}\u{1F500}]/gu, ' random '],
];

/** Chat shorthand, whole words. */
const SHORTHAND: Record<string, string> = {
  thx: 'thanks', thnx: 'thanks', thanx: 'thanks', tnx: 'thanks', ty: 'thanks', tysm: 'thanks', tyvm: 'thanks', thankyou: 'thank you',
  thanku: 'thank you', pls: 'please', plz: 'please', plox: 'please', u: 'you', ur: 'your', k: 'ok', kk: 'ok', okey: 'ok', okie: 'ok',
  okay: 'ok', 'o.k.': 'ok', lemme: 'let me', gimme: 'give me', wanna: 'want to', gonna: 'going to', ive: "i've", dont: "don't",
  didnt: "didn't", havent: "haven't", im: "i'm", thats: "that's", theyre: "they're", whats: "what's", cant: "can't", lets: "let's",
  b4: 'before', w: 'with', w_o: 'without', 'w/o': 'without', scifi: 'sci-fi', romcom: 'romcom', fav: 'favourite', fave: 'favourite',
};

/**
 * Words the rules look for, long enough that a one-letter slip is safe to correct. Short or common words
 * (older, newer, never, think, order) are left out on purpose: "in order" must not become "in older".
 */
const VOCABULARY = [
  'swap', 'undo', 'replace', 'remove', 'change', 'already', 'watched', 'second', 'third', 'fourth', 'fifth', 'previous',
  'thanks', 'perfect', 'awesome', 'cheers', 'surprise', 'random', 'classics', 'classic', 'please',
  'comedy', 'comedies', 'horror', 'thriller', 'thrillers', 'action', 'romance', 'romantic', 'animation', 'animated',
  'documentary', 'documentaries', 'western', 'westerns', 'fantasy', 'mystery', 'mysteries', 'musical', 'musicals',
  'adventure', 'children', 'drama', 'dramas', 'crime', 'sci-fi',
  'violent', 'depressing', 'upbeat', 'cheerful', 'scarier', 'funnier', 'grittier', 'darker',
];

/** Real words one slip away from a vocabulary word: never corrected. */
const PROTECTED = new Set([
  'think', 'thinks', 'thank', 'order', 'never', 'decent', 'fighter', 'matched', 'seconds', 'remote', 'removed', 'removes',
  'changed', 'changes', 'chance', 'watches', 'watcher', 'catched', 'thirds', 'fifths', 'fourths',
  'actions', 'fiction', 'horrors', 'dramatic', 'classy', 'cheese', 'cheery', 'darken', 'darkest', 'crimes',
  'pleased', 'release', 'surprised', 'dancer', 'danger', 'taste', 'tastes', 'where', 'there', 'these', 'those',
  'other', 'others', 'again', 'above', 'about', 'after', 'anymore',
]);

/** Optimal string alignment distance up to 1: one insertion, deletion, substitution or swap of neighbours. */
function oneSlip(a: string, b: string): boolean {
  if (a === b) return false;
  if (a.length === b.length) {
    const diff: number[] = [];
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
    if (diff.length === 1) return true;
    return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
  }
  return editDistance(a, b, 1) <= 1;
}

/** Only a swap of neighbours for 4-letter words ("swpa", "udno"); any one slip from 5 letters on. */
function correct(word: string, vocabulary: readonly string[], keep: ReadonlySet<string>): string {
  if (word.length < 4 || keep.has(word) || PROTECTED.has(word) || STOPWORDS.has(word) || vocabulary.includes(word) || /\d/.test(word)) return word;
  const hits = [...new Set(vocabulary)].filter((v) => {
    if (Math.abs(v.length - word.length) > 1) return false;
    if (word.length === 4 || v.length === 4) return v.length === word.length && oneSlip(word, v) && [...word].sort().join() === [...v].sort().join();
    return oneSlip(word, v);
  });
  return hits.length === 1 ? hits[0] : word;
}

export interface NormaliseOptions {
  /**
   * Extra words to correct toward. Careful: a large list (a catalog's free tags) turns real words into
   * tags ("start" -> "stars"); the reader passes none.
   */
  vocabulary?: readonly string[];
  /** Words never corrected (the words of the shown titles). */
  keep?: ReadonlySet<string>;
}

/** The message as the rules read it (see the top of this file). */
export function normaliseMessage(text: string, opts: NormaliseOptions = {}): string {
  let t = text.replace(/[\u2019\u2018`´]/g, "'").replace(/[\u201c\u201d]/g, '"');
  for (const [re, word] of EMOJI_WORDS) t = t.replace(re, word);
  t = t
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '') // accents: "Amélie" is "amelie"
    .toLowerCase()
    .replace(/\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}\u{FE0F}\u{200D}]/gu, ' ')
    .replace(/:[a-z_]+:/g, ' ') // :slightly_smiling_face:
    .replace(/([a-z])\1{2,}/g, '$1$1')
    .replace(/\s+/g, ' ')
    .trim();
  const vocabulary = opts.vocabulary?.length ? [...VOCABULARY, ...opts.vocabulary] : VOCABULARY;
  const keep = opts.keep ?? new Set<string>();
  return t.replace(/[a-z][a-z'/._-]*[a-z]|[a-z]/g, (w) => {
    const short = SHORTHAND[w];
    if (short !== undefined) return short;
    return w.includes('-') || w.includes("'") || w.includes('/') || w.includes('.') ? w : correct(w, vocabulary, keep);
  });
}

/**
 * Words that carry no request of their own: articles, pronouns, helpers, politeness, chat filler.
 * What is left of a message once these (and the words the rules read) are gone is its content.
 */
export const STOPWORDS = new Set(
  (
    "a an the this that these those it its it's they them their there here he she his her we us our you your yours i me my mine i'm i've i'd " +
    "is are was were be been being am do does did doing done have has had having will would shall should can could may might must " +
    "and or but so if then than too very just really quite pretty bit a-bit little lot lots much many some any all both each every " +
    "of to in on at by for from with about as into onto over under up down out off again also even still yet now ok oh ah um uh hmm hm " +
    "mm meh eh ugh huh lol lmao haha hehe rofl idk tbh imo btw rn pls please thanks thank yes yeah yep yup nope nah no not " +
    "what what's which who whom whose why how when where one ones thing things stuff kind sort type maybe perhaps actually " +
    "like well just hey hi hello sorry guess think thought know feel feeling let let's get got give show tell see make want wanted " +
    "need try go going sure right okay alright cool nice great good fine awesome perfect lovely " +
    "don't doesn't didn't isn't aren't wasn't weren't won't can't couldn't wouldn't shouldn't haven't hasn't hadn't " +
    "seen watched saw watch wow omg yay woo whoa woah gosh ooh aww welp hey ya"
  ).split(/\s+/),
);

/** The words of `t` (letters, digits, apostrophes, hyphens). */
export function wordsOf(t: string): string[] {
  return t.match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? [];
}
