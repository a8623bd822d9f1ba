/**
 * The words of an item card, for every face: runtime, where to stream it, and what a card says when nothing
 * is known. Pure functions returning plain text; provider names come in already made safe by the face
 * (`list` joins them in its own markup).
 */
import type { WatchProviders } from '../domain/card.js';

export const CARD_LABELS = { runtime: 'Runtime', trailer: 'Trailer', trailerLink: 'Watch on YouTube', whereToWatch: 'Where to watch', why: 'Why' } as const;
export const JUSTWATCH_NOTICE = 'Where to watch: data from JustWatch';

/** The kinds of offers, in the order a card lists them. */
const KINDS = [
  ['Stream', 'stream'],
  ['Free', 'free'],
  ['Free with ads', 'ads'],
  ['Rent', 'rent'],
  ['Buy', 'buy'],
] as const;

/** "2h 50m", "45m". */
export function runtimeText(min: number | undefined): string | undefined {
  if (!min || min <= 0) return undefined;
  const h = Math.floor(min / 60);
  return h ? `${h}h ${String(min % 60).padStart(2, '0')}m` : `${min}m`;
}

/** One line of where to stream it ("Stream: Netflix, Hulu"), the first kind except buying that has providers. */
export function streamLine(w: WatchProviders | undefined, list: (names: string[]) => string): string | undefined {
  const kind = w && KINDS.slice(0, 4).find(([, k]) => w[k].length);
  return w && kind ? `${kind[0]}: ${list(w[kind[1]])}` : undefined;
}

/** Every kind of offer with providers, one line each ("Rent: Apple TV"). */
export function watchLines(w: WatchProviders | undefined, list: (names: string[]) => string): string[] {
  return w ? KINDS.filter(([, k]) => w[k].length).map(([label, k]) => `${label}: ${list(w[k])}`) : [];
}

/** What a card says without where-to-watch data: TMDB has none for the region, or nothing is known at all. */
export function noWatchText(fromTmdb: boolean, region: string | undefined): string {
  return fromTmdb ? `No streaming data${region ? ` for ${region}` : ''}.` : 'Not known.';
}
