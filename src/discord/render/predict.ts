import type { PredictResult, RankResult, TakenAs } from '../../app/types.js';
import { predictView, rankView } from '../../present/predict.js';
import { withTaken } from '../../present/taken.js';
import { embedUrl } from './cards.js';
import { button, customId, IDS, row } from './components.js';
import type { Rendered } from './limits.js';
import { renderView } from './view.js';

/** The predicted rating for one item and why. Ephemeral: it names the user's own ratings. */
export function renderPredict(r: PredictResult, taken?: TakenAs): Rendered {
  const out = renderView(withTaken(predictView(r), taken));
  // With a card: the poster as thumbnail, the title linked to the item's page, and a Details button.
  const [e] = out.embeds ?? [];
  const thumb = embedUrl(r.card?.thumbUrl);
  const url = embedUrl(r.card?.pageUrl);
  if (e && thumb) e.thumbnail = { url: thumb };
  if (e && url && e.title) e.url = url;
  const id = r.card ? customId(IDS.details, r.item.id) : null;
  return id ? { ...out, components: [row([button(id, 'Details', 'secondary')])] } : out;
}

/** The user's own list ranked for them; public unless `ephemeral`, so reasons naming the asker's history are generalised. */
export function renderRank(r: RankResult, o: { ephemeral?: boolean } = {}): Rendered {
  return renderView(rankView(r, { private: o.ephemeral }));
}
