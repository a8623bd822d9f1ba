/**
 * The `requests` protocol's catalog `starter+overviews`: the joined movies as the starter catalog has them,
 * with the overview TMDB has for each one's `tmdb` id merged in as the bot does it once TMDB's overviews are
 * cached (`mergeOverviews` of src/engine/item-text.ts: the same trimming and cut, embedded through `itemText`).
 * The TMDB file stands in for what TMDB would return; it is read from ../shared and never written anywhere.
 */
import type { CatalogItem } from '../../src/domain/item.js';
import { mergeOverviews } from '../../src/engine/item-text.js';
import { tmdbIdOf } from '../../src/tmdb/ids.js';

/** `items` with the overviews of the TMDB file's rows, joined by TMDB id (the starter's `tmdb` column), else by MovieLens id. */
export function starterWithOverviews(items: CatalogItem[], rows: ReadonlyArray<Record<string, string>>): CatalogItem[] {
  const byTmdb = new Map<number, string>();
  const byMovie = new Map<string, string>();
  for (const r of rows) {
    const overview = (r.overview ?? '').trim();
    if (!overview) continue;
    const tmdb = Number(r.tmdbId);
    if (Number.isSafeInteger(tmdb) && tmdb > 0 && !byTmdb.has(tmdb)) byTmdb.set(tmdb, overview);
    if (!byMovie.has(`ml-${r.movieId}`)) byMovie.set(`ml-${r.movieId}`, overview);
  }
  const found = new Map<string, string>();
  for (const it of items) {
    const id = tmdbIdOf(it);
    const text = (id !== undefined ? byTmdb.get(id) : undefined) ?? byMovie.get(it.id);
    if (text) found.set(it.id, text);
  }
  return mergeOverviews(items, found);
}
