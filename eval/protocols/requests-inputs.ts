import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { parseCatalog } from '../../src/catalog/parse.js';
import type { CatalogItem } from '../../src/domain/item.js';
import { fnv1a } from '../../src/embed/tokenize.js';
import type { CatalogName, RequestsOptions } from './requests-types.js';
import { starterWithOverviews } from './requests-overviews.js';

/** The `requests` protocol's inputs: keyword requests from the TMDB file, and the catalogs they run over (requests.ts). */

export interface KeywordRequest {
  keyword: string;
  text: string;
  relevant: Set<string>;
  half: 'tune' | 'heldOut';
}

/** The fixed split: a keyword is in the tune half when its hash is even. */
export function keywordHalf(keyword: string): 'tune' | 'heldOut' {
  return fnv1a(keyword) % 2 === 0 ? 'tune' : 'heldOut';
}

/** A joined movie's TMDB title and overview apart (the `overviews` catalog joins them into one text). */
export interface OverviewParts {
  id: string;
  title: string;
  overview: string;
}

export function loadRequestInputs(opts: RequestsOptions): {
  catalogs: Record<CatalogName, CatalogItem[]>;
  overviewParts: OverviewParts[];
  requests: KeywordRequest[];
  joined: number;
} {
  const parsed = parseCatalog(readFileSync(opts.starter), { filename: 'starter-movies.csv' });
  if (parsed.items.length === 0) throw new Error(`no items in ${opts.starter}: ${parsed.errors[0]?.message ?? ''}`);
  const starter = new Map(parsed.items.map((i) => [i.id, i]));
  const rows = parse(readFileSync(opts.overviews, 'utf8'), { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
  const overviewItems: CatalogItem[] = [];
  const overviewParts: OverviewParts[] = [];
  const byKeyword = new Map<string, Set<string>>();
  const seen = new Set<string>();
  for (const r of rows) {
    const id = `ml-${r.movieId}`;
    const overview = (r.overview ?? '').trim();
    if (!starter.has(id) || !overview || seen.has(id)) continue;
    seen.add(id);
    const title = (r.tmdb_title || r.ml_title || '').trim();
    overviewItems.push({ id, title: `${title}. ${overview}` });
    overviewParts.push({ id, title, overview });
    for (const kw of (r.keywords ?? '').split('|')) {
      const k = kw.trim().toLowerCase();
      if (!k) continue;
      let s = byKeyword.get(k);
      if (!s) byKeyword.set(k, (s = new Set()));
      s.add(id);
    }
  }
  const minMovies = opts.minMovies ?? 15;
  const requests = [...byKeyword]
    .filter(([, s]) => s.size >= minMovies)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([keyword, relevant]) => ({ keyword, text: `movies about ${keyword}`, relevant, half: keywordHalf(keyword) }));
  const joinedStarter = [...seen].map((id) => starter.get(id)!);
  return {
    catalogs: { starter: joinedStarter, 'starter-all': parsed.items, overviews: overviewItems, 'starter+overviews': starterWithOverviews(joinedStarter, rows) },
    overviewParts,
    requests,
    joined: seen.size,
  };
}
