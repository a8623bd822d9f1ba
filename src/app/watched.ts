import type { CatalogItem } from '../domain/item.js';
import type { AppDeps } from './deps.js';
import { requireItem, userFacing } from './item-input.js';
import { scopeCatalog } from './scope-access.js';
import type { Caller } from './types.js';

/** `/watched`: the caller's watch history in this scope (private). */
export async function addWatched(d: AppDeps, c: Caller, itemId: string, rating?: number): Promise<void> {
  await requireItem(d, c, itemId);
  await userFacing(async () => {
    if (rating !== undefined) await d.profiles.setRating(c.scope, c.userId, itemId, rating);
    await d.profiles.appendHistory(c.scope, c.userId, itemId);
  });
  d.engines.markDirty(c.scope);
}

export async function removeWatched(d: AppDeps, c: Caller, itemId: string): Promise<boolean> {
  const removed = await d.profiles.removeHistory(c.scope, c.userId, itemId);
  if (removed) d.engines.markDirty(c.scope);
  return removed;
}

export async function listWatched(d: AppDeps, c: Caller): Promise<{ item: CatalogItem; at: number; rating?: number }[]> {
  const [p, cat] = await Promise.all([d.profiles.get(c.scope, c.userId), scopeCatalog(d, c)]);
  return p.history
    .slice()
    .reverse()
    .flatMap((h) => {
      const item = cat.byId.get(h.itemId);
      if (!item) return [];
      const r = p.ratings[h.itemId]?.value;
      return [r === undefined ? { item, at: h.at } : { item, at: h.at, rating: r }];
    });
}
