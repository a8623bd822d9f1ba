import type { Profile } from '../../domain/profile.js';
import type { ItemId } from '../../domain/item.js';

export interface TasteWeight {
  itemId: ItemId;
  weight: number;
}

export interface TasteOptions {
  now: number;
  /** Recency half-life of a rating's or a watch's weight. Default 180 days. */
  halfLifeDays?: number;
  /** Most contributors kept (largest weights). Default 50. */
  maxItems?: number;
}

const DAY = 86_400_000;

/**
 * Which items make up a user's taste, and how much. Rated items above the user's own mean weigh
 * (rating - mean) x recency decay. A user with no rating above their mean (or none at all) falls back to
 * the watch history, each watch weighing its recency decay. Items rated at or below the mean never count.
 */
export function tasteWeights(profile: Profile, opts: TasteOptions): TasteWeight[] {
  const halfLife = (opts.halfLifeDays ?? 180) * DAY;
  const decay = (at: number): number => Math.pow(0.5, Math.max(0, opts.now - at) / halfLife);
  const entries = Object.entries(profile.ratings);
  let out: TasteWeight[] = [];
  if (entries.length > 0) {
    const mean = entries.reduce((s, [, r]) => s + r.value, 0) / entries.length;
    // a single rating (or all equal) has nothing above the mean: a rating of 3.5+ still says "liked"
    const pivot = entries.every(([, r]) => r.value === mean) ? Math.min(mean, 3) : mean;
    out = entries
      .filter(([, r]) => r.value > pivot)
      .map(([itemId, r]) => ({ itemId, weight: (r.value - pivot) * decay(r.at) }));
  }
  if (out.length === 0) {
    const rated = profile.ratings;
    const seen = new Map<ItemId, number>();
    for (const h of profile.history) {
      if (rated[h.itemId] !== undefined) continue; // rated at or below their mean: not a like
      seen.set(h.itemId, Math.max(seen.get(h.itemId) ?? 0, decay(h.at)));
    }
    out = [...seen].map(([itemId, weight]) => ({ itemId, weight }));
  }
  return out
    .filter((w) => w.weight > 0)
    .sort((a, b) => b.weight - a.weight || (a.itemId < b.itemId ? -1 : 1))
    .slice(0, opts.maxItems ?? 50);
}

/** Weighted mean of the given items' vectors (those the lookup knows); undefined when none. */
export function weightedMean(
  weights: TasteWeight[],
  vectorOf: (id: ItemId) => Float32Array | undefined,
  dims: number,
): Float32Array | undefined {
  const out = new Float32Array(dims);
  let total = 0;
  for (const w of weights) {
    const v = vectorOf(w.itemId);
    if (!v) continue;
    for (let i = 0; i < dims; i++) out[i] += v[i] * w.weight;
    total += w.weight;
  }
  if (total === 0) return undefined;
  for (let i = 0; i < dims; i++) out[i] /= total;
  return out;
}
