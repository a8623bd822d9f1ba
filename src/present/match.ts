import type { MatchResult, WhoLikesResult } from '../app/types.js';
import { code, mention, strong, titleOf, type Text } from './text.js';
import type { View } from './view.js';

/** `/match`: the score, what it rests on, titles both love, and one pick each. Titles only, never a rating. */
export function matchView(r: MatchResult, otherId: string): View {
  const lines: Text[] = [
    ['Taste match with ', mention(otherId)],
    r.percent === null
      ? ['No titles rated in common yet: rate a few more and ask again.']
      : [strong(`${r.percent}%`), ` from ${r.common} title${r.common === 1 ? '' : 's'} you both rated${r.common < 5 ? ' (few in common, so it stays near 50%)' : ''}`],
  ];
  const fields = [];
  if (r.sharedFavourites.length) fields.push({ name: 'You both love', lines: r.sharedFavourites.map((it) => titleOf(it)) });
  if (r.forYou) fields.push({ name: 'For you, from their favourites', lines: [titleOf(r.forYou)] });
  if (r.forThem) fields.push({ name: 'For them, from yours', lines: [titleOf(r.forThem)] });
  return { lines, ...(fields.length ? { fields } : {}), tone: 'accent', private: true };
}

/** "Who here would like this?": names as mentions that never ping, no ratings. */
export function whoLikesView(r: WhoLikesResult): View {
  const lines: Text[] = [['Who here would like ', strong(...titleOf(r.item)), '?']];
  if (r.userIds.length) lines.push(r.userIds.flatMap((id, k) => (k ? [', ', mention(id)] : [mention(id)])));
  else lines.push(['No one here stands out for this one yet (members need some ratings, and group features on).']);
  return { lines, tone: 'accent', private: true };
}

/** `/privacy group on|off`: what the setting now means. */
export function groupPrivacyView(on: boolean): View {
  return {
    note: on
      ? ['Group features are ', strong('on'), ' for you here: your taste may count in ', code('/together'), ', ', code('/match'), ' and "who would like this" (your ratings are never shown).']
      : ['Group features are ', strong('off'), ' for you here: you are never named or counted in ', code('/together'), ', ', code('/match'), ' or "who would like this". ', code('/privacy group on'), ' turns them back on.'],
    private: true,
  };
}
