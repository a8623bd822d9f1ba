import type { RecResult, TakenAs } from '../../app/types.js';
import { itemReason, recommendationsView, showsList } from '../../present/recommendations.js';
import { withTaken } from '../../present/taken.js';
import { oneLine, user } from '../../present/text.js';
import { itemEmbed } from './cards.js';
import { itemButtons, itemSelects, withVoteButton } from './components.js';
import { clampReply, embedLength, LIMITS, type Rendered, trim } from './limits.js';
import { md, renderView } from './view.js';

/** The least room an item's card keeps (title and a line of reason), taken from the header when needed. */
const MIN_ITEM = 200;

export interface RecOptions {
  /** Heading, e.g. `Recommendations for "cozy mystery"` (escaped here). */
  title: string;
  /** Adds Watched / Not interested / More like this components (and Details where an item has a card). */
  buttons?: boolean;
  /** Private answers keep reasons that name the asker's history; public ones show "similar to X" instead. */
  ephemeral?: boolean;
  /** A line after the list (Markdown, e.g. "Reply in this thread to refine"). */
  hint?: string;
  /** The title typed was read as another ("T2"): the answer says which it took. */
  taken?: TakenAs;
}

/** Whether the list is shown as cards: some item has one, and one embed per item fits Discord's 10. */
function asCards(result: RecResult): boolean {
  return Boolean(result.cards && Object.keys(result.cards).length && showsList(result) && result.items.length && result.items.length <= LIMITS.embeds);
}

/**
 * A list of recommendations: one line per item with its reason, the engine note, and item buttons (none for a
 * reply without a list). With cards (TMDB, or a catalog's image and url columns): a header embed, then one
 * embed per item with its poster as thumbnail, and a Details button per item that has a card.
 */
export function renderRecommendations(result: RecResult, opts: RecOptions): Rendered {
  const cards = asCards(result);
  const view = recommendationsView(result, { title: opts.title, private: opts.ephemeral, hint: opts.hint ? [opts.hint] : undefined, itemsApart: cards });
  const lines = (view.lines ?? []).map(md);
  // Keep whole lines: drop items from the end rather than cutting one in half.
  let description = lines.join('\n');
  while (description.length > LIMITS.embedDescription && lines.length > 1) {
    lines.splice(lines.length - (opts.hint ? 3 : 1), 1);
    description = lines.join('\n');
  }
  const items = showsList(result) ? result.items.map((r) => r.item) : [];
  const details = new Set(Object.keys(result.cards ?? {}));
  const components = opts.buttons && items.length ? (items.length <= 5 ? itemButtons(items, details) : itemSelects(items, details)) : [];
  // A public list can be put to a vote (a private one is the asker's alone).
  const withVote = components.length && !opts.ephemeral ? withVoteButton(components, items.length) : components;
  const rendered = renderView(withTaken(view, opts.taken), { description: cards && !description ? undefined : description, components: withVote });
  if (!cards) return rendered;
  // The engine note goes under the last card, where a list's footer reads naturally.
  const [header, ...rest] = (clampReply({ embeds: rendered.embeds ?? [] }).embeds ?? []).map((e) => ({ ...e }));
  const footer = header?.footer;
  if (header) delete header.footer;
  // Every item's card gets its share of what the header leaves of the 6,000 characters, so that none is dropped.
  const n = result.items.length;
  const fixed = () => [header, ...rest].reduce((t, e) => t + (e ? embedLength(e) : 0), 0) + (footer?.text.length ?? 0);
  if (header?.description && LIMITS.embedTotal - fixed() < n * MIN_ITEM) {
    header.description = trim(header.description, Math.max(1, header.description.length - (n * MIN_ITEM - (LIMITS.embedTotal - fixed()))));
  }
  const budget = Math.floor((LIMITS.embedTotal - fixed()) / n);
  const itemEmbeds = result.items.map((rec, i) => {
    const reason = itemReason(rec, { private: opts.ephemeral });
    return itemEmbed(i + 1, rec.item, reason ? md(user(reason, 160)) : '', result.cards?.[rec.item.id], budget);
  });
  if (footer && itemEmbeds.length) itemEmbeds[itemEmbeds.length - 1].footer = footer;
  // Ten items fill Discord's ten embeds: the header then rides on the first card (its heading as the author line).
  if (header && 1 + rest.length + itemEmbeds.length > LIMITS.embeds) {
    const first = itemEmbeds[0];
    first.author = { name: trim(oneLine(opts.title, LIMITS.author), LIMITS.author) };
    first.description = [header.description, first.description].filter(Boolean).join('\n\n');
    return clampReply({ ...rendered, embeds: [...rest, ...itemEmbeds] });
  }
  return clampReply({ ...rendered, embeds: [...(header ? [header] : []), ...rest, ...itemEmbeds] });
}
