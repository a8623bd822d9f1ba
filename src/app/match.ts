import type { CatalogItem } from '../domain/item.js';
import type { Profile } from '../domain/profile.js';
import { matchScore, sharedFavourites } from '../recsys/group-match.js';
import type { AppDeps } from './deps.js';
import { AppError } from './errors.js';
import { allowsGroup } from './group-privacy.js';
import { meanRating, seenBy } from './group-taste.js';
import { personalPredictor } from './personal-rating.js';
import { load, type Loaded } from './scope-data.js';
import type { Caller, MatchResult } from './types.js';

const ratingsOf = (p: Profile): Map<string, number> => new Map(Object.entries(p.ratings).map(([id, r]) => [id, r.value]));

/**
 * `/match member`: how alike the asker and a member rate what both rated (src/recsys/group-match.ts: centred
 * cosine shrunk by n / (n + 5), 0-100%), the titles both love, and one pick each: from the member's
 * favourites the one the asker has not seen and is predicted to like best, and the other way round. Both
 * must allow group features; no rating is ever shown, only titles.
 */
export async function match(d: AppDeps, c: Caller, input: { userId: string }): Promise<MatchResult> {
  if (input.userId === c.userId) throw new AppError('match.self');
  const l = await load(d, c);
  if (!allowsGroup(l.profile)) throw new AppError('group.off-self');
  const other = await d.profiles.get(c.scope, input.userId);
  if (!allowsGroup(other)) throw new AppError('match.unavailable');
  const mine = ratingsOf(l.profile);
  const theirs = ratingsOf(other);
  const score = matchScore(mine, theirs);
  const item = (id: string) => l.catalog.byId.get(id);
  const shared = sharedFavourites(mine, theirs).flatMap((id) => item(id) ?? []);
  const forYou = pickFrom(l, other, { userId: c.userId, profile: l.profile });
  const forThem = pickFrom(l, l.profile, { userId: input.userId, profile: other });
  return {
    percent: score.percent,
    common: score.common,
    sharedFavourites: shared,
    ...(forYou ? { forYou } : {}),
    ...(forThem ? { forThem } : {}),
  };
}

/** Most favourites of the giver read for one pick (their best-rated first). */
const MAX_FAVOURITES = 60;

/** Among what `giver` loved (4+, and at least their own mean), what `receiver` has not seen and is predicted to like best. */
function pickFrom(l: Loaded, giver: Profile, receiver: { userId: string; profile: Profile }): CatalogItem | undefined {
  const seen = new Set(seenBy(receiver.profile));
  const floor = Math.max(4, meanRating(giver));
  const loved = Object.entries(giver.ratings)
    .filter(([id, r]) => r.value >= floor && !seen.has(id) && l.catalog.byId.has(id))
    .sort((a, b) => b[1].value - a[1].value || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_FAVOURITES);
  if (loved.length === 0) return undefined;
  const predict = personalPredictor(receiver.userId, { ...l, profile: receiver.profile });
  let best: { id: string; p: number } | undefined;
  for (const [id] of loved) {
    const p = predict(id);
    if (!best || p > best.p) best = { id, p };
  }
  return best && l.catalog.byId.get(best.id);
}
