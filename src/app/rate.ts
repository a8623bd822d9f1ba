import type { AppDeps } from './deps.js';
import { requireItem, userFacing } from './item-input.js';
import type { Caller } from './types.js';

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
