/** What a refinement conversation carries between turns, and its undo history. */
import type { ItemId } from '../../domain/item.js';
import type { Constraints } from '../types.js';

/** What a conversation carries between turns. */
export interface RefineState {
  /** The first request of the conversation. */
  request: string;
  /** Extra text from later turns, merged into the query text. */
  extraText?: string;
  shown: ItemId[];
  rejected: ItemId[];
  constraints: Constraints;
  count: number;
  /** The constraints of the first request: what "start over" goes back to. None when absent. */
  initialConstraints?: Constraints;
  /**
   * Soft genre weights from "fewer sci-fi", "more comedy" and tone words ("too dark"): canonical tag ->
   * -3..3 (negative: fewer). A preference for ranking, never a filter. Absent: none.
   */
  weights?: Record<string, number>;
  /** The states before each change, oldest first, at most `HISTORY_LIMIT`: what "undo" goes back to. */
  history?: RefineSnapshot[];
}

/** A state as it was before a change (its own history left out). */
export type RefineSnapshot = Omit<RefineState, 'history'>;

/** How many changes "undo" can walk back. */
export const HISTORY_LIMIT = 5;

export function textOf(s: RefineState): string {
  return s.extraText ? `${s.request}; ${s.extraText}` : s.request;
}

function snapshot(s: RefineState): RefineSnapshot {
  const { history: _history, ...rest } = s;
  return rest;
}

/** `next` with `prev` (as it was) pushed on its undo history. */
export function remember(prev: RefineState, next: RefineState): RefineState {
  const history = [...(prev.history ?? []), snapshot(prev)].slice(-HISTORY_LIMIT);
  return { ...next, history };
}
