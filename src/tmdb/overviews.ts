/**
 * TMDB overviews as item text: read from the enricher's cache in the store only (never fetched here, so
 * loading a catalog never waits on TMDB), and a cache wrapper that tells when a film with an overview lands
 * there (the engine then takes new ones in, batched). TMDB text stays in the store's cache, with its TTL.
 */
import type { CatalogItem } from '../domain/item.js';
import type { TmdbCache } from './enricher.js';
import { movieCacheKey, searchCacheKey, tmdbIdOf } from './ids.js';
import type { TmdbMovie } from './types.js';

export interface OverviewStore {
  getMany<T>(keys: readonly string[]): Promise<(T | undefined)[]>;
}

type Cached<T> = { v: T } | { missing: true };

/** Keys per store round trip. */
const BATCH = 1_000;

async function getAll<T>(store: OverviewStore, keys: string[]): Promise<(T | undefined)[]> {
  const out: (T | undefined)[] = [];
  for (let i = 0; i < keys.length; i += BATCH) out.push(...(await store.getMany<T>(keys.slice(i, i + BATCH))));
  return out;
}

export class TmdbOverviews {
  constructor(private readonly store: OverviewStore) {}

  /** Item id -> the overview of its film, for the items whose film is cached with one. */
  async overviews(items: readonly CatalogItem[]): Promise<Map<string, string>> {
    const filmOf = new Map<string, number>();
    const searched: CatalogItem[] = [];
    for (const it of items) {
      const id = tmdbIdOf(it);
      if (id === undefined) searched.push(it);
      else filmOf.set(it.id, id);
    }
    // items without a TMDB column: the film a title search found, when one was cached
    const found = await getAll<Cached<number>>(this.store, searched.map(searchCacheKey));
    found.forEach((hit, k) => {
      if (hit && 'v' in hit && typeof hit.v === 'number') filmOf.set(searched[k].id, hit.v);
    });
    const ids = [...new Set(filmOf.values())];
    const films = await getAll<Cached<TmdbMovie>>(this.store, ids.map(movieCacheKey));
    const overviewOf = new Map<number, string>();
    films.forEach((f, k) => {
      const text = f && 'v' in f ? f.v.overview?.trim() : undefined;
      if (text) overviewOf.set(ids[k], text);
    });
    const out = new Map<string, string>();
    for (const [item, film] of filmOf) {
      const text = overviewOf.get(film);
      if (text) out.set(item, text);
    }
    return out;
  }

  /** `cache` as the enricher writes through it: `onNew()` after each film cached with an overview. */
  static watching(cache: TmdbCache, onNew: () => void): TmdbCache {
    return {
      get: (key) => cache.get(key),
      set: async (key, value, ttlMs) => {
        await cache.set(key, value, ttlMs);
        const film = value as Partial<Cached<Partial<TmdbMovie>>> | undefined;
        if (key.startsWith('tmdb:movie:') && film && 'v' in film && film.v?.overview) onNew();
      },
    };
  }
}
