/**
 * Which shown items a message names, and how: after a swap word ("drop 2", "remove Jaws"), alone ("#3",
 * "Heat?"), or in a clause with a "seen" word ("I've seen 1 and 3"). Positions are 1-based, as written,
 * until `inRange` turns the ones the list has into 0-based indexes.
 */
import { titleOpening } from '../../catalog/titles.js';
import type { ReadState } from './action.js';
import { ALL_ITEMS, ASK_POSITION, ASK_TITLE_LEAD, NOT_SEEN, SEEN } from './lexicon.js';
import { titleMentions, withoutTitles } from './mentions.js';
import { readPositions } from './ordinals.js';

/** A swap word counts only when a position or a title follows it (after filler): "not the second one", "drop 2". */
const SWAP = /\b(swap|replace|change|drop|remove|ditch|skip|lose|get rid of|toss|exchange|switch|not (?:a fan of|into|keen on)|not|no|don't like|dislike|hate|without)\b/g;
const SWAP_FILLER = /^(?:\s+(?:to|the|out|of|on|me|please|already|both|just|only|movie|film|pick|item|one|option)\b)*\s*/;
/** A position right at the start: "2", "#2", "2nd", "number 2", "the second", "last", "second to last". */
const POSITION_START =
  /^(?:#\s*\d|\d{1,2}\b|\d{1,2}(?:st|nd|rd|th)\b|(?:number|no\.|item|pick|option)\s*\d|(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|top|opening|last|bottom|final|penultimate)\b)/;

export function inRange(positions: number[], count: number): { ok: number[]; bad: number[] } {
  return { ok: positions.filter((p) => p <= count).map((p) => p - 1), bad: positions.filter((p) => p > count) };
}

/** Positions a swap word right before a position or a title names; undefined when it names none. */
export function swapTarget(t: string, state: ReadState, listLen: number): number[] | undefined {
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

/** A message that only names positions or a title ("2", "#3", "what about the 4th?", "Heat?"). */
export function askedPositions(t: string, state: ReadState, listLen: number): number[] | undefined {
  const bare = t.replace(/[?!.\s]+$/, '').trim();
  if (ASK_POSITION.test(bare)) {
    const positions = readPositions(bare, listLen);
    if (positions.length) return positions;
  }
  const lead = ASK_TITLE_LEAD.exec(bare)?.[0] ?? '';
  const named = bare.slice(lead.length);
  const mentions = titleMentions(named, state.titles);
  if (mentions.length === 1 && withoutTitles(named, state.titles).trim() === '') return [mentions[0].position];
  return undefined;
}

/** Where one clause of a message ends: "i've seen the matrix, swap it", "replace 2 - seen too many". */
const CLAUSE = /[,;.!?\u2013\u2014]+|\s-\s|\b(?:but|then|also)\b/;

/**
 * Positions the clauses with a "seen" word name: positions, titles, or all of them ("seen them all").
 * Only those clauses: in "replace 2 - seen too many space movies" nothing is said to be seen.
 */
export function seenPositions(t: string, state: ReadState, listLen: number): number[] {
  const out: number[] = [];
  for (const clause of t.split(CLAUSE)) {
    if (!SEEN.test(clause) || NOT_SEEN.test(clause)) continue;
    if (ALL_ITEMS.test(clause)) return Array.from({ length: listLen }, (_, i) => i + 1);
    for (const p of readPositions(withoutTitles(clause, state.titles), listLen)) if (!out.includes(p)) out.push(p);
    for (const p of titleMentions(clause, state.titles).map((m) => m.position)) if (!out.includes(p)) out.push(p);
  }
  return out;
}
