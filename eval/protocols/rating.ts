import type { RatingModel, RatingTriple } from '../../src/recsys/models/types.js';
import { mulberry32, shuffleInPlace } from '../../src/recsys/models/rng.js';
import { ErrorStats, round } from '../metrics.js';

/** Trains one model on a training fold. */
export type Trainer = (train: RatingTriple[]) => RatingModel;

export interface RatingResult {
  rating: Record<string, { rmse: number; mae: number }>;
  coldStart: Record<string, { rmse: number; n: number }>;
  trainingMs: Record<string, number>;
}

/** Surprise's KFold: shuffle all ratings with a fixed seed, then cut into k contiguous folds. */
export function kFold(ratings: readonly RatingTriple[], k: number, seed: number): Array<{ train: RatingTriple[]; test: RatingTriple[] }> {
  const order = Array.from(ratings.keys());
  shuffleInPlace(order, mulberry32(seed));
  const folds: Array<{ train: RatingTriple[]; test: RatingTriple[] }> = [];
  const n = ratings.length;
  let start = 0;
  for (let f = 0; f < k; f++) {
    const stop = start + Math.floor(n / k) + (f < n % k ? 1 : 0);
    const test = order.slice(start, stop).map((i) => ratings[i]);
    const train = [...order.slice(0, start), ...order.slice(stop)].map((i) => ratings[i]);
    folds.push({ train, test });
    start = stop;
  }
  return folds;
}

export interface RatingProtocolOptions {
  folds?: number;
  seed?: number;
  /** An item is cold when it has at most this many training ratings. */
  coldMax?: number;
  log?: (msg: string) => void;
}

/** 5-fold CV RMSE/MAE for every trainer, and RMSE on test ratings of cold items, on the same folds. */
export function runRatingProtocol(ratings: readonly RatingTriple[], trainers: Record<string, Trainer>, opts: RatingProtocolOptions = {}): RatingResult {
  const { folds = 5, seed = 1, coldMax = 5, log = () => {} } = opts;
  const all: Record<string, ErrorStats> = {};
  const cold: Record<string, ErrorStats> = {};
  const trainingMs: Record<string, number> = {};
  for (const id of Object.keys(trainers)) {
    all[id] = new ErrorStats();
    cold[id] = new ErrorStats();
    trainingMs[id] = 0;
  }
  kFold(ratings, folds, seed).forEach(({ train, test }, f) => {
    const counts = new Map<string, number>();
    for (const r of train) counts.set(r.item, (counts.get(r.item) ?? 0) + 1);
    for (const [id, trainer] of Object.entries(trainers)) {
      const model = trainer(train);
      trainingMs[id] += model.trainingTimeMs;
      for (const r of test) {
        const p = model.predict(r.user, r.item);
        all[id].add(p, r.value);
        if ((counts.get(r.item) ?? 0) <= coldMax) cold[id].add(p, r.value);
      }
      log(`fold ${f + 1}/${folds} ${id}: ${model.trainingTimeMs.toFixed(0)} ms`);
    }
  });
  const out: RatingResult = { rating: {}, coldStart: {}, trainingMs: {} };
  for (const id of Object.keys(trainers)) {
    out.rating[id] = { rmse: round(all[id].rmse), mae: round(all[id].mae) };
    out.coldStart[id] = { rmse: round(cold[id].rmse), n: cold[id].n };
    out.trainingMs[id] = Math.round(trainingMs[id] / folds);
  }
  return out;
}
