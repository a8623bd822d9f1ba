import type { ImageConfig, ItemCard, TmdbMovie } from './types.js';

/** The size nearest `want` pixels wide among the configured ones ("w185"), or the first. */
function size(sizes: string[], want: number): string {
  const widths = sizes.map((s) => ({ s, w: Number(s.slice(1)) })).filter((x) => x.s.startsWith('w') && Number.isFinite(x.w));
  if (!widths.length) return sizes[0] ?? 'original';
  return widths.reduce((a, b) => (Math.abs(b.w - want) < Math.abs(a.w - want) ? b : a)).s;
}

/** A movie as a card for one region: image URLs from the images configuration, providers of the region. */
export function toCard(m: TmdbMovie, images: ImageConfig | undefined, region: string): ItemCard {
  const img = (path: string | undefined, sizes: string[] | undefined, want: number) =>
    path && images ? `${images.baseUrl.replace(/\/+$/, '')}/${size(sizes ?? [], want)}${path}` : undefined;
  const card: ItemCard = { tmdbId: m.tmdbId, region, pageUrl: `https://www.themoviedb.org/movie/${m.tmdbId}`, source: 'tmdb' };
  const thumb = img(m.posterPath, images?.posterSizes, 185);
  const poster = img(m.posterPath, images?.posterSizes, 500);
  const backdrop = img(m.backdropPath, images?.backdropSizes, 780);
  if (m.overview) card.overview = m.overview;
  if (thumb) card.thumbUrl = thumb;
  if (poster) card.posterUrl = poster;
  if (backdrop) card.backdropUrl = backdrop;
  if (m.runtime) card.runtime = m.runtime;
  if (m.trailerKey) card.trailerUrl = `https://www.youtube.com/watch?v=${m.trailerKey}`;
  if (m.providers[region]) card.watch = m.providers[region];
  if (m.adult) card.adult = true;
  return card;
}
