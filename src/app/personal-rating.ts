import type { CatalogItem } from '../domain/item.js';
import { cosine } from '../recsys/index/dot.js';
import { contentResidual } from '../recsys/models/content-residual.js';
import { priorItemVector } from '../recsys/models/prior-fold.js';
import type { Loaded } from './scope-data.js';

/** A rating as shown: rounded to the nearest half star. */
export const half = (x: number) => Math.round(x * 2) / 2;

/** The user's ratings, most similar to `target` first (by text embedding), for reasons and prompts. */
export function ratingsNear(l: Loaded, target: CatalogItem, max: number): { item: CatalogItem; rating: number; sim: number }[] {
  const tv = l.catalog.index.vector(target.id);
  const out: { item: CatalogItem; rating: number; sim: number }[] = [];
  for (const [id, r] of Object.entries(l.profile.ratings)) {
    const item = l.catalog.byId.get(id);
    if (!item || id === target.id) continue;
    const v = l.catalog.index.vector(id);
    out.push({ item, rating: r.value, sim: tv && v ? cosine(tv, v) : 0 });
  }
  return out.sort((a, b) => b.sim - a.sim).slice(0, max);
}

/**
 * Tastemaker's rating model for one user: the server's model plus the user's own neighbourhood (their
 * ratings of similar titles) by content, the same model the eval measures as `tastemaker`; on the starter
 * catalog also by what the community watches alike (the prior's item factors), so one rating of 1 for a
 * romantic comedy pulls the next romantic comedy down even when their descriptions share few words.
 */
export function personalPredictor(userId: string, l: Pick<Loaded, 'catalog' | 'models' | 'profile'>): (itemId: string) => number {
  const rated = Object.entries(l.profile.ratings)
    .sort((a, b) => a[1].at - b[1].at)
    .map(([item, r]) => ({ item, value: r.value }));
  const byContent = contentResidual((i) => l.models.rating.predict(userId, i), rated, (i) => l.catalog.index.vector(i));
  const prior = l.models.community?.prior;
  return prior ? contentResidual(byContent, rated, (i) => priorItemVector(prior, i), { shrink: 0.5, power: 1 }) : byContent;
}
