import type { ProfileSummary } from '../../app/types.js';
import { num, safe, stars, titleOf } from './escape.js';
import { clampReply, EPHEMERAL, type Rendered } from './limits.js';

const HALVES = [0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5];

/** A taste summary: counts, top tags, rating spread as a small bar chart, recent items. Ephemeral. */
export function renderProfile(p: ProfileSummary): Rendered {
  const max = Math.max(1, ...HALVES.map((h) => p.ratingSpread[String(h)] ?? 0));
  const spread = HALVES.map((h) => {
    const n = p.ratingSpread[String(h)] ?? 0;
    return `${h.toFixed(1)} ${'█'.repeat(Math.round((n / max) * 12))}${n ? ` ${n}` : ''}`;
  }).reverse();
  const tags = p.topTags.slice(0, 15).map((t) => `${safe(t.tag, 40)} (${t.count})`).join(', ');
  const recent = p.recent.slice(0, 10).map((r) => `• ${titleOf(r.item, 80)}${r.rating !== undefined ? ` ${stars(r.rating)}` : ''}`);
  return clampReply({
    embeds: [
      {
        title: 'Your taste profile',
        fields: [
          { name: 'Watched', value: num(p.watched), inline: true },
          { name: 'Rated', value: num(p.rated), inline: true },
          { name: 'Mean rating', value: p.meanRating === null ? '—' : stars(Math.round(p.meanRating * 100) / 100), inline: true },
          { name: 'Not interested', value: num(p.notInterested), inline: true },
          { name: 'Favourite tags', value: tags || '—' },
          { name: 'Rating spread', value: p.rated ? `\`\`\`\n${spread.join('\n')}\n\`\`\`` : '—' },
          { name: 'Recent', value: recent.join('\n') || '—' },
        ],
      },
    ],
    flags: EPHEMERAL,
  });
}
