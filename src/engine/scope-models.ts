import { trainBaseline } from '../recsys/models/baseline.js';
import { cowatchFromState, trainCowatch, type CowatchModel, type CowatchState } from '../recsys/models/cowatch.js';
import { trainHybridMf } from '../recsys/models/hybrid-mf.js';
import { popularityFromState, trainPopularity, type PopularityModel, type PopularityState } from '../recsys/models/popularity.js';
import { ratingModelFromState, type RatingModelState, type SerialisableRatingModel } from '../recsys/models/rating-state.js';
import { sequentialFromState, trainSequential, type SequentialModel, type SequentialState } from '../recsys/models/sequential.js';
import { sessionKnnFromState, trainSessionKnn, type SessionKnnModel, type SessionKnnState } from '../recsys/models/session-knn.js';
import type { RatingTriple } from '../recsys/models/types.js';
import type { Profile } from '../domain/profile.js';
import type { ScopeCatalog } from './scope-catalog.js';
import type { PriorAwareModels } from '../recsys/models/prior-models.js';
import { SCOPE_TRAIN_OPTIONS, type ScopeTrainOptions } from './scope-options.js';
import type { ServerCounts } from '../recsys/models/prior-server.js';
import { countsFromInput, type CountsInput } from './server-counts.js';

/** The collaborative models of one scope, trained from every profile of that server. */
export interface ScopeModels {
  rating: SerialisableRatingModel;
  sequential: SequentialModel;
  /** What members whose last items overlap a member's watched next (the `session-knn` source). */
  sessionKnn: SessionKnnModel;
  cowatch: CowatchModel;
  popularity: PopularityModel;
  ratingCount: number;
  trainedAt: number;
  /** Catalog version the item vectors came from. */
  catalogVersion: number;
  /** The blended models (community prior and the server's own interactions), when the engine built them (prior.ts). */
  community?: PriorAwareModels;
  /** The server's own counts for the blend (prior-server.ts), made with the models (in the worker when it trains). */
  serverCounts?: ServerCounts;
}

/**
 * What training reads of the members (compact plain data a worker thread can receive, typed arrays
 * transferred). Users' ratings and histories are grouped by user: user u's ratings are
 * ratingStart[u]..ratingStart[u+1] (indices into itemIds), in the profile's order; likewise the history.
 */
export interface TrainingData extends CountsInput {
  catalogVersion: number;
  /** Reference time of the popularity decay. */
  now: number;
  /** Catalog items, catalog order. */
  itemIds: string[];
  dims: number;
  /** How many catalog items have a vector (what `trainingWork` counts without reading the vectors). */
  vectored: number;
  userIds: string[];
  historyAt: Float64Array;
}

/**
 * The catalog's item vectors as training reads them: the same for every training over the same catalog
 * content, so the training worker keeps them by the catalog's content key (train-vectors.ts) and they
 * cross to it once, not with every retrain. Never changed after they are collected.
 */
export interface ItemVectors {
  /** itemIds.length x dims; rows of items without a vector are zero and hasVector 0. */
  vectors: Float32Array;
  hasVector: Uint8Array;
}

/** Everything training needs (`vectored` is `TrainingData`'s count for `trainingWork`; training counts `hasVector`). */
export type TrainingInput = Omit<TrainingData, 'vectored'> & ItemVectors;

/** ScopeModels as plain data (what the worker posts back). */
export interface ScopeModelsState {
  rating: RatingModelState;
  sequential: SequentialState;
  sessionKnn: SessionKnnState;
  cowatch: CowatchState;
  popularity: PopularityState;
  ratingCount: number;
  catalogVersion: number;
  serverCounts?: ServerCounts;
}

/** Reads what training needs out of the profiles and the catalog (only items of the catalog count). */
export function collectTrainingInput(profiles: { userId: string; profile: Profile }[], catalog: ScopeCatalog, now: number): TrainingInput {
  return { ...collectTrainingData(profiles, catalog, now), ...collectItemVectors(catalog) };
}

/** The catalog's item vectors, catalog order, in one fresh array (a copy: the index is not shared with training). */
export function collectItemVectors(catalog: ScopeCatalog): ItemVectors {
  const dims = catalog.index.dims;
  const vectors = new Float32Array(catalog.items.length * dims);
  const hasVector = new Uint8Array(catalog.items.length);
  catalog.items.forEach((it, i) => {
    const v = catalog.index.vector(it.id);
    if (!v) return;
    vectors.set(v, i * dims);
    hasVector[i] = 1;
  });
  return { vectors, hasVector };
}

/** What training reads of the members' profiles (only items of the catalog count), without the item vectors. */
export function collectTrainingData(profiles: { userId: string; profile: Profile }[], catalog: ScopeCatalog, now: number): TrainingData {
  const itemIds = catalog.items.map((it) => it.id);
  const index = new Map<string, number>();
  itemIds.forEach((id, i) => index.set(id, i));
  let vectored = 0;
  for (const id of itemIds) if (catalog.index.has(id)) vectored++;
  const ratingStart = new Int32Array(profiles.length + 1);
  const historyStart = new Int32Array(profiles.length + 1);
  const rItem: number[] = [];
  const rValue: number[] = [];
  const rAt: number[] = [];
  const hItem: number[] = [];
  const hAt: number[] = [];
  profiles.forEach(({ profile }, u) => {
    for (const [item, r] of Object.entries(profile.ratings)) {
      const i = index.get(item);
      if (i === undefined) continue;
      rItem.push(i);
      rValue.push(r.value);
      rAt.push(r.at);
    }
    for (const e of profile.history) {
      const i = index.get(e.itemId);
      if (i === undefined) continue;
      hItem.push(i);
      hAt.push(e.at);
    }
    ratingStart[u + 1] = rItem.length;
    historyStart[u + 1] = hItem.length;
  });
  return {
    catalogVersion: catalog.version,
    now,
    itemIds,
    dims: catalog.index.dims,
    vectored,
    userIds: profiles.map((p) => p.userId),
    ratingStart,
    ratingItem: Int32Array.from(rItem),
    ratingValue: Float64Array.from(rValue),
    ratingAt: Float64Array.from(rAt),
    historyStart,
    historyItem: Int32Array.from(hItem),
    historyAt: Float64Array.from(hAt),
  };
}

/** Rough size of a training job: ratings, plus every item with a vector once there is a rating to fit (text prior). */
export function trainingWork(input: Pick<TrainingData, 'ratingItem' | 'historyItem' | 'vectored'>): number {
  const ratings = input.ratingItem.length;
  if (ratings === 0) return input.historyItem.length;
  return ratings + input.vectored;
}

/** Trains every model of a scope from collected input. Pure CPU: runs inline or in the training worker. */
export function trainFromInput(input: TrainingInput, clock: () => number = Date.now, options: Readonly<ScopeTrainOptions> = SCOPE_TRAIN_OPTIONS): ScopeModels {
  const { itemIds, userIds, dims } = input;
  const ratings: RatingTriple[] = [];
  const histories = new Map<string, string[]>();
  const events: { item: string; at: number; weight: number }[] = [];
  userIds.forEach((user, u) => {
    const rated = new Set<number>();
    for (let r = input.ratingStart[u]; r < input.ratingStart[u + 1]; r++) {
      const item = itemIds[input.ratingItem[r]];
      const value = input.ratingValue[r];
      const at = input.ratingAt[r];
      ratings.push({ user, item, value, at });
      events.push({ item, at, weight: value >= 3 ? 1 : 0.3 });
      rated.add(input.ratingItem[r]);
    }
    const from = input.historyStart[u];
    const to = input.historyStart[u + 1];
    if (to > from) histories.set(user, Array.from(input.historyItem.subarray(from, to), (i) => itemIds[i]));
    for (let h = from; h < to; h++) {
      if (!rated.has(input.historyItem[h])) events.push({ item: itemIds[input.historyItem[h]], at: input.historyAt[h], weight: 1 });
    }
  });
  const itemVectors = new Map<string, Float32Array>();
  itemIds.forEach((id, i) => {
    if (input.hasVector[i]) itemVectors.set(id, input.vectors.subarray(i * dims, (i + 1) * dims));
  });
  // With very few ratings a factor model only adds noise: biases plus the text prior are enough.
  const rating =
    ratings.length >= options.mfMinRatings
      ? trainHybridMf(ratings, { ...options.mf, itemVectors })
      : ratings.length > 0
        ? trainHybridMf(ratings, { ...options.fewRatingsMf, itemVectors })
        : trainBaseline(ratings);
  return {
    rating,
    // Content similarity to recent items comes from the taste source; in the sequence model it would cost
    // a pass over every item vector per request (3-4 ms at 10,000 items); the eval's tuned settings leave it off.
    sequential: trainSequential(histories, options.sequential),
    sessionKnn: trainSessionKnn(histories, options.sessionKnn),
    cowatch: trainCowatch(histories),
    popularity: trainPopularity(events, { halfLife: options.popularityHalfLifeMs, now: input.now }),
    ratingCount: ratings.length,
    trainedAt: clock(),
    catalogVersion: input.catalogVersion,
    serverCounts: countsFromInput(input),
  };
}

export function scopeModelsToState(m: ScopeModels): ScopeModelsState {
  return {
    rating: m.rating.toState(),
    sequential: m.sequential.toState(),
    sessionKnn: m.sessionKnn.toState(),
    cowatch: m.cowatch.toState(),
    popularity: m.popularity.toState(),
    ratingCount: m.ratingCount,
    catalogVersion: m.catalogVersion,
    serverCounts: m.serverCounts,
  };
}

/** Rebuilds the models from their state: same predictions and scores as the trained ones. */
export function scopeModelsFromState(s: ScopeModelsState, trainedAt: number): ScopeModels {
  return {
    rating: ratingModelFromState(s.rating),
    sequential: sequentialFromState(s.sequential),
    sessionKnn: sessionKnnFromState(s.sessionKnn),
    cowatch: cowatchFromState(s.cowatch),
    popularity: popularityFromState(s.popularity),
    ratingCount: s.ratingCount,
    trainedAt,
    catalogVersion: s.catalogVersion,
    serverCounts: s.serverCounts,
  };
}

/** The distinct ArrayBuffers under `value` (typed arrays in objects and arrays): a postMessage transfer list. */
export function transferables(value: unknown, out = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer && value.buffer.byteLength > 0) out.add(value.buffer);
  } else if (Array.isArray(value)) {
    for (const v of value) if (v !== null && typeof v === 'object') transferables(v, out);
  } else if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) transferables(v, out);
  }
  return [...out];
}
