import type { ProfileSummary } from '../../app/types.js';
import { ratingSpread } from '../profile.js';

/** What the profile card shows; every string in it is untrusted and drawn through `fitText`. */
export interface ProfileCardData {
  memberName: string;
  serverName: string;
  watched: number;
  rated: number;
  meanRating: number | null;
  /** One entry per rating value (any order). */
  spread: { value: number; count: number }[];
  topTags: { tag: string; count: number }[];
  /** Recent items, the best rated first. */
  favourites: { title: string; year?: number; rating?: number }[];
  /** The server's pick from its latest vote, if any ("Heat (1995)"). */
  groupPick?: string;
}

/** A summary as card data: favourites are the recent items, highest rated first (unrated last). */
export function profileCardData(p: ProfileSummary, who: { memberName: string; serverName: string; groupPick?: string }): ProfileCardData {
  const favourites = [...p.recent]
    .sort((a, b) => (b.rating ?? -1) - (a.rating ?? -1))
    .slice(0, 5)
    .map((r) => ({ title: r.item.title, ...(r.item.year ? { year: r.item.year } : {}), ...(r.rating !== undefined ? { rating: r.rating } : {}) }));
  return {
    memberName: who.memberName,
    serverName: who.serverName,
    watched: p.watched,
    rated: p.rated,
    meanRating: p.meanRating,
    spread: ratingSpread(p),
    topTags: p.topTags.slice(0, 8),
    favourites,
    ...(who.groupPick ? { groupPick: who.groupPick } : {}),
  };
}

/** The card's alt text: what a screen reader says instead of the picture. */
export function profileCardAlt(d: ProfileCardData): string {
  const mean = d.meanRating === null ? 'no ratings yet' : `mean rating ${d.meanRating.toFixed(1)} of 5`;
  const tags = d.topTags.length ? `; top tags ${d.topTags.slice(0, 5).map((t) => t.tag).join(', ')}` : '';
  return `Taste profile card: ${d.watched} watched, ${d.rated} rated, ${mean}${tags}.`.slice(0, 1000);
}
