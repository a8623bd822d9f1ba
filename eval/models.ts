import { trainBaseline } from '../src/recsys/models/baseline.js';
import { withContentResidual } from '../src/recsys/models/content-residual.js';
import { trainGlobalMean } from '../src/recsys/models/global-mean.js';
import { TASTEMAKER_MF_OPTIONS, trainHybridMf, type HybridMfOptions } from '../src/recsys/models/hybrid-mf.js';
import { trainPopularity } from '../src/recsys/models/popularity.js';
import { TASTEMAKER_SEQ_OPTIONS, trainSequential, type SequentialOptions } from '../src/recsys/models/sequential.js';
import { trainSvd } from '../src/recsys/models/svd.js';
import type { Trainer } from './protocols/rating.js';
import type { NextTrainer } from './protocols/sequential.js';

/** Hyper-parameters of Tastemaker's rating model, tuned by 5-fold CV on ml-latest-small (shared with the app). */
export const HYBRID_OPTIONS: HybridMfOptions = TASTEMAKER_MF_OPTIONS;

/** Sequential model settings, tuned on the validation item (second-last), never on the test item. */
export const SEQUENTIAL_OPTIONS: SequentialOptions = TASTEMAKER_SEQ_OPTIONS;

export function ratingTrainers(itemVectors: ReadonlyMap<string, Float32Array>): Record<string, Trainer> {
  return {
    'global-mean': (t) => trainGlobalMean(t),
    baseline: (t) => trainBaseline(t),
    'svd-reference': (t) => trainSvd(t),
    // Tastemaker's model: MF with text side features, plus each user's own content neighbourhood on top.
    tastemaker: (t) => withContentResidual(trainHybridMf(t, { ...HYBRID_OPTIONS, itemVectors }), t, (id) => itemVectors.get(id)),
    'tastemaker-no-text': (t) => trainHybridMf(t, { ...HYBRID_OPTIONS }),
  };
}

/** Adapts a model over its own item index to the protocol's item order. */
function toItemOrder(items: readonly string[], indexOf: (id: string) => number | undefined, size: number, scoreAll: (input: readonly string[], out: Float64Array) => void) {
  const map = Int32Array.from(items, (id) => indexOf(id) ?? -1);
  const tmp = new Float64Array(size);
  return (_user: string, input: readonly string[], out: Float64Array): void => {
    scoreAll(input, tmp);
    for (let i = 0; i < out.length; i++) out[i] = map[i] < 0 ? -1e9 : tmp[map[i]];
  };
}

export function sequentialTrainers(items: readonly string[], itemVectors?: ReadonlyMap<string, Float32Array>, opts: SequentialOptions = SEQUENTIAL_OPTIONS): Record<string, NextTrainer> {
  return {
    popular: (train) => {
      const pop = trainPopularity([...train.values()].flatMap((h) => h.map((item) => ({ item }))));
      const scores = Float64Array.from(items, (id) => pop.score(id));
      return (_u, _input, out) => out.set(scores);
    },
    tastemaker: (train) => {
      const m = trainSequential(train, { ...opts, itemVectors });
      return toItemOrder(items, m.indexOf, m.itemIds.length, m.scoreAll);
    },
  };
}
