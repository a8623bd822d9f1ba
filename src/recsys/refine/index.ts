export { readRefinement, type RefineAction, type ReadOptions, type ReadState } from './reader.js';
export { applyRefinement, type ApplyOptions, type QueryPieces, type Refined, type RefineState } from './apply.js';
export { readPositions } from './ordinals.js';
