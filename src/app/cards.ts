/**
 * Item cards for answers: from TMDB when the bot has a key (what is cached at once, what arrives within a
 * short wait, the rest later), else from the catalog's own `image` and `url` columns. Never blocks an answer
 * for long and never fails one: a card that is not ready is simply not shown.
 */
import type { ItemCard } from '../domain/card.js';
import type { CatalogItem, ItemId } from '../domain/item.js';
import { hiddenFrom } from './adult.js';
import type { AppDeps } from './deps.js';
import { AppError } from './errors.js';
import { getSettings } from './settings.js';
import type { Caller, PredictResult, RecResult } from './types.js';

/** How long an answer waits for cards that are not cached yet. */
export const CARD_WAIT_MS = 1_200;

/** "en-US" -> "US"; a locale without a region ("fr") gives nothing. */
export function regionOfLocale(locale: string | undefined): string | undefined {
  const m = /^[a-z]{2,3}[-_]([A-Za-z]{2})$/.exec(locale ?? '');
  return m ? m[1].toUpperCase() : undefined;
}

/** The where-to-watch region: the scope's setting (direct messages have no settings), its locale, TMDB_REGION, else US. */
export async function regionFor(d: AppDeps, c: Caller): Promise<string> {
  const s = c.scope.startsWith('dm:') ? undefined : await getSettings(d, c.scope);
  return s?.region ?? regionOfLocale(c.locale) ?? d.config.TMDB_REGION?.toUpperCase() ?? 'US';
}

function ownCard(item: CatalogItem): ItemCard | undefined {
  if (!item.imageUrl && !item.url) return undefined;
  return {
    source: 'catalog',
    ...(item.imageUrl ? { thumbUrl: item.imageUrl, posterUrl: item.imageUrl } : {}),
    ...(item.url ? { pageUrl: item.url } : {}),
    ...(item.description ? { overview: item.description } : {}),
  };
}

/**
 * Cards for `items`: the catalog's own where it has image or url columns, TMDB's for the rest when configured.
 * A card TMDB marks adult is left out where adult items may not be shown.
 */
export async function cardsFor(d: AppDeps, c: Caller, items: CatalogItem[], waitMs = CARD_WAIT_MS): Promise<Record<ItemId, ItemCard>> {
  const cards = await allCards(d, c, items, waitMs);
  for (const it of items) if (cards[it.id] && hiddenFrom(d, c, it, cards[it.id])) delete cards[it.id];
  return cards;
}

async function allCards(d: AppDeps, c: Caller, items: CatalogItem[], waitMs = CARD_WAIT_MS): Promise<Record<ItemId, ItemCard>> {
  const out: Record<ItemId, ItemCard> = {};
  const rest: CatalogItem[] = [];
  for (const it of items) {
    const own = ownCard(it);
    if (own) out[it.id] = own;
    else rest.push(it);
  }
  if (d.tmdb?.enabled && rest.length) {
    try {
      const cat = await d.engines.catalog(c.scope);
      // The rest of the catalog trickles into the cache in the background, once per catalog content.
      void d.tmdb.prefetch(c.scope, cat.items);
      const tmdb = await d.tmdb.cards(rest, await regionFor(d, c), waitMs);
      for (const [id, card] of tmdb) out[id] = card;
    } catch (e) {
      d.logger.debug({ err: String(e) }, 'cards skipped');
    }
  }
  return out;
}

/**
 * The result with the cards of its items attached (none: unchanged). Where adult items may not be shown, an
 * item whose TMDB card says adult leaves the list with its card.
 */
export async function withCards<T extends RecResult>(d: AppDeps, c: Caller, r: T): Promise<T> {
  if (!r.items.length) return r;
  const cards = await allCards(d, c, r.items.map((x) => x.item));
  const hidden = new Set(r.items.filter((x) => hiddenFrom(d, c, x.item, cards[x.item.id])).map((x) => x.item.id));
  for (const id of hidden) delete cards[id];
  const items = hidden.size ? r.items.filter((x) => !hidden.has(x.item.id)) : r.items;
  const out = hidden.size ? { ...r, items } : r;
  return Object.keys(cards).length ? { ...out, cards } : out;
}

/** The prediction with its item's card; an item TMDB says is adult reads as not found where adult items may not be shown. */
export async function withCard(d: AppDeps, c: Caller, r: PredictResult): Promise<PredictResult> {
  const card = (await allCards(d, c, [r.item]))[r.item.id];
  if (hiddenFrom(d, c, r.item, card)) throw new AppError('item.not-found', { itemId: r.item.id });
  return card ? { ...r, card } : r;
}
