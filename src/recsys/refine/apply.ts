import { mergeConstraints } from '../constraints.js';
import type { Constraints } from '../types.js';
import type { ItemId } from '../../domain/item.js';
import type { RefineAction } from './reader.js';

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
}

/** The pieces of the next RecQuery. */
export interface QueryPieces {
  /** Undefined for "more like N": the seed, not the words, leads. */
  text?: string;
  seeds: ItemId[];
  exclude: ItemId[];
  constraints: Constraints;
  /** How many new items to ask the pipeline for (0: nothing to run). */
  count: number;
}

export interface Refined {
  state: RefineState;
  query: QueryPieces;
  /**
   * The list to show, slot by slot: an id is kept as it was, null is filled (in order) with the new
   * results. Empty: show the new results only.
   */
  keep: (ItemId | null)[];
}

function textOf(s: RefineState): string {
  return s.extraText ? `${s.request}; ${s.extraText}` : s.request;
}

const unique = (xs: ItemId[]): ItemId[] => [...new Set(xs)];

export interface ApplyOptions {
  /**
   * Whether a shown item satisfies the constraints now in force. Given, a new constraint ("no comedies")
   * keeps the shown items that still fit, in their places, and replaces only the others; without it the
   * whole list is run again.
   */
  fits?: (itemId: ItemId, constraints: Constraints) => boolean;
}

/**
 * Applies a refinement to the conversation state. Pure. Rejected items stay out for the rest of the
 * conversation; items shown but not rejected may come back after a constraint or text change.
 */
export function applyRefinement(state: RefineState, action: RefineAction, opts: ApplyOptions = {}): Refined {
  const base = (s: RefineState, over: Partial<QueryPieces> = {}): QueryPieces => ({
    text: textOf(s),
    seeds: [],
    exclude: unique(s.rejected),
    constraints: s.constraints,
    count: s.count,
    ...over,
  });
  switch (action.kind) {
    case 'swap': {
      const gone = action.positions.map((p) => state.shown[p]).filter((x): x is ItemId => x !== undefined);
      const next: RefineState = { ...state, rejected: unique([...state.rejected, ...gone]) };
      const keep = state.shown.map((id, i) => (action.positions.includes(i) ? null : id));
      return { state: next, query: base(next, { exclude: unique([...next.rejected, ...state.shown]), count: gone.length }), keep };
    }
    case 'more-like': {
      const seed = state.shown[action.position];
      if (seed === undefined) return { state, query: base(state, { count: 0 }), keep: state.shown.slice() };
      return {
        state,
        query: base(state, { text: undefined, seeds: [seed], exclude: unique([...state.rejected, ...state.shown]) }),
        keep: [],
      };
    }
    case 'constraint': {
      const next = { ...state, constraints: mergeConstraints(state.constraints, action.constraints) };
      const fits = opts.fits;
      if (!fits || state.shown.length === 0) return { state: next, query: base(next), keep: [] };
      const keep = state.shown.map((id) => (!next.rejected.includes(id) && fits(id, next.constraints) ? id : null));
      const open = keep.filter((x) => x === null).length;
      return { state: next, query: base(next, { exclude: unique([...next.rejected, ...state.shown]), count: open }), keep };
    }
    case 'count': {
      const next = { ...state, count: action.count };
      if (action.count <= state.shown.length) {
        return { state: next, query: base(next, { count: 0 }), keep: state.shown.slice(0, action.count) };
      }
      const missing = action.count - state.shown.length;
      return {
        state: next,
        query: base(next, { exclude: unique([...state.rejected, ...state.shown]), count: missing }),
        keep: [...state.shown, ...new Array<null>(missing).fill(null)],
      };
    }
    case 'reset': {
      const next: RefineState = { request: state.request, shown: [], rejected: [], constraints: {}, count: state.count };
      return { state: next, query: base(next), keep: [] };
    }
    case 'out-of-range':
      return { state, query: base(state, { count: 0 }), keep: state.shown.slice() };
    case 'text': {
      const extraText = state.extraText ? `${state.extraText}; ${action.text}` : action.text;
      const next = { ...state, extraText };
      return { state: next, query: base(next), keep: [] };
    }
  }
}
