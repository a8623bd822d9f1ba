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
const SWAP = /\b(swap|replace|change|drop|remove|ditch|skip|lose|get rid of|toss|exchange|switch|not|no|don't like|dislike|hate|seen|watched|without)\b/;
const MORE_LIKE = /\b(?:more (?:like|of)|similar to|something like|others like|things like|stuff like|in the vein of|like)\s+(.+)$/;
const FEWER = /\b(shorter|fewer|less (?:options|items|movies|picks|results)|smaller list|too many|cut (?:it|the list) down)\b/;
const MORE = /\b(longer|more (?:options|items|movies|films|picks|results|recommendations|suggestions)|give me more|show me more|bigger list|expand|extend)\b|^\s*more[.!]*\s*$/;
const EXACT = /\b(?:just|only|give me|show me|show|top|list|make it|want|need)\s+(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|a couple)\b(?!\s*(?:st|nd|rd|th)\b)(?!\s+(?:more|extra))/;
const N_MORE = /\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|a couple)\s+(?:more|extra)\b/;

function inRange(positions: number[], count: number): { ok: number[]; bad: number[] } {
  return { ok: positions.filter((p) => p <= count).map((p) => p - 1), bad: positions.filter((p) => p > count) };
}

function titlePosition(text: string, titles: string[] | undefined): number | undefined {
  if (!titles) return undefined;
  let best: number | undefined;
  let bestLen = 0;
  titles.forEach((title, i) => {
    const tt = title.toLowerCase().replace(/\s*\(\d{4}\)\s*$/, '').trim();
    if (tt.length >= 3 && text.includes(tt) && tt.length > bestLen) {
      best = i + 1;
      bestLen = tt.length;
    }
  });
  return best;
}

/**
 * Reads one follow-up message by rules, in this order: reset, more-like, swap, count, constraint;
 * anything else is new query text. Pure: the caller applies it with `applyRefinement`.
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
    const pos = readPositions(rest, listLen)[0] ?? titlePosition(rest, state.titles);
    if (pos !== undefined) {
      if (pos > listLen) return { kind: 'out-of-range', positions: [pos], count: listLen };
      return { kind: 'more-like', position: pos - 1 };
    }
  }

  const swap = SWAP.exec(t);
  if (swap) {
    const after = t.slice(swap.index);
    const positions = readPositions(after, listLen);
    const titled = positions.length === 0 ? titlePosition(after, state.titles) : undefined;
    if (titled !== undefined) positions.push(titled);
    if (positions.length > 0) {
      const { ok, bad } = inRange(positions, listLen);
      if (ok.length === 0) return { kind: 'out-of-range', positions: bad, count: listLen };
      return { kind: 'swap', positions: ok };
    }
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
