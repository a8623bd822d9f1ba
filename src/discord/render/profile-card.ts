import type { ProfileSummary } from '../../app/types.js';
import type { GroupPick } from '../../app/vote-types.js';
import { profileCardAlt, profileCardData } from '../../present/card/profile-data.js';
import { renderProfileCard } from '../../present/card/profile-card.js';
import { profileView } from '../../present/profile.js';
import { user } from '../../present/text.js';
import { groupPickText } from '../../present/vote.js';
import type { Rendered } from './limits.js';
import { renderView } from './view.js';

export const CARD_FILE = 'profile-card.png';

/**
 * `/profile` with its picture: the text embed stays (screen readers, search), the PNG card is attached with alt
 * text and shown as the embed's image; the server's pick (its latest vote) is a field and a line on the card.
 */
export function renderProfileWithCard(p: ProfileSummary, who: { memberName: string; serverName: string; pick: GroupPick | null }): Rendered {
  const view = profileView(p);
  const pick = who.pick ? groupPickText(who.pick) : undefined;
  if (pick) view.fields = [...(view.fields ?? []), { name: "Server's pick", lines: [[user(pick, 150)]] }];
  const data = profileCardData(p, { memberName: who.memberName, serverName: who.serverName, ...(pick ? { groupPick: pick } : {}) });
  const r = renderView(view);
  const [embed, ...more] = r.embeds ?? [];
  return {
    ...r,
    embeds: embed ? [{ ...embed, image: { url: `attachment://${CARD_FILE}` } }, ...more] : more,
    files: [{ attachment: renderProfileCard(data), name: CARD_FILE, description: profileCardAlt(data) }],
  };
}
