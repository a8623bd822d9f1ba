/**
 * Item cards in Discord: one embed per listed item (title linked to its page, reason, runtime and where to
 * stream it, the poster as thumbnail) when cards are ready, and the full Details card (poster, overview,
 * runtime, trailer, where to watch with JustWatch's attribution, the reason). Every URL comes from outside
 * (TMDB, an uploaded catalog): only http(s) URLs that Discord accepts are used, anything else is left out.
 */
import type { APIEmbed } from 'discord.js';
import type { ItemCard, WatchProviders } from '../../domain/card.js';
import type { CatalogItem } from '../../domain/item.js';
import { CARD_LABELS, JUSTWATCH_NOTICE, noWatchText, runtimeText, streamLine, watchLines } from '../../present/card-text.js';
import { TMDB_TERMS } from '../../present/help.js';
import { safe, titleOf } from './escape.js';
import { LIMITS, trim } from './limits.js';

export const TMDB_NOTICE = `Film data from TMDB. ${TMDB_TERMS}`;
const ACCENT = 0x5865f2;

/** A URL Discord will take in an embed, percent-encoded (spaces, non-ASCII paths), or undefined. */
export function embedUrl(u: string | undefined): string | undefined {
  if (!u || !URL.canParse(u.trim())) return undefined;
  const url = new URL(u.trim());
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  return url.href.length <= 2048 ? url.href : undefined;
}

/** A URL safe inside a Markdown masked link `[text](url)`: parentheses encoded so that the link does not end early. */
export function linkUrl(u: string | undefined): string | undefined {
  return embedUrl(u)?.replaceAll('(', '%28').replaceAll(')', '%29');
}

const names = (n: number) => (xs: string[]) => xs.slice(0, n).map((x) => safe(x, 40)).join(', ');

/**
 * A list item as its own embed. `reason` is already Discord Markdown (escaped). `budget` caps its title plus
 * description, so that a whole list fits Discord's 6,000 characters over all embeds.
 */
export function itemEmbed(n: number, item: CatalogItem, reason: string, card: ItemCard | undefined, budget = 656): APIEmbed {
  const meta = [runtimeText(card?.runtime), streamLine(card?.watch, names(3))].filter(Boolean).join(' · ');
  const e: APIEmbed = { title: trim(`${n}. ${titleOf(item)}`, Math.min(LIMITS.embedTitle, Math.max(20, budget - 60))), color: ACCENT };
  // The facts as Discord's small subtext ("-# "), so that the reason stays the card's own line; the reason
  // gives way first when the card's share of the list is short.
  const room = Math.min(400, budget - (e.title?.length ?? 0));
  const sub = meta ? trim(`-# ${meta}`, Math.max(0, Math.min(160, room - 40))) : '';
  const why = reason ? trim(reason, Math.max(0, room - sub.length - 1)) : '';
  const desc = [why, sub.length > 3 ? sub : ''].filter(Boolean).join('\n');
  if (desc) e.description = desc;
  const url = embedUrl(card?.pageUrl);
  if (url) e.url = url;
  const thumb = embedUrl(card?.thumbUrl);
  if (thumb) e.thumbnail = { url: thumb };
  return e;
}

function watchField(w: WatchProviders | undefined, region: string | undefined): string | undefined {
  const lines = watchLines(w, names(6));
  if (!lines.length) return undefined;
  const link = linkUrl(w?.link);
  const where = region ? ` (${region})` : '';
  lines.push(link ? `[${JUSTWATCH_NOTICE}](${link})${where}` : `${JUSTWATCH_NOTICE}${where}`);
  return lines.join('\n');
}

/** The full card of one item (the Details button). `reason` is Discord Markdown or undefined. */
export function detailsEmbed(item: CatalogItem, card: ItemCard | undefined, o: { reason?: string; hideSpoilers?: boolean } = {}): APIEmbed {
  const e: APIEmbed = { title: trim(titleOf(item, 200), LIMITS.embedTitle), color: ACCENT };
  const url = embedUrl(card?.pageUrl);
  if (url) e.url = url;
  const overview = card?.overview ?? item.description;
  if (overview) {
    const text = safe(overview, 1500);
    e.description = o.hideSpoilers ? `||${text}||` : text; // safe() already escapes `|`
  }
  const poster = embedUrl(card?.posterUrl);
  if (poster) e.image = { url: poster };
  const fields: NonNullable<APIEmbed['fields']> = [];
  const runtime = runtimeText(card?.runtime);
  if (runtime) fields.push({ name: CARD_LABELS.runtime, value: runtime, inline: true });
  const trailer = linkUrl(card?.trailerUrl);
  if (trailer) fields.push({ name: CARD_LABELS.trailer, value: `[${CARD_LABELS.trailerLink}](${trailer})`, inline: true });
  const watch = watchField(card?.watch, card?.region);
  fields.push({ name: CARD_LABELS.whereToWatch, value: watch ?? noWatchText(card?.source === 'tmdb', card?.region) });
  if (o.reason) fields.push({ name: CARD_LABELS.why, value: trim(o.reason, LIMITS.fieldValue) });
  e.fields = fields;
  if (card?.source === 'tmdb') e.footer = { text: TMDB_NOTICE };
  return e;
}

/** The reason line of an item embed on a list message (what `itemEmbed` wrote before its subtext), if any. */
export function reasonOnList(embeds: readonly { title?: string | null; description?: string | null }[], item: CatalogItem): string | undefined {
  const title = titleOf(item);
  const e = embeds.find((x) => x.title != null && /^\d+\. /.test(x.title) && x.title.replace(/^\d+\. /, '') === title);
  const first = e?.description?.split('\n')[0];
  return first && !first.startsWith('-# ') ? first : undefined;
}
