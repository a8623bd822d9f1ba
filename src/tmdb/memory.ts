/**
 * What the enricher keeps of a film in memory, for the synchronous facts of the filters: the providers of
 * the regions asked so far only (the store's cache keeps every region, so a server that changes region
 * finds them there on its next lookup), and an estimate of its bytes for the LRU's byte limit.
 */
import type { TmdbMovie } from './types.js';

/** The film with the providers of `regions` only (a list shared by every film kept with the same regions). */
export function forRegions(m: TmdbMovie, regions: readonly string[]): TmdbMovie {
  const providers: TmdbMovie['providers'] = {};
  for (const r of regions) if (m.providers[r]) providers[r] = m.providers[r];
  return { ...m, providers, regionsKept: regions };
}

/** Whether the film's providers for `region` are known (kept in memory, or it was never trimmed). */
export function knowsRegion(m: TmdbMovie, region: string): boolean {
  return !m.regionsKept || m.regionsKept.includes(region);
}

/** Rough bytes of a film in memory (UTF-16 strings plus object overhead), for `LRUCache`'s `sizeCalculation`. */
export function movieBytes(m: TmdbMovie): number {
  let chars = (m.title?.length ?? 0) + (m.overview?.length ?? 0) + (m.posterPath?.length ?? 0) + (m.backdropPath?.length ?? 0) + (m.trailerKey?.length ?? 0);
  let objects = 1;
  for (const w of Object.values(m.providers)) {
    objects += 6;
    chars += (w.link?.length ?? 0) + [...w.stream, ...w.free, ...w.ads, ...w.rent, ...w.buy].reduce((n, s) => n + s.length + 16, 0);
  }
  return 2 * chars + 64 * objects;
}
