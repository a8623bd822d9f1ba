/**
 * One turn's answer: the next query's pieces, the slots of the list to keep, the replies, and the
 * helpers every kind of refinement builds that answer with.
 */
import type { ItemId } from '../../domain/item.js';
import type { ConstraintConflict } from '../constraints.js';
import type { Constraints } from '../types.js';
import { refineReply, type RefineReply } from './replies.js';
import { remember, textOf, type RefineState } from './state.js';

/** The pieces of the next RecQuery. */
export interface QueryPieces {
  /** Undefined for "more like N": the seed, not the words, leads. */
  text?: string;
  seeds: ItemId[];
  exclude: ItemId[];
  /**
   * What the new items must satisfy: the conversation's constraints, and for a genre or tone wish also
   * that turn's own ("more comedy" fills with comedies; "too dark" fills without horror), which are not
   * kept for later turns (`state.constraints` is).
   */
  constraints: Constraints;
  /** How many new items to ask the pipeline for (0: nothing to run). */
  count: number;
  /** Soft genre weights for ranking (see `RefineState.weights`); absent when none. */
  tagWeights?: Record<string, number>;
  /** 'surprise': draw for variety and serendipity (less weight on closeness to the request). */
  mode?: 'surprise';
}

export interface Refined {
  state: RefineState;
  query: QueryPieces;
  /**
   * The list to show, slot by slot: an id is kept as it was, null is filled (in order) with the new
   * results. Empty: show the new results only.
   */
  keep: (ItemId | null)[];
  /**
   * True when `keep` is the whole answer: run neither the pipeline nor an LLM (undo, thanks, a question
   * about a position, a position out of range, not understood; for not-understood an LLM, when on, may
   * still read `action.text`).
   */
  settled: boolean;
  /** Items the member says they have watched ("I've seen 1 and 3"): mark them watched, then show the list. */
  markWatched?: ItemId[];
  /** Lines to show the member with the list (alone when settled and the list did not change). */
  replies: RefineReply[];
}

export const unique = (xs: ItemId[]): ItemId[] => [...new Set(xs)];

export interface ApplyOptions {
  /**
   * Whether a shown item satisfies the constraints now in force. Given, a new constraint ("no comedies")
   * keeps the shown items that still fit, in their places, and replaces only the others; without it the
   * whole list is run again.
   */
  fits?: (itemId: ItemId, constraints: Constraints) => boolean;
  /** An item's tags: lets "fewer sci-fi" / "too dark" replace only the items of those genres. */
  tagsOf?: (itemId: ItemId) => readonly string[] | undefined;
  /** An item's year: lets "newer" / "older" go past the median year of the list shown. */
  yearOf?: (itemId: ItemId) => number | undefined;
  /** An item's title, for the replies ("What should I do with #2 Alien"). Default: the id. */
  titleOf?: (itemId: ItemId) => string;
  /** For "newer"/"older" when no year is known. Default: this year. */
  currentYear?: number;
}

export const conflictReplies = (conflicts: readonly ConstraintConflict[] | undefined): RefineReply[] =>
  (conflicts ?? []).map((c) => refineReply('refine.conflict', { kept: c.kept, dropped: c.dropped, subject: c.subject }));

/** The helpers of one turn, over the state as it was (`state`) and the options. */
export function turnOf(state: RefineState, opts: ApplyOptions) {
  const titleOf = opts.titleOf ?? ((id: ItemId) => id);
  const base = (s: RefineState, over: Partial<QueryPieces> = {}): QueryPieces => {
    const q: QueryPieces = {
      text: textOf(s),
      seeds: [],
      exclude: unique(s.rejected),
      constraints: s.constraints,
      count: s.count,
      ...over,
    };
    if (s.weights && Object.keys(s.weights).length && !q.tagWeights) q.tagWeights = s.weights;
    return q;
  };
  /** Nothing changes: the list stays, nothing runs. */
  const settled = (replies: RefineReply[], s: RefineState = state): Refined => ({
    state: s,
    query: base(s, { count: 0 }),
    keep: s.shown.slice(),
    settled: true,
    replies,
  });
  /** Shown items kept in place, the others (null) replaced by new results that meet `constraints`. */
  const replaceSlots = (next: RefineState, keep: (ItemId | null)[], over: Partial<QueryPieces> = {}): Refined => {
    const open = keep.filter((x) => x === null).length;
    return {
      state: remember(state, next),
      query: base(next, { exclude: unique([...next.rejected, ...state.shown]), count: open, ...over }),
      keep,
      settled: false,
      replies: [],
    };
  };
  /** `keep`, also opening the slots of items that break `constraints` (when a fits check is given). */
  const fitting = (keep: (ItemId | null)[], constraints: Constraints, rejected: ItemId[]): (ItemId | null)[] => {
    const fits = opts.fits;
    return keep.map((id) => (id === null || rejected.includes(id) || (fits && !fits(id, constraints)) ? null : id));
  };
  return { base, settled, replaceSlots, fitting, titleOf };
}

export type Turn = ReturnType<typeof turnOf>;
