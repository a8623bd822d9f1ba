import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../../src/catalog/parse.js';
import { catalogToCsv, catalogToJson, csvValue } from '../../../src/catalog/serialise.js';
import type { CatalogItem } from '../../../src/domain/item.js';
import { enc } from './corpus.js';

const items: CatalogItem[] = [
  { id: '1', title: 'Heat', year: 1995, tags: ['Crime', 'Drama'], description: 'A "heist",\nin LA.\n\nThe end', url: 'https://example.com/heat' },
  { id: 't-abc', title: '  leading? no: "quoted", commas; semis | pipes', imageUrl: 'https://img.example.com/x.jpg', extra: { Director: 'Michael Mann', 'odd, key': 'v' } },
  { id: '3', title: '@everyone Ünïcödé 千と千尋', extra: { Director: '=1+1' } },
  { id: '4', title: 'Nineteen Eighty-Four (1984)', year: 1956 },
  { id: '5', title: 'x' },
];

describe('catalog export', () => {
  it('GIVEN parsed items THEN CSV export re-imports to the same items', () => {
    const first = parseCatalog(enc(catalogToCsv(items)), {}).items;
    // parsing trims titles; after that, export -> parse is exact
    expect(first[1].title).toBe('leading? no: "quoted", commas; semis | pipes');
    const csv = catalogToCsv(first);
    const again = parseCatalog(enc(csv), { filename: 'export.csv' });
    expect(again.errors).toEqual([]);
    expect(again.items).toEqual(first);
    expect(first.map((i) => i.id)).toEqual(items.map((i) => i.id));
    expect(first[0]).toEqual(items[0]);
  });

  it('GIVEN a realistic file THEN parse -> CSV -> parse and parse -> JSON -> parse are identities', () => {
    const src = enc('movieId,title,genres,Director\n1,Toy Story (1995),Adventure|Animation,Lasseter\n2,"Matrix, The (1999)",Sci-Fi,\n3,No Year,,"a ""b"""\n');
    const parsed = parseCatalog(src, {}).items;
    expect(parseCatalog(enc(catalogToCsv(parsed, { bom: false })), {}).items).toEqual(parsed);
    expect(parseCatalog(enc(catalogToJson(parsed)), {}).items).toEqual(parsed);
  });

  it('GIVEN values needing quotes THEN they are quoted as RFC 4180 says', () => {
    expect(csvValue('plain')).toBe('plain');
    expect(csvValue('a,b')).toBe('"a,b"');
    expect(csvValue('say "hi"')).toBe('"say ""hi"""');
    expect(csvValue('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvValue(' edge')).toBe('" edge"');
    expect(csvValue('')).toBe('');
  });

  it('GIVEN the default options THEN the CSV starts with a BOM and ends lines with CRLF', () => {
    const csv = catalogToCsv([{ id: '1', title: 'A' }]);
    expect(csv).toBe('\ufeffid,title,year,description,tags,url,image_url\r\n1,A,,,,,\r\n');
  });
});
