/**
 * Facts for watch wishes ("on Netflix", "free to stream", "under 2 hours"): where an item streams in the
 * server's region and how long it runs, from TMDB (films this process has seen) or the catalog's own
 * `runtime` column. Before a list with such wishes, the top candidates' films are fetched (a short, bounded
 * wait), so that a first "on Netflix" has something to go on.
 */
import { extraValues, type CatalogItem } from '../domain/item.js';
import { foldService } from '../recsys/constraints-watch.js';
import { knowsRegion } from '../tmdb/memory.js';
import type { WatchFacts } from '../recsys/types.js';
import type { AppDeps } from './deps.js';

const RUNTIME_COLUMNS = ['runtime', 'minutes', 'length', 'duration'];

/** A runtime column in minutes ("112", "112 min", "1h 52m"). */
export function runtimeColumn(item: CatalogItem): number | undefined {
  for (const v of extraValues(item, RUNTIME_COLUMNS)) {
    const hm = /^\s*(\d+)\s*h(?:ours?)?\s*(?:(\d+)\s*m(?:in(?:utes?)?)?)?\s*$/i.exec(v);
    if (hm) return Number(hm[1]) * 60 + Number(hm[2] ?? 0);
    const m = /^\s*(\d+)\s*(?:m|min|mins|minutes)?\s*$/i.exec(v);
    if (m && Number(m[1]) > 0) return Number(m[1]);
  }
  return undefined;
}

/** Whether any facts can be had at all: TMDB configured, or a catalog with a runtime column (runtime wishes only). */
export function factsAvailable(d: AppDeps, items: readonly CatalogItem[], needsServices: boolean): boolean {
  if (d.tmdb?.enabled) return true;
  return !needsServices && items.slice(0, 200).some((it) => runtimeColumn(it) !== undefined);
}

/** The facts of an item in `region`, or undefined when nothing is known of it yet. */
export function watchFacts(d: AppDeps, item: CatalogItem, region: string): WatchFacts | undefined {
  const own = runtimeColumn(item);
  const movie = d.tmdb?.seen(item);
  if (!movie && own === undefined) return undefined;
  const runtime = own ?? movie?.runtime;
  const w = movie?.providers[region];
  const services = w ? [...w.stream, ...w.free, ...w.ads].map(foldService) : undefined;
  // Where it streams is unknown (not "nowhere") when memory holds the film without this region's providers.
  const whereKnown = movie !== undefined && knowsRegion(movie, region);
  return {
    ...(runtime !== undefined ? { runtime } : {}),
    ...(whereKnown ? { services: services ?? [], free: Boolean(w && (w.free.length || w.ads.length)) } : {}),
  };
}

/** Fetches the films of `items` (at most `waitMs`), so that their facts are known for the filter. */
export async function warmFacts(d: AppDeps, items: CatalogItem[], region: string, waitMs = 2_500): Promise<void> {
  if (d.tmdb?.enabled && items.length) await d.tmdb.cards(items, region, waitMs);
}
