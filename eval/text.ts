import type { MovieInfo } from './load.js';

/** The text embedded for a movie: title, genres, most used tags, and an overview when one is given. */
export function movieText(m: MovieInfo, overview?: string, maxTags = 10): string {
  const parts = [m.title, m.genres.join(', ')];
  if (m.tags.length > 0) parts.push(m.tags.slice(0, maxTags).join(', '));
  if (overview) parts.push(overview);
  return parts.filter((p) => p).join('. ');
}
