import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../../src/catalog/parse.js';
import { stableItemId } from '../../../src/catalog/id.js';
import { enc } from './corpus.js';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/catalog/${name}`, import.meta.url)));

describe('parseCatalog on well-formed files', () => {
  it('GIVEN a MovieLens movies.csv excerpt THEN years come out of the titles and genres become tags', () => {
    const res = parseCatalog(fixture('movielens-movies.csv'), { filename: 'movies.csv' });
    expect(res.errors).toEqual([]);
    expect(res.items.map((i) => [i.id, i.title, i.year])).toEqual([
      ['1', 'Toy Story', 1995],
      ['2', 'Jumanji', 1995],
      ['11', 'American President, The', 1995],
      ['29', 'City of Lost Children, The (Cité des enfants perdus, La)', 1995],
      ['108583', 'Fawlty Towers', 1975],
      ['176601', 'Black Mirror', undefined],
    ]);
    expect(res.items[0].tags).toEqual(['Adventure', 'Animation', 'Children', 'Comedy', 'Fantasy']);
    expect(res.items[5].tags).toBeUndefined();
  });

  it('GIVEN headers in other case, with aliases, spaces and a semicolon delimiter THEN every field is found', () => {
    const text = '  ITEM_ID ;Name;Overview;Genres;Keywords;Release Date;Homepage;Poster URL;Director\n' +
      'a1;Heat;A heist.;Crime, Drama;heist;1995-12-15;https://example.com/heat;https://img.example.com/h.jpg;Michael Mann\n';
    const res = parseCatalog(enc(text), {});
    expect(res.errors).toEqual([]);
    expect(res.items).toEqual([
      {
        id: 'a1', title: 'Heat', description: 'A heist.', tags: ['Crime', 'Drama', 'heist'], year: 1995,
        url: 'https://example.com/heat', imageUrl: 'https://img.example.com/h.jpg', extra: { Director: 'Michael Mann' },
      },
    ]);
  });

  it('GIVEN both a year column and a "(1995)" title suffix THEN the suffix goes only when it agrees with the year', () => {
    const res = parseCatalog(enc('title,year\nHeat (1995),1995\nNineteen Eighty-Four (1984),1956\nRonin (1998),\n'), {});
    expect(res.items.map((i) => [i.title, i.year])).toEqual([
      ['Heat', 1995],
      ['Nineteen Eighty-Four (1984)', 1956],
      ['Ronin', 1998],
    ]);
  });

  it('GIVEN two columns for the same field THEN the better alias wins and the other is kept as extra with a warning', () => {
    const res = parseCatalog(enc('name,title,date,year\nN,T,2001-01-01,1999\n'), {});
    expect(res.items[0]).toMatchObject({ title: 'T', year: 1999, extra: { name: 'N', date: '2001-01-01' } });
    expect(res.warnings.filter((w) => w.code === 'csv.duplicate-column').map((w) => w.column)).toEqual(['name', 'date']);
  });

  it('GIVEN a JSON array with aliases, tag arrays and numeric ids THEN it reads like the CSV', () => {
    const json = JSON.stringify([{ movie_id: 5, Title: 'Heat', Genres: ['Crime', 'Drama'], release_year: '1995', rating: 8.3, flags: [1, 'x'] }]);
    const res = parseCatalog(enc(json), { filename: 'catalog.json' });
    expect(res.items).toEqual([{ id: '5', title: 'Heat', tags: ['Crime', 'Drama'], year: 1995, extra: { rating: '8.3', flags: '1, x' } }]);
  });

  it('GIVEN JSON Lines without a file name THEN the content picks the format and rows are line numbers', () => {
    const res = parseCatalog(enc('{"title":"A"}\n\n{"title":""}\n'), {});
    expect(res.items.map((i) => i.title)).toEqual(['A']);
    expect(res.errors).toMatchObject([{ row: 3, code: 'row.missing-title', column: 'title' }]);
    expect(res.errors[0].message).toMatch(/^Line 3, field 'title'/);
  });

  it('GIVEN a .json file that is really JSON Lines THEN it is read as JSON Lines', () => {
    const res = parseCatalog(enc('{"title":"A"}\n{"title":"B"}\n'), { filename: 'x.json' });
    expect(res.items.map((i) => i.title)).toEqual(['A', 'B']);
  });

  it('GIVEN a .tsv file THEN tabs separate the columns', () => {
    const res = parseCatalog(enc('title\tyear\nHeat, the movie\t1995\n'), { filename: 'x.tsv' });
    expect(res.items).toMatchObject([{ title: 'Heat, the movie', year: 1995 }]);
  });

  it('GIVEN items without ids THEN ids come from title and year and stay the same on re-upload', () => {
    const a = parseCatalog(enc('title,year\nThe Matrix,1999\n'), {}).items[0];
    const b = parseCatalog(enc('[{"title": "Matrix, The", "year": 1999}]'), {}).items[0];
    expect(a.id).toBe(b.id);
    expect(a.id).toBe(stableItemId('the matrix', 1999));
    expect(a.id).toMatch(/^t-[0-9a-f]{12}$/);
    expect(stableItemId('The Matrix', 2003)).not.toBe(a.id);
  });

  it('GIVEN custom limits THEN they apply', () => {
    const res = parseCatalog(enc('title\nA\nB\nC\n'), { limits: { maxItems: 2 } });
    expect(res.errors).toMatchObject([{ code: 'file.too-many-items', row: 0 }]);
    const small = parseCatalog(enc('title\nA\n'), { limits: { maxBytes: 4 } });
    expect(small.errors).toMatchObject([{ code: 'file.too-large' }]);
  });

  it('GIVEN decomposed accents and repeated spaces in a title THEN it is NFC and collapsed', () => {
    const res = parseCatalog(enc('title\n"  Ame\u0301lie   \t  Poulain "\n'), {});
    expect(res.items[0].title).toBe('Am\u00e9lie Poulain');
  });
});
