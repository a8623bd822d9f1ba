import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { RatingTriple } from '../src/recsys/models/types.js';

/** One movie as the eval sees it. */
export interface MovieInfo {
  id: string;
  title: string;
  genres: string[];
  /** User tags, most used first. */
  tags: string[];
}

export interface MovieLensData {
  name: string;
  format: 'csv' | 'ml-100k' | 'ml-1m';
  ratings: RatingTriple[];
  movies: Map<string, MovieInfo>;
}

const ML100K_GENRES = [
  'unknown', 'Action', 'Adventure', 'Animation', "Children's", 'Comedy', 'Crime', 'Documentary', 'Drama',
  'Fantasy', 'Film-Noir', 'Horror', 'Musical', 'Mystery', 'Romance', 'Sci-Fi', 'Thriller', 'War', 'Western',
];

type Format = MovieLensData['format'];

function formatOf(dir: string): Format | undefined {
  if (existsSync(join(dir, 'ratings.csv')) && existsSync(join(dir, 'movies.csv'))) return 'csv';
  if (existsSync(join(dir, 'u.data')) && existsSync(join(dir, 'u.item'))) return 'ml-100k';
  if (existsSync(join(dir, 'ratings.dat')) && existsSync(join(dir, 'movies.dat'))) return 'ml-1m';
  return undefined;
}

/** The MovieLens folder at `dir`, or inside it (one or two levels down; ml-latest-small preferred). */
export function findMovieLensDir(dir: string): string | undefined {
  if (formatOf(dir)) return dir;
  const queue: Array<[string, number]> = [[dir, 0]];
  const found: string[] = [];
  while (queue.length > 0) {
    const [d, depth] = queue.shift()!;
    let names: string[] = [];
    try {
      names = readdirSync(d).sort();
    } catch {
      continue;
    }
    for (const n of names) {
      const p = join(d, n);
      if (!statSync(p).isDirectory()) continue;
      if (formatOf(p)) found.push(p);
      else if (depth < 1) queue.push([p, depth + 1]);
    }
  }
  return found.find((p) => basename(p) === 'ml-latest-small') ?? found[0];
}

function csvRows(path: string): string[][] {
  const rows = parse(readFileSync(path, 'utf8'), { relax_column_count: true, skip_empty_lines: true }) as string[][];
  return rows.slice(1);
}

function titleOnly(title: string): string {
  return title.trim();
}

function loadCsv(dir: string): Pick<MovieLensData, 'ratings' | 'movies'> {
  const movies = new Map<string, MovieInfo>();
  for (const [id, title, genres] of csvRows(join(dir, 'movies.csv'))) {
    const g = genres && genres !== '(no genres listed)' ? genres.split('|') : [];
    movies.set(id, { id, title: titleOnly(title ?? ''), genres: g, tags: [] });
  }
  // ratings.csv is large and has no quoted fields: split lines directly (fast)
  const ratings: RatingTriple[] = [];
  const text = readFileSync(join(dir, 'ratings.csv'), 'utf8');
  const lines = text.split('\n');
  for (let l = 1; l < lines.length; l++) {
    const line = lines[l].trim();
    if (!line) continue;
    const [user, item, value, at] = line.split(',');
    ratings.push({ user, item, value: Number(value), at: Number(at) });
  }
  const tagPath = join(dir, 'tags.csv');
  if (existsSync(tagPath)) {
    const counts = new Map<string, Map<string, number>>();
    for (const [, item, tag] of csvRows(tagPath)) {
      const t = (tag ?? '').trim().toLowerCase();
      if (!t || !movies.has(item)) continue;
      let m = counts.get(item);
      if (!m) counts.set(item, (m = new Map()));
      m.set(t, (m.get(t) ?? 0) + 1);
    }
    for (const [item, m] of counts) {
      movies.get(item)!.tags = [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([t]) => t);
    }
  }
  return { ratings, movies };
}

function loadMl100k(dir: string): Pick<MovieLensData, 'ratings' | 'movies'> {
  let genreNames = ML100K_GENRES;
  const genrePath = join(dir, 'u.genre');
  if (existsSync(genrePath)) {
    const names = readFileSync(genrePath, 'latin1').split('\n').filter((l) => l.includes('|')).map((l) => l.split('|')[0]);
    if (names.length > 0) genreNames = names;
  }
  const movies = new Map<string, MovieInfo>();
  for (const line of readFileSync(join(dir, 'u.item'), 'latin1').split('\n')) {
    if (!line.trim()) continue;
    const f = line.split('|');
    const flags = f.slice(5);
    const genres = genreNames.filter((g, i) => flags[i] === '1' && g !== 'unknown');
    movies.set(f[0], { id: f[0], title: titleOnly(f[1] ?? ''), genres, tags: [] });
  }
  const ratings: RatingTriple[] = [];
  for (const line of readFileSync(join(dir, 'u.data'), 'latin1').split('\n')) {
    if (!line.trim()) continue;
    const [user, item, value, at] = line.trim().split('\t');
    ratings.push({ user, item, value: Number(value), at: Number(at) });
  }
  return { ratings, movies };
}

function loadMl1m(dir: string): Pick<MovieLensData, 'ratings' | 'movies'> {
  const movies = new Map<string, MovieInfo>();
  for (const line of readFileSync(join(dir, 'movies.dat'), 'latin1').split('\n')) {
    if (!line.trim()) continue;
    const [id, title, genres] = line.trim().split('::');
    movies.set(id, { id, title: titleOnly(title ?? ''), genres: genres ? genres.split('|') : [], tags: [] });
  }
  const ratings: RatingTriple[] = [];
  for (const line of readFileSync(join(dir, 'ratings.dat'), 'latin1').split('\n')) {
    if (!line.trim()) continue;
    const [user, item, value, at] = line.trim().split('::');
    ratings.push({ user, item, value: Number(value), at: Number(at) });
  }
  return { ratings, movies };
}

/** Loads MovieLens from `dir` (or the MovieLens folder inside it), detecting the format from the files. */
export function loadMovieLens(dir: string): MovieLensData {
  const found = findMovieLensDir(dir);
  if (!found) throw new Error(`no MovieLens data in ${dir} (expected ratings.csv+movies.csv, u.data+u.item, or ratings.dat+movies.dat); pass --data DIR with a MovieLens folder such as ml-latest-small`);
  const format = formatOf(found)!;
  const body = format === 'csv' ? loadCsv(found) : format === 'ml-100k' ? loadMl100k(found) : loadMl1m(found);
  for (const r of body.ratings) {
    if (!Number.isFinite(r.value)) throw new Error(`bad rating value in ${found}: ${JSON.stringify(r)}`);
  }
  return { name: basename(found), format, ...body };
}

/** Overviews by movieId from a CSV with columns movieId, ..., overview (e.g. ml_latest_small_tmdb_overviews.csv). */
export function loadOverviews(path: string): Map<string, string> {
  const rows = parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
  const out = new Map<string, string>();
  for (const r of rows) {
    const id = r.movieId;
    if (!id) continue;
    const parts = [r.overview, r.tagline, r.keywords?.replaceAll('|', ', ')].filter((s) => s && s.trim());
    if (parts.length > 0) out.set(id, parts.join(' '));
  }
  return out;
}
