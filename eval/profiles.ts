import type { Profile } from '../src/domain/profile.js';
import type { ScopeProfiles } from '../src/engine/scope-factory.js';
import { timeOrdered } from '../src/recsys/models/prior-train.js';
import type { RatingTriple } from '../src/recsys/models/types.js';
import { emptyProfile } from '../src/store/profiles.js';

/** MovieLens times are seconds; the bot's are epoch milliseconds. */
const ms = (at: number | undefined): number => (at ?? 0) * 1000;

/** One member's profile as the bot keeps it: their ratings, and the rated items as the watch history in time order. */
export function profileOf(ratings: readonly RatingTriple[]): Profile {
  const p = emptyProfile();
  for (const r of ratings) {
    p.ratings[r.item] = { value: r.value, at: ms(r.at) };
    p.history.push({ itemId: r.item, at: ms(r.at) });
  }
  p.updatedAt = p.history.reduce((t, h) => Math.max(t, h.at), 0);
  return p;
}

/** Every member's profile from rating triples (each member's in time order, ties by item id). */
export function profilesFromRatings(ratings: readonly RatingTriple[]): { userId: string; profile: Profile }[] {
  return [...timeOrdered(ratings)].map(([userId, rs]) => ({ userId, profile: profileOf(rs) }));
}

/** The latest time any profile was touched: "now" for a server made of these members. */
export function latestAt(profiles: ScopeProfiles): number {
  return profiles.reduce((t, p) => Math.max(t, p.profile.updatedAt), 0);
}
