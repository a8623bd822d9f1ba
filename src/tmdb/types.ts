import type { WatchProviders } from '../domain/card.js';

export type { ItemCard, WatchProviders } from '../domain/card.js';

/**
 * What the bot keeps of a TMDB movie: the parts a card shows, compact enough to cache per film for every
 * server. TMDB data lives only in the store's cache (with a TTL), never in the repository.
 */

export interface TmdbMovie {
  tmdbId: number;
  title?: string;
  overview?: string;
  /** Image paths as TMDB gives them ("/abc.jpg"); turned into URLs with the images configuration. */
  posterPath?: string;
  backdropPath?: string;
  runtime?: number;
  /** YouTube key of the best trailer (official, English, "Trailer" before "Teaser"). */
  trailerKey?: string;
  adult?: boolean;
  /** Region code (ISO 3166-1, "US") -> where to watch it there. */
  providers: Record<string, WatchProviders>;
  /** In memory only: the regions whose providers were kept (absent: every region TMDB gave). */
  regionsKept?: readonly string[];
}

/** The images configuration (`GET /configuration`): where image paths live and in which sizes. */
export interface ImageConfig {
  baseUrl: string;
  posterSizes: string[];
  backdropSizes: string[];
}
