import type { CatalogItem } from '../domain/item.js';
import type { Profile } from '../domain/profile.js';
import { RATING_VALUES } from '../domain/rules.js';
import type { AppDeps } from './deps.js';
import type { Caller, ProfileSummary } from './types.js';
import { scopeCatalog } from './scope-access.js';

/** `/profile`: the caller's taste summary (private). */
export async function profileSummary(d: AppDeps, c: Caller): Promise<ProfileSummary> {
  const [p, cat] = await Promise.all([d.profiles.get(c.scope, c.userId), scopeCatalog(d, c)]);
  return summarise(p, (id) => cat.byId.get(id));
}

/** Pure: counts, rating spread, favourite tags (weighted by rating), recent items. */
export function summarise(p: Profile, item: (id: string) => CatalogItem | undefined): ProfileSummary {
  const ratings = Object.entries(p.ratings);
  const spread: Record<string, number> = {};
  for (const v of RATING_VALUES) spread[v.toFixed(1)] = 0;
  let sum = 0;
  for (const [, r] of ratings) {
    spread[r.value.toFixed(1)] = (spread[r.value.toFixed(1)] ?? 0) + 1;
    sum += r.value;
  }
  const mean = ratings.length ? sum / ratings.length : null;
  const tagScore = new Map<string, number>();
  const ids = new Set([...p.history.map((h) => h.itemId), ...ratings.map(([id]) => id)]);
  for (const id of ids) {
    const r = p.ratings[id]?.value;
    // Liked items count more; items rated below the user's mean count against the tag.
    const w = r === undefined ? 1 : mean === null ? 1 : 1 + (r - mean);
    for (const t of item(id)?.tags ?? []) tagScore.set(t, (tagScore.get(t) ?? 0) + w);
  }
  const topTags = [...tagScore.entries()]
    .filter(([, s]) => s > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([tag, s]) => ({ tag, count: Math.round(s * 10) / 10 }));
  const recent = p.history
    .slice(-5)
    .reverse()
    .flatMap((h) => {
      const it = item(h.itemId);
      if (!it) return [];
      const r = p.ratings[h.itemId]?.value;
      return [r === undefined ? { item: it, at: h.at } : { item: it, at: h.at, rating: r }];
    });
  return { watched: p.history.length, rated: ratings.length, notInterested: p.notInterested.length, meanRating: mean, ratingSpread: spread, topTags, recent };
}
