/** What the rule-based reader makes of a follow-up message, and what it reads it against. */
import type { ItemId } from '../../domain/item.js';
import type { ConstraintConflict } from '../constraints.js';
import type { Constraints } from '../types.js';
import type { Tone } from './lexicon.js';

/** Extra hard constraints said in the same message as another wish ("drop 3, and no horror"). */
export interface AlsoConstraints {
  /** Merged into the conversation's constraints before the action applies. */
  constraints?: Constraints;
  /** Opposite wishes found in the message, each settled for the later one (say which was kept). */
  conflicts?: ConstraintConflict[];
}

/** Genre weights said alongside another wish, with the tone they came from, if any. */
export interface SoftWish {
  tone?: Tone;
  more: string[];
  fewer: string[];
}

/**
 * What a follow-up message asks for. Positions are 0-based indexes into the list shown, except in
 * 'out-of-range' (1-based, as written). Tags are canonical lower-case names, as in `Constraints`.
 */
export type RefineAction =
  | ({ kind: 'swap'; positions: number[] } & AlsoConstraints)
  | { kind: 'more-like'; position: number }
  /** `conflicts`: opposite wishes in the message ("no comedies, only comedies"); the later one is in `constraints`. */
  | { kind: 'constraint'; constraints: Constraints; conflicts?: ConstraintConflict[] }
  | { kind: 'count'; count: number }
  /** Legacy name of 'start-over' (the reader no longer returns it); applied the same way. */
  | { kind: 'reset' }
  /** A position was named that the list does not have ("swap the 7th" of 5); 1-based as written. */
  | { kind: 'out-of-range'; positions: number[]; count: number }
  /** A request for content the reader can only pass on as words ("something with a strong female lead"). */
  | { kind: 'text'; text: string }
  /** Text the rules cannot read: nothing changes offline; `text` (as typed) is for an LLM to read. */
  | { kind: 'not-understood'; text: string }
  /** "undo", "go back", "the last one was better": the list (and state) before the last change. */
  | { kind: 'undo' }
  /** "start over": the first request again, with rejected items still left out. */
  | ({ kind: 'start-over' } & AlsoConstraints)
  /** "thanks!", "perfect", "the first one looks great": an acknowledgement; no new list. */
  | { kind: 'thanks' }
  /** "fewer sci-fi", "more comedy": soft genre weights (not a count change, not a hard rule). */
  | ({ kind: 'weight'; more: string[]; fewer: string[] } & AlsoConstraints)
  /** "too dark", "more upbeat", "less violent": a tone, as soft weights over the genres it stands for. */
  | ({ kind: 'tone'; tone: Tone; tones: Tone[]; more: string[]; fewer: string[] } & AlsoConstraints)
  /**
   * "newer stuff" / "older films", "classics": relative to the years of the items shown. `soft`: a tone
   * or genre weights said with it ("lighter and newer").
   */
  | ({ kind: 'newer' | 'older'; soft?: SoftWish } & AlsoConstraints)
  /** "I've seen 1 and 3", "seen Heat": mark `itemIds` watched, then replace those positions. */
  | ({ kind: 'seen'; positions: number[]; itemIds: ItemId[] } & AlsoConstraints)
  /** A bare position ("2", "#3", "Heat?"): ask whether to swap it, find more like it, or mark it seen. */
  | { kind: 'ask-position'; positions: number[] }
  /** "surprise me", "something random", "anything": a re-draw for variety and serendipity. */
  | ({ kind: 'surprise' } & AlsoConstraints);

export type RefineKind = RefineAction['kind'];

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
