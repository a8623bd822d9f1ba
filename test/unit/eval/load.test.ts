import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findMovieLensDir, loadMovieLens } from '../../../eval/load.js';

const FIX = join(import.meta.dirname, '../../fixtures/movielens');

describe('MovieLens loaders', () => {
  it('GIVEN the ml-latest-small CSV fixture THEN ratings, titles, genres and most-used tags load', () => {
    const d = loadMovieLens(FIX);
    expect(d.format).toBe('csv');
    expect(d.ratings.length).toBe(3257);
    const toy = d.movies.get('1');
    expect(toy?.title).toBe('Toy Story (1995)');
    expect(toy?.genres).toContain('Animation');
    expect(d.ratings.every((r) => r.value >= 0.5 && r.value <= 5 && Number.isFinite(r.at))).toBe(true);
    const tagged = [...d.movies.values()].filter((m) => m.tags.length > 0);
    expect(tagged.length).toBeGreaterThan(10);
  });

  it('GIVEN ml-100k files in Latin-1 THEN accented titles decode and genre flags become names', () => {
    const d = loadMovieLens(join(FIX, 'ml-100k'));
    expect(d.format).toBe('ml-100k');
    expect(d.movies.get('1')?.title).toBe('Café Society (1995)');
    expect(d.movies.get('3')?.title).toBe('Señor Ratón (1996)');
    expect(d.movies.get('2')?.genres).toEqual(['Animation']);
    expect(d.ratings).toHaveLength(5);
    expect(d.ratings[0]).toEqual({ user: '1', item: '1', value: 5, at: 881250949 });
  });

  it('GIVEN ml-1m files with :: separators in Latin-1 THEN they load', () => {
    const d = loadMovieLens(join(FIX, 'ml-1m'));
    expect(d.format).toBe('ml-1m');
    expect(d.movies.get('1')?.title).toBe('Amélie (2001)');
    expect(d.movies.get('2')?.genres).toEqual(['Action', 'Crime', 'Thriller']);
    expect(d.ratings).toHaveLength(3);
  });

  it('GIVEN a parent folder THEN the MovieLens folder inside is found', () => {
    expect(findMovieLensDir(join(FIX, '..'))).toBe(FIX);
    expect(() => loadMovieLens(join(FIX, '../..'))).not.toThrow();
  });

  it('GIVEN a folder with no MovieLens files THEN the error says what was expected', () => {
    expect(() => loadMovieLens(import.meta.dirname)).toThrow(/ratings\.csv/);
  });
});
