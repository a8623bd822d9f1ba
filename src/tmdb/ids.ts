import { extraValues, type CatalogItem } from '../domain/item.js';

/** Extra columns that carry an item's TMDB id, as a catalog may name them (the starter's is `tmdb`). */
const ID_COLUMNS = ['tmdb', 'tmdb_id', 'tmdbid', 'tmdb id'];

/** The item's TMDB id from its own columns, or undefined (then a title and year search may find it). */
export function tmdbIdOf(item: CatalogItem): number | undefined {
  return extraValues(item, ID_COLUMNS)
    .map(Number)
    .find((n) => Number.isSafeInteger(n) && n > 0);
}

/** The cache key of a title search: folded title and year. */
export function searchKey(item: CatalogItem): string {
  const t = item.title.normalize('NFKD').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return `${t}|${item.year ?? ''}`;
}

/** Store keys of the enricher's cache (`{ v }` or `{ missing: true }`): a film, and a title search's film id. */
export const movieCacheKey = (id: number): string => `tmdb:movie:${id}`;
export const searchCacheKey = (item: CatalogItem): string => `tmdb:search:${searchKey(item)}`;
