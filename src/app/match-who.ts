import type { Profile } from '../domain/profile.js';
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
 * Most members whose rating is predicted per click: the 200 most recently active (profile last changed) of
 * those who could be named. A predictor per member is the costly part; a big server's long-gone members are
 * the least likely to be watching now. (The profiles are still read in one batch to find the recent ones.)
 */
export const WHO_CONSIDERED = 200;

/**
 * Who could be named for an item, at most `cap`, most recently active first (ties by id): members other than
 * the asker who allow group features, have rated something, and have not seen or turned the item down.
 */
export function candidatesFor<P extends { userId: string; profile: Profile }>(all: readonly P[], askerId: string, itemId: string, cap = WHO_CONSIDERED): P[] {
  return all
    .filter(({ userId, profile }) => userId !== askerId && allowsGroup(profile) && Object.keys(profile.ratings).length > 0 && !seenBy(profile).includes(itemId))
    .sort((a, b) => b.profile.updatedAt - a.profile.updatedAt || (a.userId < b.userId ? -1 : 1))
    .slice(0, cap);
}

/**
 * "Who here would like this?": the members of this server whose predicted rating of the item is highest,
 * at most 3, among those who allow group features, have rated something, have not seen or turned the item
 * down, are not the asker (the 200 most recently active of them: WHO_CONSIDERED), and would at least like it (their prediction is not under their own average).
 * Ids only: the face shows them as mentions that never ping; no rating is shown.
 */
export async function whoWouldLike(d: AppDeps, c: Caller, input: { itemId: string }): Promise<WhoLikesResult> {
  const l = await load(d, c);
  const item = l.catalog.byId.get(input.itemId);
  if (!item) throw new AppError('item.gone');
  const ranked: { userId: string; p: number }[] = [];
  for (const { userId, profile } of candidatesFor(await d.profiles.all(c.scope), c.userId, item.id)) {
    const p = personalPredictor(userId, { ...l, profile })(item.id);
    if (fitLevel(p, meanRating(profile)) !== 'lukewarm') ranked.push({ userId, p });
  }
  ranked.sort((a, b) => b.p - a.p || (a.userId < b.userId ? -1 : 1));
  return { item, userIds: ranked.slice(0, WHO_MAX).map((x) => x.userId) };
}
