import type { TrainingInput } from '../../src/engine/scope-models.js';
import { decodePrior, encodePrior, type CommunityPrior } from '../../src/recsys/models/prior-format.js';
import { trainPrior, type PriorTrainOptions } from '../../src/recsys/models/prior-train.js';
import { mulberry32, shuffleInPlace } from '../../src/recsys/models/rng.js';
import type { RatingTriple } from '../../src/recsys/models/types.js';

/** The cold-server protocol's inputs: held-out users, each fold's prior, and today's server training input. */

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

/** Today's server training input: the revealed ratings (the watch history is the same items), and item text vectors when given. */
export function trainingInput(items: readonly string[], revealed: Map<string, RatingTriple[]>, vectors?: ReadonlyMap<string, Float32Array>): TrainingInput {
  const index = new Map(items.map((id, i) => [id, i]));
  const dims = vectors && vectors.size > 0 ? vectors.values().next().value!.length : 0;
  const vec = new Float32Array(items.length * dims);
  const hasVector = new Uint8Array(items.length);
  if (dims > 0) {
    items.forEach((id, i) => {
      const v = vectors!.get(id);
      if (!v) return;
      vec.set(v, i * dims);
      hasVector[i] = 1;
    });
  }
  const userIds = [...revealed.keys()];
  const start = new Int32Array(userIds.length + 1);
  const item: number[] = [];
  const value: number[] = [];
  const at: number[] = [];
  userIds.forEach((u, x) => {
    for (const r of revealed.get(u)!) {
      item.push(index.get(r.item)!);
      value.push(r.value);
      at.push((r.at ?? 0) * 1000);
    }
    start[x + 1] = item.length;
  });
  return {
    catalogVersion: 1, now: Math.max(0, ...at), itemIds: [...items], dims, vectors: vec, hasVector, userIds,
    ratingStart: start, ratingItem: Int32Array.from(item), ratingValue: Float64Array.from(value), ratingAt: Float64Array.from(at),
    historyStart: start.slice(), historyItem: Int32Array.from(item), historyAt: Float64Array.from(at),
  };
}
