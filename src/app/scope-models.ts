import { trainBaseline } from '../recsys/models/baseline.js';
import { trainCowatch, type CowatchModel } from '../recsys/models/cowatch.js';
import { trainHybridMf } from '../recsys/models/hybrid-mf.js';
import { trainPopularity, type PopularityModel } from '../recsys/models/popularity.js';
import { trainSequential, type SequentialModel } from '../recsys/models/sequential.js';
import type { RatingModel, RatingTriple } from '../recsys/models/types.js';
import type { Profile } from '../store/types.js';
import type { ScopeCatalog } from './scope-catalog.js';

/** The collaborative models of one scope, trained from every profile of that server. */
export interface ScopeModels {
  rating: RatingModel;
  sequential: SequentialModel;
  cowatch: CowatchModel;
  popularity: PopularityModel;
  ratingCount: number;
  trainedAt: number;
  /** Catalog version the item vectors came from. */
  catalogVersion: number;
}

const DAY = 86_400_000;

/** Trains every model of a scope. Pure CPU; the caller decides when (debounced, in the background). */
export function trainScopeModels(
  profiles: { userId: string; profile: Profile }[],
  catalog: ScopeCatalog,
  clock: () => number = Date.now,
): ScopeModels {
  const ratings: RatingTriple[] = [];
  const histories = new Map<string, string[]>();
  const events: { item: string; at: number; weight: number }[] = [];
  for (const { userId, profile } of profiles) {
    for (const [item, r] of Object.entries(profile.ratings)) {
      if (!catalog.byId.has(item)) continue;
      ratings.push({ user: userId, item, value: r.value, at: r.at });
      events.push({ item, at: r.at, weight: r.value >= 3 ? 1 : 0.3 });
    }
    const h = profile.history.filter((e) => catalog.byId.has(e.itemId));
    if (h.length) histories.set(userId, h.map((e) => e.itemId));
    for (const e of h) if (!profile.ratings[e.itemId]) events.push({ item: e.itemId, at: e.at, weight: 1 });
  }
  const itemVectors = new Map<string, Float32Array>();
  for (const it of catalog.items) {
    const v = catalog.index.vector(it.id);
    if (v) itemVectors.set(it.id, v.slice());
  }
  // With very few ratings a factor model only adds noise: biases plus the text prior are enough.
  const rating =
    ratings.length >= 50
      ? trainHybridMf(ratings, { itemVectors })
      : ratings.length > 0
        ? trainHybridMf(ratings, { itemVectors, factors: 8, epochs: 20 })
        : trainBaseline(ratings);
  return {
    rating,
    sequential: trainSequential(histories, { itemVectors, contentWeight: 0.05 }),
    cowatch: trainCowatch(histories),
    popularity: trainPopularity(events, { halfLife: 60 * DAY, now: clock() }),
    ratingCount: ratings.length,
    trainedAt: clock(),
    catalogVersion: catalog.version,
  };
}
