import { titleOpening, titleWithin } from '../../catalog/titles.js';
import { isEmptyConstraints, parseConstraints } from '../constraints.js';
import type { Constraints } from '../types.js';
import { readNumber, readPositions } from './ordinals.js';

/** What a follow-up message asks for. Positions are 0-based indexes into the list shown. */
export type RefineAction =
  | { kind: 'swap'; positions: number[] }
  | { kind: 'more-like'; position: number }
  | { kind: 'constraint'; constraints: Constraints }
  | { kind: 'count'; count: number }
  | { kind: 'reset' }
  /** A position was named that the list does not have ("swap the 7th" of 5); 1-based as written. */
  | { kind: 'out-of-range'; positions: number[]; count: number }
  | { kind: 'text'; text: string };

export interface ReadState {
  shown: string[];
  count: number;
  /** Titles of `shown`, same order: lets "more like Heat" find Heat. */
  titles?: string[];
}

export interface ReadOptions {
  knownTags?: string[];
  /** Largest list "longer list" may ask for. Default 20. */
  maxCount?: number;
  currentYear?: number;
}

const RESET = /\b(start (?:over|again|afresh)|reset|from scratch|forget (?:it|that|all that|everything)|never ?mind|clear (?:it|everything|all))\b/;
/** A swap word counts only when a position or a title follows it (after filler): "not the second one", "drop 2". */
const SWAP = /\b(swap|replace|change|drop|remove|ditch|skip|lose|get rid of|toss|exchange|switch|not (?:a fan of|into|keen on)|not|no|don't like|dislike|hate|seen|watched|without)\b/g;
const SWAP_FILLER = /^(?:\s+(?:to|the|out|of|on|me|please|already|both|just|only|movie|film|pick|item|one|option)\b)*\s*/;
/** A position right at the start: "2", "#2", "2nd", "number 2", "the second", "last", "second to last". */
const POSITION_START =
  /^(?:#\s*\d|\d{1,2}\b|\d{1,2}(?:st|nd|rd|th)\b|(?:number|no\.|item|pick|option)\s*\d|(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|top|opening|last|bottom|final|penultimate)\b)/;
const NUM = '(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|a couple)';
/**
 * A count said outright, read before swaps so "no more than 3" is not "no ... #3": "no more than 3",
 * "at most 4", "only 3", "just three", "3 is enough", "max 5". Not when a swap verb comes first ("replace just 2").
 */
const COUNT_FIRST = new RegExp(
  `\\b(?:(?:no|not) more than|at most|only|just|max(?:imum)?(?: of)?)\\s+${NUM}\\b(?!\\s*(?:st|nd|rd|th)\\b)(?!\\s+(?:more|extra))` +
    `|\\b${NUM}\\s+(?:(?:is|are|would be|will be|should be)\\s+(?:enough|plenty|sufficient)|(?:will|would|should) do)\\b`,
);
const SWAP_VERB = /\b(?:swap|replace|change|drop|remove|ditch|skip|lose|get rid of|toss|exchange|switch)\b/;
// a bare "like" said with a negation ("I don't like Alien") is a complaint, not a seed
const MORE_LIKE = /\b(?:more (?:like|of)|similar to|something like|others like|things like|stuff like|in the vein of|(?<!\b(?:don't|do not|didn't|did not|not|never|really don't)\s)like)\s+(.+)$/;
const FEWER = /\b(shorter|fewer|less (?:options|items|movies|picks|results)|smaller list|too many|cut (?:it|the list) down)\b/;
const MORE = /\b(longer|more (?:options|items|movies|films|picks|results|recommendations|suggestions)|give me more|show me more|bigger list|expand|extend)\b|^\s*more[.!]*\s*$/;
const EXACT = /\b(?:just|only|give me|show me|show|top|list|make it|want|need)\s+(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|a couple)\b(?!\s*(?:st|nd|rd|th)\b)(?!\s+(?:more|extra))/;
const N_MORE = /\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|a couple)\s+(?:more|extra)\b/;

function inRange(positions: number[], count: number): { ok: number[]; bad: number[] } {
  return { ok: positions.filter((p) => p <= count).map((p) => p - 1), bad: positions.filter((p) => p > count) };
}

/** Positions a swap word right before a position or a title names; undefined when it names none. */
function swapTarget(t: string, state: ReadState, listLen: number): number[] | undefined {
  for (const m of t.matchAll(SWAP)) {
    const after = t.slice(m.index + m[0].length);
    const rest = after.slice(SWAP_FILLER.exec(after)?.[0].length ?? 0);
    if (POSITION_START.test(rest)) {
      const positions = readPositions(rest, listLen);
      if (positions.length > 0) return positions;
    }
    const titled = titleOpening([rest, after.trimStart()], state.titles);
    if (titled !== undefined) return [titled];
  }
  return undefined;
}


/**
 * Reads one follow-up message by rules, in this order: reset, more-like, an outright count ("no more than
 * 3", "at most 4", "just 3"), swap, other counts, constraint; anything else is new query text. Pure: the
 * caller applies it with `applyRefinement`.
 * A swap needs its word right before a position or a title ("not the second one", "no to #2", "drop 2",
 * "remove Jaws"). So "no, the first one is great" is no swap: it has no constraint either, and is read
 * as text (decision: there is no "nothing to do" action, and text lets the LLM, when on, read the
 * praise; offline it only adds words to the query).
 */
export function readRefinement(text: string, state: ReadState, opts: ReadOptions = {}): RefineAction {
  const t = text.toLowerCase().replace(/[\u2019`]/g, "'").replace(/\s+/g, ' ').trim();
  const listLen = state.shown.length || state.count;
  const maxCount = opts.maxCount ?? 20;
  if (!t) return { kind: 'text', text };
  if (RESET.test(t)) return { kind: 'reset' };

  const like = MORE_LIKE.exec(t);
  if (like) {
    const rest = like[1];
    const pos = readPositions(rest, listLen)[0] ?? titleWithin(rest, state.titles);
    if (pos !== undefined) {
      if (pos > listLen) return { kind: 'out-of-range', positions: [pos], count: listLen };
      return { kind: 'more-like', position: pos - 1 };
    }
  }

  const first = COUNT_FIRST.exec(t);
  if (first && !SWAP_VERB.test(t.slice(0, first.index))) {
    const n = readNumber((first[1] ?? first[2]).replace('a couple', 'couple'));
    if (n !== undefined && n >= 1) return { kind: 'count', count: Math.min(maxCount, n) };
  }

  const positions = swapTarget(t, state, listLen);
  if (positions) {
    const { ok, bad } = inRange(positions, listLen);
    if (ok.length === 0) return { kind: 'out-of-range', positions: bad, count: listLen };
    return { kind: 'swap', positions: ok };
  }

  const nMore = N_MORE.exec(t);
  if (nMore) return { kind: 'count', count: Math.min(maxCount, state.count + (readNumber(nMore[1].replace('a couple', 'couple')) ?? 0)) };
  const exact = EXACT.exec(t);
  if (exact) {
    const n = readNumber(exact[1].replace('a couple', 'couple'));
    if (n !== undefined && n >= 1) return { kind: 'count', count: Math.min(maxCount, n) };
  }
  if (FEWER.test(t)) return { kind: 'count', count: Math.max(1, Math.ceil(state.count / 2)) };
  if (MORE.test(t)) return { kind: 'count', count: Math.min(maxCount, state.count + 5) };

  const constraints = parseConstraints(t, opts.knownTags ?? [], { currentYear: opts.currentYear });
  if (!isEmptyConstraints(constraints)) return { kind: 'constraint', constraints };
  return { kind: 'text', text: text.trim() };
}
