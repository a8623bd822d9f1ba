import { titleWithin } from '../../catalog/titles.js';
import type { ItemId } from '../../domain/item.js';
import { isEmptyConstraints, readConstraints } from '../constraints.js';
import type { ReadOptions, ReadState, RefineAction } from './action.js';
import { isAcknowledgement, isContentRequest } from './classify.js';
import { also, readSoft, spanOf, withConflicts } from './extras.js';
import {
  NEWER,
  OLDER,
  POSITION_WORDS,
  SEEN,
  START_OVER,
  SURPRISE,
  SURPRISE_WEAK,
  SWAP_ALL,
  UNDO,
  YEARISH,
} from './lexicon.js';
import { titleMentions, titleWordSet, withoutTitles } from './mentions.js';
import { readNumber, readPositions } from './ordinals.js';
import { askedPositions, inRange, seenPositions, swapTarget } from './targets.js';
import { normaliseMessage, wordsOf } from './text.js';
import { blank } from './weights.js';

export type { AlsoConstraints, ReadOptions, ReadState, RefineAction, RefineKind, SoftWish } from './action.js';

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

/**
 * Reads one follow-up message by rules. The message is cleaned first (`normaliseMessage`: case, emoji,
 * shorthand, typos). Then, first rule that reads it wins:
 * 1. start over ("start over", "from scratch"; other constraints in it ride along), undo ("go back");
 * 2. more-like ("more like 3", "more like Heat"); an outright count ("no more than 3", "just 3");
 * 3. seen ("I've seen 1 and 3", "seen Heat") before swap ("swap the 2nd", "none of these");
 * 4. a bare position or title ("2", "#3", "Heat?"): ask what to do with it;
 * 5. an acknowledgement or praise only ("thanks!", "the first one is great");
 * 6. newer/older than the list ("newer stuff", "classics"; with no year written), tone ("too dark"),
 *    genre weights ("fewer sci-fi, more comedy");
 * 7. other counts ("2 more", "shorter list"); a surprise ("surprise me", "something random");
 * 8. hard constraints ("no horror, after 2000"; contradictions keep the later wish and say so);
 * 9. a request for content ("something with a strong female lead"): text for the query;
 * 10. anything else: not understood (nothing changes; the text is kept for an LLM).
 * A swap needs its word right before a position or a title ("not the second one", "no to #2", "drop 2",
 * "remove Jaws"), so "no, the first one is great" is no swap. Constraints said alongside a swap, a seen,
 * a tone, weights, newer/older, a surprise or a start-over ride along in `constraints`. Pure.
 */
export function readRefinement(text: string, state: ReadState, opts: ReadOptions = {}): RefineAction {
  const knownTags = opts.knownTags ?? [];
  const t = normaliseMessage(text, { keep: titleWordSet(state.titles) });
  const listLen = state.shown.length || state.count;
  const maxCount = opts.maxCount ?? 20;
  const notUnderstood: RefineAction = { kind: 'not-understood', text: text.trim() };
  if (wordsOf(t).length === 0) return notUnderstood;

  if (START_OVER.test(t)) return { kind: 'start-over', ...also(blank(t, spanOf(START_OVER, t)), opts) };
  if (UNDO.test(t)) return { kind: 'undo' };

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

  const rest = withoutTitles(t, state.titles);
  if (SEEN.test(t)) {
    const positions = seenPositions(t, state, listLen);
    if (positions.length > 0) {
      const { ok, bad } = inRange(positions, listLen);
      if (ok.length === 0) return { kind: 'out-of-range', positions: bad, count: listLen };
      const itemIds = ok.map((p) => state.shown[p]).filter((x): x is ItemId => x !== undefined);
      return { kind: 'seen', positions: ok, itemIds, ...also(rest, opts) };
    }
  }

  if (SWAP_ALL.test(t) && listLen > 0) {
    return { kind: 'swap', positions: Array.from({ length: listLen }, (_, i) => i), ...also(blank(t, spanOf(SWAP_ALL, t)), opts) };
  }
  const positions = swapTarget(t, state, listLen);
  if (positions) {
    const { ok, bad } = inRange(positions, listLen);
    if (ok.length === 0) return { kind: 'out-of-range', positions: bad, count: listLen };
    return { kind: 'swap', positions: ok, ...also(rest, opts) };
  }

  const asked = askedPositions(t, state, listLen);
  if (asked) {
    const { ok, bad } = inRange(asked, listLen);
    if (ok.length === 0) return { kind: 'out-of-range', positions: bad, count: listLen };
    return { kind: 'ask-position', positions: ok };
  }

  if (isAcknowledgement(t, state.titles)) return { kind: 'thanks' };

  const hasYear = YEARISH.test(t);
  const newer = hasYear ? null : NEWER.exec(t);
  const older = hasYear ? null : OLDER.exec(t);
  if (newer || older) {
    // both named ("not too old, not too new"): the later one
    const dir = newer && (!older || newer.index > older.index) ? 'newer' : 'older';
    const m = (dir === 'newer' ? newer : older)!;
    const eraSpan = [{ start: m.index, end: m.index + m[0].length }];
    const soft = readSoft(blank(t, eraSpan), knownTags);
    const spans = [...eraSpan, ...(soft?.spans ?? [])];
    const extra = withConflicts(also(blank(t, spans), opts), soft?.conflicts ?? []);
    return soft ? { kind: dir, soft: soft.wish, ...extra } : { kind: dir, ...extra };
  }

  const soft = readSoft(t, knownTags);
  if (soft) {
    const extra = withConflicts(also(blank(t, soft.spans), opts), soft.conflicts);
    const { more, fewer } = soft.wish;
    if (soft.tone) return { kind: 'tone', tone: soft.tone.tone, tones: soft.tone.tones, more, fewer, ...extra };
    return { kind: 'weight', more, fewer, ...extra };
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

  if (SURPRISE.test(t)) return { kind: 'surprise', ...also(blank(t, spanOf(SURPRISE, t)), opts) };

  const read = readConstraints(t, knownTags, { currentYear: opts.currentYear });
  if (!isEmptyConstraints(read.constraints)) {
    return read.conflicts.length
      ? { kind: 'constraint', constraints: read.constraints, conflicts: read.conflicts }
      : { kind: 'constraint', constraints: read.constraints };
  }
  if (SURPRISE_WEAK.test(t) && !isContentRequest(blank(t, spanOf(SURPRISE_WEAK, t)), knownTags)) return { kind: 'surprise' };
  // about an item shown ("is Alien scary?", "the Matrix is too long"): no search for new ones
  if (titleMentions(t, state.titles).length > 0 || new RegExp(POSITION_WORDS.source).test(t)) return notUnderstood;
  if (isContentRequest(rest, knownTags)) return { kind: 'text', text: text.trim() };
  return notUnderstood;
}
