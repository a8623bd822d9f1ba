import type { AppDeps } from './deps.js';
import { AppError } from './errors.js';
import { allowsGroup } from './group-privacy.js';
import { meanRating, seenBy } from './group-taste.js';
import { personalPredictor } from './personal-rating.js';
import { load } from './scope-data.js';
import type { Caller, WhoLikesResult } from './types.js';
import { fitLevel } from '../recsys/group-scorer.js';

/** Most members named. */
export const WHO_MAX = 3;

/**
 * "Who here would like this?": the members of this server whose predicted rating of the item is highest,
 * at most 3, among those who allow group features, have rated something, have not seen or turned the item
 * down, are not the asker, and would at least like it (their prediction is not under their own average).
 * Ids only: the face shows them as mentions that never ping; no rating is shown.
 */
export async function whoWouldLike(d: AppDeps, c: Caller, input: { itemId: string }): Promise<WhoLikesResult> {
  const l = await load(d, c);
  const item = l.catalog.byId.get(input.itemId);
  if (!item) throw new AppError('item.gone');
  const ranked: { userId: string; p: number }[] = [];
  for (const { userId, profile } of await d.profiles.all(c.scope)) {
    if (userId === c.userId || !allowsGroup(profile) || Object.keys(profile.ratings).length === 0) continue;
    if (seenBy(profile).includes(item.id)) continue;
    const p = personalPredictor(userId, { ...l, profile })(item.id);
    if (fitLevel(p, meanRating(profile)) !== 'lukewarm') ranked.push({ userId, p });
  }
  ranked.sort((a, b) => b.p - a.p || (a.userId < b.userId ? -1 : 1));
  return { item, userIds: ranked.slice(0, WHO_MAX).map((x) => x.userId) };
}
