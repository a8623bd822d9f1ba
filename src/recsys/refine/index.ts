export {
  readRefinement,
  type AlsoConstraints,
  type RefineAction,
  type RefineKind,
  type ReadOptions,
  type ReadState,
  type SoftWish,
} from './reader.js';
export {
  applyRefinement,
  HISTORY_LIMIT,
  type ApplyOptions,
  type QueryPieces,
  type Refined,
  type RefineSnapshot,
  type RefineState,
} from './apply.js';
export { readPositions } from './ordinals.js';
export { refineReply, type RefineReply, type RefineReplyCode, type RefineReplyContext } from './replies.js';
export { describeRefinement, fillSlots, settle } from './summary.js';
export { TONES, type Tone } from './lexicon.js';
export { normaliseMessage } from './text.js';
export type { ConstraintConflict } from '../constraints.js';
