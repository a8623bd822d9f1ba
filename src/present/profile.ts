import type { ProfileSummary } from '../app/types.js';
import { RATING_VALUES } from '../domain/rules.js';
import { join, num, stars, titleOf, user, type Text } from './text.js';
import type { View } from './view.js';

/** How many ratings of each value, highest value first. */
export type Spread = { value: number; count: number }[];

/** The rating spread, one entry per allowed rating (the summary keys it by `value.toFixed(1)`: "5.0", "4.5"). */
export function ratingSpread(p: ProfileSummary): Spread {
  return [...RATING_VALUES].reverse().map((value) => ({ value, count: p.ratingSpread[value.toFixed(1)] ?? 0 }));
}

/** The spread as a small bar chart: "4.5 ████████████ 3". */
function bars(spread: Spread): string[] {
  const max = Math.max(1, ...spread.map((s) => s.count));
  return spread.map(({ value, count }) => `${value.toFixed(1)} ${'█'.repeat(Math.round((count / max) * 12))}${count ? ` ${count}` : ''}`);
}

/** A taste summary: counts, top tags, rating spread, recent items. Private. */
export function profileView(p: ProfileSummary): View & { spread: Spread } {
  const spread = ratingSpread(p);
  const tags = join(p.topTags.slice(0, 15).map((t) => [user(t.tag, 40), ` (${t.count})`]), ', ');
  const recent = p.recent.slice(0, 10).map((r): Text => ['• ', ...titleOf(r.item, 80), r.rating !== undefined ? ` ${stars(r.rating)}` : '']);
  return {
    title: ['Your taste profile'],
    fields: [
      { name: 'Watched', lines: [[num(p.watched)]], inline: true },
      { name: 'Rated', lines: [[num(p.rated)]], inline: true },
      { name: 'Mean rating', lines: [[p.meanRating === null ? '—' : stars(Math.round(p.meanRating * 100) / 100)]], inline: true },
      { name: 'Not interested', lines: [[num(p.notInterested)]], inline: true },
      { name: 'Favourite tags', lines: [tags.length ? tags : ['—']] },
      p.rated ? { name: 'Rating spread', lines: bars(spread).map((l) => [l]), pre: true } : { name: 'Rating spread', lines: [['—']] },
      { name: 'Recent', lines: recent.length ? recent : [['—']] },
    ],
    private: true,
    spread,
  };
}
