import type { MatchResult } from '../../app/types.js';
import { displayTitle } from '../../domain/item.js';
import { renderMatchCard } from '../../present/card/match-card.js';
import { matchView } from '../../present/match.js';
import type { Rendered } from './limits.js';
import { renderView } from './view.js';

export const MATCH_CARD_FILE = 'match-card.png';

/**
 * `/match` with its picture when there is a score: the text stays (screen readers), the PNG card (names, the
 * score, titles both love; never a rating) is attached with alt text and shown as the embed's image.
 */
export function renderMatchWithCard(r: MatchResult, who: { otherId: string; asker: string; other: string; serverName: string }): Rendered {
  const out = renderView(matchView(r, who.otherId));
  if (r.percent === null) return out;
  const shared = r.sharedFavourites.map(displayTitle);
  const png = renderMatchCard({ serverName: who.serverName, left: who.asker, right: who.other, score: r.percent / 100, shared, tags: [] });
  const alt = `Taste match card: ${who.asker} and ${who.other}, ${r.percent}%${shared.length ? `; both love ${shared.slice(0, 3).join(', ')}` : ''}.`;
  const [embed, ...more] = out.embeds ?? [];
  return {
    ...out,
    embeds: embed ? [{ ...embed, image: { url: `attachment://${MATCH_CARD_FILE}` } }, ...more] : more,
    files: [{ attachment: png, name: MATCH_CARD_FILE, description: alt.slice(0, 1024) }],
  };
}
