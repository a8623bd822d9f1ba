import type { PredictResult, RankResult } from '../app/types.js';
import { engineNote } from './engine-note.js';
import { reasonText } from './reason-text.js';
import { join, oneLine, stars, strong, titleOf, user, type Text } from './text.js';
import { takenText } from './taken.js';
import type { View } from './view.js';

/** The predicted rating for one item, why, and the ratings it came from. Private: it names the user's ratings. */
export function predictView(r: PredictResult): View {
  const lines: Text[] = [[strong(...titleOf(r.item))]];
  const based = r.basedOn.slice(0, 10).map((b): Text => ['• ', ...titleOf(b.item, 80), `: ${stars(b.rating)}`]);
  // An empty explanation still keeps its line when a list follows (as the text always read).
  if (oneLine(r.why, 600) || based.length) lines.push([user(r.why, 600)]);
  if (based.length) lines.push([], ['Based on:'], ...based);
  return { title: [`Predicted rating: ${stars(Math.round(r.rating * 10) / 10)}`], lines, footer: engineNote(r), private: true };
}

/** The user's own list ranked for them; public unless `private`, so reasons naming the asker's history are generalised. */
export function rankView(r: RankResult, o: { private?: boolean } = {}): View {
  const lines: Text[] = r.ranked.map((x, i) => {
    const reason = reasonText(x.reason, { public: !o.private });
    return [strong(`${i + 1}. `, ...titleOf(x.item, 100)), ...(reason ? [' — ', user(reason, 140)] : [])];
  });
  if (r.taken?.length) lines.push([], ...r.taken.map(takenText));
  if (r.unmatched.length) {
    const shown = join(r.unmatched.slice(0, 20).map((t) => [user(t, 60)]), ', ');
    const more = r.unmatched.length > 20 ? ` and ${r.unmatched.length - 20} more` : '';
    lines.push([], ['Not found in the catalog: ', ...shown, more]);
  }
  return {
    title: [`Your list, ranked (${r.method})`],
    lines: lines.length ? lines : [['Nothing to rank.']],
    footer: engineNote(r),
    ...(o.private ? { private: true } : {}),
  };
}
