import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildStarterCsv, fixArticle, splitTitle } from '../../../scripts/build-starter.js';

const FIX = join(import.meta.dirname, '../../fixtures/movielens');

describe('starter catalog builder', () => {
  it('GIVEN MovieLens titles THEN the year is split off and trailing articles move to the front', () => {
    expect(splitTitle('Heat (1995)')).toEqual({ title: 'Heat', year: 1995 });
    expect(splitTitle('Babylon 5')).toEqual({ title: 'Babylon 5' });
    expect(fixArticle('Matrix, The')).toBe('The Matrix');
  });

  it('GIVEN the fixture THEN every movie becomes one row with an ml- id, genres and tags', () => {
    const { csv, rows } = buildStarterCsv(FIX);
    const recs = parse(csv, { columns: true }) as Array<Record<string, string>>;
    expect(recs).toHaveLength(rows);
    expect(Object.keys(recs[0])).toEqual(['id', 'title', 'year', 'tags', 'description', 'tmdb']);
    const toy = recs.find((r) => r.id === 'ml-1');
    expect(toy?.title).toBe('Toy Story');
    expect(toy?.year).toBe('1995');
    expect(toy?.tags.split('|')).toContain('Animation');
    // MovieLens' links.csv gives each film its TMDB id, so a bot with TMDB_API_KEY can fetch its card.
    expect(toy?.tmdb).toBe('862');
  });
});
