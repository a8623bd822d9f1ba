import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseImport } from '../../../src/catalog/import.js';
import { parseRating } from '../../../src/catalog/import-values.js';
import { enc } from './corpus.js';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/catalog/${name}`, import.meta.url)));
const clock = () => Date.UTC(2024, 5, 1);
const day = (s: string) => Date.parse(`${s}T00:00:00Z`);

describe('parseImport', () => {
  it('GIVEN a Letterboxd diary THEN watched dates, ratings and row errors come out', () => {
    const res = parseImport(fixture('letterboxd-diary.csv'), { filename: 'diary.csv', clock });
    expect(res.format).toBe('letterboxd');
    expect(res.rows).toEqual([
      { row: 2, title: 'Heat', year: 1995, rating: 4.5, watchedAt: day('2024-01-02') },
      { row: 3, title: 'Crouching Tiger, Hidden Dragon', year: 2000, watchedAt: day('2024-01-05') },
    ]);
    expect(res.errors).toMatchObject([
      { row: 4, column: 'Rating', code: 'import.bad-rating' },
      { row: 5, column: 'Watched Date', code: 'import.bad-date' },
    ]);
    expect(res.errors[0].message).toBe("Row 4 (line 4), column 'Rating': '7' is not a rating from 0.5 to 5.");
  });

  it('GIVEN a Letterboxd watched.csv THEN rows have no rating and the Date column is used', () => {
    const res = parseImport(enc('Date,Name,Year,Letterboxd URI\n2023-02-01,Alien,1979,https://boxd.it/2a\n'), { clock });
    expect(res).toEqual({ format: 'letterboxd', rows: [{ row: 2, title: 'Alien', year: 1979, watchedAt: day('2023-02-01') }], errors: [] });
  });

  it('GIVEN an IMDb ratings export THEN 1-10 ratings become halves of 0.5-5', () => {
    const res = parseImport(fixture('imdb-ratings.csv'), { clock });
    expect(res.format).toBe('imdb');
    expect(res.rows.map((r) => [r.title, r.year, r.rating, r.watchedAt])).toEqual([
      ['Heat', 1995, 4.5, day('2023-05-01')],
      ['Ronin', 1998, 3.5, day('2023-05-02')],
      ['Tron', 1982, 0.5, day('2023-05-03')],
    ]);
    expect(res.errors).toMatchObject([{ row: 5, column: 'Your Rating', code: 'import.bad-rating' }]);
  });

  it('GIVEN a plain CSV THEN title, year from the title, rating and date are read', () => {
    const text = 'Title,Rating,Watched\nHeat (1995),4,2024-01-01\nRonin,★★★½,\nTron,3.7,2030-01-01\n,3,\nAlien,six,2024-02-30\n';
    const res = parseImport(enc(text), { clock });
    expect(res.format).toBe('csv');
    expect(res.rows).toEqual([
      { row: 2, title: 'Heat', year: 1995, rating: 4, watchedAt: day('2024-01-01') },
      { row: 3, title: 'Ronin', rating: 3.5 },
    ]);
    expect(res.errors.map((e) => [e.row, e.code])).toEqual([
      [4, 'import.bad-date'],
      [5, 'row.missing-title'],
      [6, 'import.bad-rating'],
      [6, 'import.bad-date'],
    ]);
    expect(res.errors[0].message).toContain('is in the future');
  });

  it('GIVEN a file with no title column THEN the whole file is refused with the formats it could be', () => {
    const res = parseImport(enc('foo,bar\n1,2\n'), {});
    expect(res.errors).toMatchObject([{ row: 0, code: 'import.unknown-format' }]);
    expect(res.errors[0].message).toContain('Letterboxd');
  });

  it('GIVEN the Letterboxd format asked for an IMDb file THEN it says the file is not a Letterboxd export', () => {
    const res = parseImport(fixture('imdb-ratings.csv'), { format: 'letterboxd' });
    expect(res.errors).toMatchObject([{ row: 0, code: 'import.wrong-format' }]);
  });

  it('GIVEN a zipped Letterboxd export or non-UTF-8 bytes THEN the file-level error explains it', () => {
    expect(parseImport(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2]), {}).errors[0].code).toBe('file.binary');
    expect(parseImport(Uint8Array.from([0x4e, 0x61, 0x6d, 0x65, 0x0a, 0xe9]), {}).errors[0].code).toBe('file.encoding');
  });

  it.each([
    ['4', 5, 4], ['4.5', 5, 4.5], ['4,5', 5, 4.5], ['3.2', 5, 3], ['0', 5, undefined], ['5.5', 5, undefined],
    ['½', 5, 0.5], ['★★★★★', 5, 5], ['10', 10, 5], ['1', 10, 0.5], ['7.5', 10, undefined], ['0', 10, undefined],
  ] as const)('GIVEN rating %j on a %i scale THEN it is %j', (text, scale, expected) => {
    expect(parseRating(text, scale)).toBe(expected);
  });
});
