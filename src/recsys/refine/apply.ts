import { mergeConstraints } from '../constraints.js';
import type { ItemId } from '../../domain/item.js';
import type { AlsoConstraints, RefineAction } from './action.js';
import { applyEra, applySoft } from './apply-soft.js';
import { listWords, refineReply } from './replies.js';
import { remember, type RefineState } from './state.js';
import { conflictReplies, turnOf, unique, type ApplyOptions, type Refined } from './turn.js';

export { HISTORY_LIMIT, type RefineSnapshot, type RefineState } from './state.js';
export type { ApplyOptions, QueryPieces, Refined } from './turn.js';

/**
 * Applies a refinement to the conversation state. Pure. Rejected items stay out for the rest of the
 * conversation (also after "start over"); items shown but not rejected may come back after a constraint
 * or text change. Every change that shows a new list is remembered for "undo".
 */
export function applyRefinement(state: RefineState, action: RefineAction, opts: ApplyOptions = {}): Refined {
  const turn = turnOf(state, opts);
  const { base, settled, replaceSlots, fitting, titleOf } = turn;

  switch (action.kind) {
    case 'swap':
    case 'seen': {
      const gone = action.positions.map((p) => state.shown[p]).filter((x): x is ItemId => x !== undefined);
      const constraints = action.constraints ? mergeConstraints(state.constraints, action.constraints) : state.constraints;
      const next: RefineState = { ...state, rejected: unique([...state.rejected, ...gone]), constraints };
      let keep: (ItemId | null)[] = state.shown.map((id, i) => (action.positions.includes(i) ? null : id));
      if (action.constraints) keep = fitting(keep, constraints, next.rejected);
      const r = replaceSlots(next, keep);
      if (action.kind === 'seen') {
        const ids = action.itemIds.length ? action.itemIds : gone;
        r.markWatched = ids;
        r.replies.push(refineReply('refine.seen', { titles: listWords(ids.map(titleOf)) }));
      }
      r.replies.push(...conflictReplies(action.conflicts));
      return r;
    }
    case 'more-like': {
      const seed = state.shown[action.position];
      if (seed === undefined) return settled([]);
      return {
        state: remember(state, state),
        query: base(state, { text: undefined, seeds: [seed], exclude: unique([...state.rejected, ...state.shown]) }),
        keep: [],
        settled: false,
        replies: [],
      };
    }
    case 'constraint': {
      const next = { ...state, constraints: mergeConstraints(state.constraints, action.constraints) };
      const replies = conflictReplies(action.conflicts);
      if (!opts.fits || state.shown.length === 0) {
        return { state: remember(state, next), query: base(next), keep: [], settled: false, replies };
      }
      const r = replaceSlots(next, fitting(state.shown.slice(), next.constraints, next.rejected));
      r.replies.push(...replies);
      return r;
    }
    case 'count': {
      const next = { ...state, count: action.count };
      if (action.count <= state.shown.length) {
        return { state: remember(state, next), query: base(next, { count: 0 }), keep: state.shown.slice(0, action.count), settled: false, replies: [] };
      }
      const missing = action.count - state.shown.length;
      return replaceSlots(next, [...state.shown, ...new Array<null>(missing).fill(null)]);
    }
    case 'reset':
    case 'start-over': {
      const extra: AlsoConstraints = action.kind === 'start-over' ? action : {};
      const initial = state.initialConstraints ?? {};
      const constraints = extra.constraints ? mergeConstraints(initial, extra.constraints) : initial;
      const next: RefineState = {
        request: state.request,
        shown: [],
        rejected: state.rejected.slice(),
        constraints,
        count: state.count,
        ...(state.initialConstraints ? { initialConstraints: state.initialConstraints } : {}),
      };
      const n = state.rejected.length;
      const replies = [
        n > 0
          ? refineReply('refine.started-over-rejected', { rejected: n === 1 ? 'the one you turned down stays' : `the ${n} you turned down stay` })
          : refineReply('refine.started-over'),
        ...conflictReplies(extra.conflicts),
      ];
      return { state: remember(state, next), query: base(next), keep: [], settled: false, replies };
    }
    case 'undo': {
      const history = state.history ?? [];
      const prev = history[history.length - 1];
      if (!prev) return settled([refineReply('refine.nothing-to-undo')]);
      const back: RefineState = { ...prev, history: history.slice(0, -1) };
      return { ...settled([refineReply('refine.undone')], back), keep: prev.shown.slice() };
    }
    case 'out-of-range': {
      const positions = action.positions.map((p) => `#${p}`);
      return settled([refineReply('refine.out-of-range', { positions: listWords(positions), count: action.count })]);
    }
    case 'thanks':
      return settled([refineReply('refine.thanks')]);
    case 'not-understood':
      return settled([refineReply('refine.not-understood')]);
    case 'ask-position': {
      const ok = action.positions.filter((p) => state.shown[p] !== undefined);
      if (ok.length === 0) return settled([refineReply('refine.not-understood')]);
      const items = listWords(ok.map((p) => `#${p + 1} ${titleOf(state.shown[p])}`));
      const n = ok.map((p) => p + 1).join(' and ');
      return settled([refineReply('refine.ask-position', { items, it: ok.length > 1 ? 'them' : 'it', n })]);
    }
    case 'weight':
    case 'tone':
      return applySoft(state, action, opts, turn);
    case 'newer':
    case 'older':
      return applyEra(state, action, opts, turn);
    case 'surprise': {
      const constraints = action.constraints ? mergeConstraints(state.constraints, action.constraints) : state.constraints;
      const next: RefineState = { ...state, constraints };
      return {
        state: remember(state, next),
        query: base(next, { exclude: unique([...state.rejected, ...state.shown]), mode: 'surprise' }),
        keep: [],
        settled: false,
        replies: [refineReply('refine.surprise'), ...conflictReplies(action.conflicts)],
      };
    }
    case 'text': {
      const extraText = state.extraText ? `${state.extraText}; ${action.text}` : action.text;
      const next = { ...state, extraText };
      return { state: remember(state, next), query: base(next), keep: [], settled: false, replies: [] };
    }
  }
}
