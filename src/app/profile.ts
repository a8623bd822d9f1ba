import type { CatalogItem } from '../domain/item.js';
import { ValidationError, userDataKeys } from '../store/index.js';
import type { Conversation } from '../domain/conversation.js';
import type { Profile } from '../domain/profile.js';
import type { AppDeps } from './deps.js';
import { AppError } from './errors.js';
import type { Caller, ProfileSummary } from './types.js';
import { scopeCatalog } from './scope-access.js';

/** Store validation errors that the user caused become user errors; everything else propagates. */
async function userFacing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof ValidationError && e.code === 'rating.range') throw new AppError('rating.range', { value: String(e.context.value ?? '') });
    throw e;
  }
}

async function requireItem(d: AppDeps, c: Caller, itemId: string): Promise<CatalogItem> {
  const item = (await scopeCatalog(d, c)).byId.get(itemId);
  if (!item) throw new AppError('item.not-found', { itemId });
  return item;
}

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

/** A rating also counts as watched (appended to the history when not there yet). */
export async function rate(d: AppDeps, c: Caller, itemId: string, score: number): Promise<void> {
  await requireItem(d, c, itemId);
  await userFacing(async () => {
    const p = await d.profiles.setRating(c.scope, c.userId, itemId, score);
    if (!p.history.some((h) => h.itemId === itemId)) await d.profiles.appendHistory(c.scope, c.userId, itemId);
  });
  d.engines.markDirty(c.scope);
}

export async function notInterested(d: AppDeps, c: Caller, itemId: string): Promise<void> {
  await requireItem(d, c, itemId);
  await d.profiles.addNotInterested(c.scope, c.userId, itemId);
}

export async function profileSummary(d: AppDeps, c: Caller): Promise<ProfileSummary> {
  const [p, cat] = await Promise.all([d.profiles.get(c.scope, c.userId), scopeCatalog(d, c)]);
  return summarise(p, (id) => cat.byId.get(id));
}

/** Pure: counts, rating spread, favourite tags (weighted by rating), recent items. */
export function summarise(p: Profile, item: (id: string) => CatalogItem | undefined): ProfileSummary {
  const ratings = Object.entries(p.ratings);
  const spread: Record<string, number> = {};
  for (let v = 0.5; v <= 5; v += 0.5) spread[v.toFixed(1)] = 0;
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

export async function exportUserData(d: AppDeps, c: Caller): Promise<{ profile: Profile; conversations: Conversation[]; usage: unknown }> {
  const [profile, convIds] = await Promise.all([d.profiles.get(c.scope, c.userId), d.conversations.listForUser(c.scope, c.userId)]);
  const conversations = (await Promise.all(convIds.map((id) => d.conversations.get(id)))).filter((x): x is Conversation => x !== undefined);
  // Every day still kept (retention), keyed by day: what `delete` removes is exactly what is exported.
  const usageKeys = (await d.usage.userKeys(c.scope, c.userId)).sort();
  const counters = await d.store.getMany<unknown>(usageKeys);
  const usage = Object.fromEntries(usageKeys.map((k, i) => [k.slice(k.lastIndexOf(':') + 1), counters[i]]));
  return { profile, conversations, usage };
}

/** Removes everything of this user in this scope: profile, conversations, usage counters. */
export async function deleteUserData(d: AppDeps, c: Caller): Promise<void> {
  await Promise.all([
    d.profiles.deleteUser(c.scope, c.userId),
    d.conversations.deleteUser(c.scope, c.userId),
    d.usage.deleteUser(c.scope, c.userId),
  ]);
  const left = await userDataKeys(d.store, c.scope, c.userId);
  if (left.length) await d.store.deleteMany(left);
  d.engines.markDirty(c.scope);
  d.logger.info({ scope: c.scope, user: c.userId }, 'user data deleted');
}
