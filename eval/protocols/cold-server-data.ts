import { decodePrior, encodePrior, type CommunityPrior } from '../../src/recsys/models/prior-format.js';
import { trainPrior, type PriorTrainOptions } from '../../src/recsys/models/prior-train.js';
import { mulberry32, shuffleInPlace } from '../../src/recsys/models/rng.js';
import type { RatingTriple } from '../../src/recsys/models/types.js';

/** The cold-server protocol's inputs: held-out users and each fold's prior. */

/** Picks the held-out users: `count` users (seeded) with at least `min` ratings. */
export function pickHeldOut(byUser: ReadonlyMap<string, readonly RatingTriple[]>, count: number, min: number, seed: number): string[] {
  const eligible = [...byUser.keys()].filter((u) => byUser.get(u)!.length >= min).sort();
  shuffleInPlace(eligible, mulberry32(seed));
  return eligible.slice(0, count);
}

/** Trains the prior and sends it through the artifact's binary form (ids must be numeric: MovieLens). */
export function priorThroughArtifact(train: readonly RatingTriple[], opts: PriorTrainOptions = {}): { prior: CommunityPrior; bytes: number } {
  const { header, body } = encodePrior(trainPrior(train, opts), '');
  return { prior: decodePrior(header, body), bytes: body.length };
}
