import type { ItemCard } from '../../domain/card.js';
import type { CatalogItem } from '../../domain/item.js';
import { detailsEmbed } from './cards.js';
import { clampReply, EPHEMERAL, type Rendered } from './limits.js';

/** The Details card of one item, private to whoever asked. */
export function renderDetails(item: CatalogItem, card: ItemCard | undefined, o: { reason?: string; hideSpoilers?: boolean }): Rendered {
  return clampReply({ embeds: [detailsEmbed(item, card, o)], flags: EPHEMERAL });
}
