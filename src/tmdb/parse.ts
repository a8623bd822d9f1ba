/**
 * TMDB's JSON (`/movie/{id}?append_to_response=videos,watch/providers`, `/configuration`,
 * `/search/movie`) read defensively into the compact shapes of types.ts: a field of the wrong type is
 * left out, never trusted.
 */
import type { ImageConfig, TmdbMovie, WatchProviders } from './types.js';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function names(v: unknown): string[] {
  return arr(v)
    .map(obj)
    .filter((p): p is Json => p !== undefined)
    .sort((a, b) => (num(a.display_priority) ?? 999) - (num(b.display_priority) ?? 999))
    .map((p) => str(p.provider_name))
    .filter((n): n is string => n !== undefined);
}

function providers(v: unknown): Record<string, WatchProviders> {
  const results = obj(obj(v)?.results) ?? {};
  const out: Record<string, WatchProviders> = {};
  for (const [region, raw] of Object.entries(results)) {
    const r = obj(raw);
    if (!r || !/^[A-Z]{2}$/.test(region)) continue;
    out[region] = {
      ...(str(r.link) ? { link: str(r.link) } : {}),
      stream: names(r.flatrate),
      free: names(r.free),
      ads: names(r.ads),
      rent: names(r.rent),
      buy: names(r.buy),
    };
  }
  return out;
}

/** The best trailer: YouTube only; Trailer over Teaser; official and English first. */
function trailerKey(v: unknown): string | undefined {
  const rank = (x: Json) => (x.type === 'Trailer' ? 0 : 4) + (x.official === true ? 0 : 2) + (x.iso_639_1 === 'en' ? 0 : 1);
  const videos = arr(obj(v)?.results)
    .map(obj)
    .filter((x): x is Json => x !== undefined && x.site === 'YouTube' && (x.type === 'Trailer' || x.type === 'Teaser') && /^[\w-]{6,20}$/.test(String(x.key ?? '')))
    .sort((a, b) => rank(a) - rank(b));
  return videos.length ? String(videos[0].key) : undefined;
}

export function parseMovie(body: unknown): TmdbMovie | undefined {
  const m = obj(body);
  const id = num(m?.id);
  if (!m || id === undefined) return undefined;
  const runtime = num(m.runtime);
  const out: TmdbMovie = { tmdbId: id, providers: providers(m['watch/providers']) };
  if (str(m.title)) out.title = str(m.title);
  if (str(m.overview)) out.overview = str(m.overview);
  if (str(m.poster_path)) out.posterPath = str(m.poster_path);
  if (str(m.backdrop_path)) out.backdropPath = str(m.backdrop_path);
  if (runtime && runtime > 0) out.runtime = runtime;
  const t = trailerKey(m.videos);
  if (t) out.trailerKey = t;
  if (m.adult === true) out.adult = true;
  return out;
}

export function parseImageConfig(body: unknown): ImageConfig | undefined {
  const images = obj(obj(body)?.images);
  const baseUrl = str(images?.secure_base_url) ?? str(images?.base_url);
  if (!images || !baseUrl) return undefined;
  const sizes = (v: unknown) => arr(v).filter((s): s is string => typeof s === 'string');
  return { baseUrl, posterSizes: sizes(images.poster_sizes), backdropSizes: sizes(images.backdrop_sizes) };
}

/** `/search/movie` results: the TMDB id of the best match for a title and year (year within one), or undefined. */
export function pickSearchResult(body: unknown, year?: number): number | undefined {
  const results = arr(obj(body)?.results).map(obj).filter((r): r is Json => r !== undefined && num(r.id) !== undefined);
  const yearOf = (r: Json) => Number(String(r.release_date ?? '').slice(0, 4)) || undefined;
  const fits = year === undefined ? results : results.filter((r) => { const y = yearOf(r); return y !== undefined && Math.abs(y - year) <= 1; });
  return fits.length ? num(fits[0].id) : undefined;
}
