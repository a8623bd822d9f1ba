/**
 * An item's card: what a face can show beyond the title and the reason (a poster, the overview, the runtime,
 * a trailer, where to watch), from TMDB when the bot has a key or from the catalog's own image and url columns.
 */
/** Where to watch an item in one region, by how it is offered (provider names, best first). */
export interface WatchProviders {
  /** TMDB's page for the film's providers in this region (JustWatch data; attribution required). */
  link?: string;
  /** Provider names by how they offer the film. */
  stream: string[];
  free: string[];
  ads: string[];
  rent: string[];
  buy: string[];
}

/** A card's data for one item, with URLs resolved for display and providers for one region. */
export interface ItemCard {
  /** Absent for a card made from the catalog's own columns. */
  tmdbId?: number;
  overview?: string;
  thumbUrl?: string;
  posterUrl?: string;
  backdropUrl?: string;
  runtime?: number;
  trailerUrl?: string;
  /** The region `watch` is for. */
  region?: string;
  watch?: WatchProviders;
  adult?: boolean;
  /** The item's page: TMDB's for the film, or the catalog's url column. */
  pageUrl?: string;
  /** Where the card's data came from (attribution). */
  source: 'tmdb' | 'catalog';
}
