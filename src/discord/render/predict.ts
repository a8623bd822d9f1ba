import type { PredictResult, RankResult } from '../../app/types.js';
import { engineNote } from './engine.js';
import { publicReason } from './reasons.js';
import { safe, stars, titleOf } from './escape.js';
import { clampReply, EPHEMERAL, type Rendered } from './limits.js';

/** The predicted rating for one item and why. */
export function renderPredict(r: PredictResult): Rendered {
  const based = r.basedOn.slice(0, 10).map((b) => `• ${titleOf(b.item, 80)}: ${stars(b.rating)}`);
  return clampReply({
    embeds: [
      {
        title: `Predicted rating: ${stars(Math.round(r.rating * 10) / 10)}`,
        description: [`**${titleOf(r.item)}**`, safe(r.why, 600), based.length ? `\nBased on:\n${based.join('\n')}` : ''].join('\n').trim(),
        footer: { text: engineNote(r) },
      },
    ],
  });
}

/** The user's own list ranked for them; public unless `ephemeral`, so reasons naming the asker's history are generalised. */
export function renderRank(r: RankResult, o: { ephemeral?: boolean } = {}): Rendered {
  const lines = r.ranked.map((x, i) => {
    const reason = o.ephemeral ? x.reason : publicReason(x.reason);
    return `**${i + 1}. ${titleOf(x.item, 100)}**${reason ? ` — ${safe(reason, 140)}` : ''}`;
  });
  if (r.unmatched.length) {
    lines.push('', `Not found in the catalog: ${r.unmatched.slice(0, 20).map((t) => safe(t, 60)).join(', ')}${r.unmatched.length > 20 ? ` and ${r.unmatched.length - 20} more` : ''}`);
  }
  return clampReply({
    embeds: [{ title: `Your list, ranked (${r.method})`, description: lines.join('\n') || 'Nothing to rank.', footer: { text: engineNote(r) } }],
    ...(o.ephemeral ? { flags: EPHEMERAL } : {}),
  });
}
