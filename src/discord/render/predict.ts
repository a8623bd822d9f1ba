import type { PredictResult, RankResult, TakenAs } from '../../app/types.js';
import { predictView, rankView } from '../../present/predict.js';
import { withTaken } from '../../present/taken.js';
import type { Rendered } from './limits.js';
import { renderView } from './view.js';

/** The predicted rating for one item and why. Ephemeral: it names the user's own ratings. */
export function renderPredict(r: PredictResult, taken?: TakenAs): Rendered {
  return renderView(withTaken(predictView(r), taken));
}

/** The user's own list ranked for them; public unless `ephemeral`, so reasons naming the asker's history are generalised. */
export function renderRank(r: RankResult, o: { ephemeral?: boolean } = {}): Rendered {
  return renderView(rankView(r, { private: o.ephemeral }));
}
