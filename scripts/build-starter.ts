/**
 * Builds data/starter-movies.csv from MovieLens ml-latest-small: id (ml-{movieId}), title without year,
 * year, tags (genres + the most used user tags, `|`-separated), description (empty), tmdb (the film's TMDB id from
 * MovieLens' links.csv, so that a bot with TMDB_API_KEY can fetch posters and overviews), and copies
 * MovieLens' README.txt (its licence) to data/MOVIELENS-LICENSE.txt.
 * Usage: npx tsx scripts/build-starter.ts [ML_DIR] [OUT_DIR]
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findMovieLensDir, loadMovieLens } from '../eval/load.js';

const MAX_TAGS = 8;

export function splitTitle(raw: string): { title: string; year?: number } {
  const m = /^(.*?)\s*\((\d{4})(?:[-–]\d{0,4})?\)\s*$/.exec(raw.trim());
  if (!m) return { title: raw.trim() };
  return { title: m[1].trim(), year: Number(m[2]) };
}

/** MovieLens keeps leading articles at the end ("Matrix, The"): move them back to the front. */
export function fixArticle(title: string): string {
  const m = /^(.*), (The|A|An|Les|La|Le|L'|Il|Das|Der|Die|El|Los|Las)$/.exec(title);
  if (!m) return title;
  return m[2].endsWith("'") ? `${m[2]}${m[1]}` : `${m[2]} ${m[1]}`;
}

function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** movieId -> tmdbId from MovieLens' links.csv (absent file or cell: no id). */
export function readTmdbLinks(mlDir: string): Map<string, string> {
  const out = new Map<string, string>();
  const file = join(mlDir, 'links.csv');
  if (!existsSync(file)) return out;
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/).slice(1)) {
    const [movieId, , tmdbId] = line.split(',');
    if (movieId && tmdbId && /^\d+$/.test(tmdbId.trim())) out.set(movieId.trim(), tmdbId.trim());
  }
  return out;
}

export function buildStarterCsv(mlDir: string): { csv: string; rows: number } {
  const ds = loadMovieLens(mlDir);
  const links = readTmdbLinks(mlDir);
  const lines = ['id,title,year,tags,description,tmdb'];
  for (const m of ds.movies.values()) {
    const { title, year } = splitTitle(m.title);
    const tags: string[] = [];
    for (const t of [...m.genres, ...m.tags.slice(0, MAX_TAGS)]) {
      const clean = t.replaceAll('|', ' ').trim();
      if (clean && !tags.some((x) => x.toLowerCase() === clean.toLowerCase())) tags.push(clean);
    }
    lines.push([`ml-${m.id}`, fixArticle(title), year ? String(year) : '', tags.join('|'), '', links.get(m.id) ?? ''].map(csvField).join(','));
  }
  return { csv: lines.join('\n') + '\n', rows: lines.length - 1 };
}

function main(): void {
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const src = resolve(process.argv[2] ?? join(repo, '../shared/data/ml-latest-small'));
  const out = resolve(process.argv[3] ?? join(repo, 'data'));
  const dir = findMovieLensDir(src);
  if (!dir) throw new Error(`no MovieLens data in ${src}`);
  const { csv, rows } = buildStarterCsv(dir);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'starter-movies.csv'), csv);
  writeFileSync(join(out, 'MOVIELENS-LICENSE.txt'), readFileSync(join(dir, 'README.txt')));
  process.stderr.write(`wrote ${rows} movies (${csv.length} bytes) to ${join(out, 'starter-movies.csv')}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
