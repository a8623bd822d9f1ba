/** Malformed and hostile catalog uploads, with what parseCatalog must say about each. */
import type { ParseLimits } from '../../../src/catalog/types.js';

export const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const cat = (...parts: (Uint8Array | number[])[]): Uint8Array => Uint8Array.from(parts.flatMap((p) => Array.from(p)));

/** Deterministic bytes (xorshift), so a failure can be replayed. */
export function randomBytes(n: number, seed = 42): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** [code, row, column?]; the column is checked only when given. */
export type Expect = [string, number, string?];

export interface Case {
  name: string;
  bytes: () => Uint8Array;
  filename?: string;
  limits?: Partial<ParseLimits>;
  /** Exactly these errors (order-free). */
  errors: Expect[];
  /** At least these warnings. */
  warnings?: Expect[];
  /** Titles of the items kept, in order. */
  titles: string[];
  /** Words the first error's or warning's message must contain. */
  says?: string[];
}

const rows = (n: number) => ['id,title,year', ...Array.from({ length: n }, (_, i) => `${i + 1},Movie ${i + 1},2000`)].join('\n');

export const CORPUS: Case[] = [
  { name: 'an empty file', bytes: () => new Uint8Array(0), errors: [['file.empty', 0]], titles: [] },
  { name: 'whitespace only', bytes: () => enc('  \r\n\t \n '), errors: [['file.empty', 0]], titles: [] },
  { name: 'a header only', bytes: () => enc('id,title,year\r\n'), errors: [['file.no-items', 0]], titles: [] },
  {
    name: 'no title column',
    bytes: () => enc('id,foo,bar\n1,a,b\n'),
    errors: [['csv.no-title-column', 0]],
    titles: [],
    says: ["'foo'", "'title'"],
  },
  {
    name: 'an unterminated quote',
    bytes: () => enc('id,title\n1,Heat\n2,"Open\n3,Ok\n'),
    errors: [['csv.unterminated-quote', 3]],
    titles: [],
    says: ['Row 3', 'line 3'],
  },
  {
    name: 'an 11 MB file',
    bytes: () => enc(`id,title,description\n1,Big,${'a'.repeat(11 * 1024 * 1024)}\n`),
    errors: [['file.too-large', 0]],
    titles: [],
    says: ['11.0 MB', '10.0 MB'],
  },
  { name: '60,000 rows', bytes: () => enc(rows(60_000)), errors: [['file.too-many-items', 0]], titles: [], says: ['60,000', '50,000'] },
  {
    name: 'random binary junk with NUL bytes',
    bytes: () => cat(enc('id,title\n1,'), randomBytes(4096).map((b, i) => (i % 97 === 0 ? 0 : b))),
    errors: [['file.binary', 0]],
    titles: [],
    says: ['NUL', 'line 2'],
  },
  {
    name: 'an .xlsx spreadsheet renamed to .csv',
    filename: 'movies.csv',
    bytes: () => cat([0x50, 0x4b, 0x03, 0x04], randomBytes(300)),
    errors: [['file.binary', 0]],
    titles: [],
    says: ['ZIP', 'CSV'],
  },
  {
    name: 'Latin-1 bytes (not UTF-8)',
    bytes: () => cat(enc('id,title\n1,Heat\n2,Am'), [0xe9], enc('lie\n')),
    errors: [['file.encoding', 0]],
    titles: [],
    says: ['UTF-8', 'line 3', '0xE9'],
  },
  { name: 'UTF-16 with a BOM', bytes: () => cat([0xff, 0xfe], enc('i\0d\0')), errors: [['file.encoding', 0]], titles: [], says: ['UTF-16'] },
  {
    name: 'invalid JSON',
    filename: 'items.json',
    bytes: () => enc('[{"title": "A"},\n {"title": }]'),
    errors: [['json.invalid', 0]],
    titles: [],
    says: ['line 2', 'column 12'],
  },
  { name: 'a JSON object instead of an array', filename: 'x.json', bytes: () => enc('{"title": "Heat"}'), errors: [['json.shape', 0]], titles: [], says: ['an object', '['] },
  {
    name: 'a JSON object wrapping the list',
    bytes: () => enc('{"movies": [{"title": "Heat"}]}'),
    filename: 'x.json',
    errors: [['json.shape', 0]],
    titles: [],
    says: ["'movies'"],
  },
  { name: 'a JSON array of numbers', bytes: () => enc('[1, 2, 3]'), errors: [['json.shape', 0]], titles: [], says: ['numbers'] },
  {
    name: 'nested objects in JSON fields',
    bytes: () => enc('[{"title": {"en": "Heat"}}, {"title": "Ok", "genres": {"a": 1}}, {"title": "Fine", "credits": {"cast": []}}, 7]'),
    errors: [['field.bad-type', 1, 'title'], ['field.bad-type', 2, 'genres'], ['json.shape', 4]],
    warnings: [['field.nested', 3, 'credits']],
    titles: ['Fine'],
  },
  {
    name: 'JSON Lines with one bad line',
    filename: 'items.jsonl',
    bytes: () => enc('{"title": "A", "year": 1999}\n{"title": "B",}\n\n{"title": "C", "tags": "x|y"}\n'),
    errors: [['json.invalid', 2]],
    titles: ['A', 'C'],
    says: ['Line 2', 'column 15'],
  },
  {
    name: 'duplicate ids',
    bytes: () => enc('id,title\n7,Heat\n8,Ronin\n7,Collateral\n'),
    errors: [['row.duplicate-id', 4, 'id']],
    titles: ['Heat', 'Ronin'],
    says: ["'7'", 'Row 4 (line 4)', 'already used by row 2'],
  },
  {
    name: 'the same title and year twice without ids',
    bytes: () => enc('title,year\nHeat,1995\nHeat,1986\nheat,1995\n'),
    errors: [['row.duplicate-id', 4]],
    titles: ['Heat', 'Heat'],
    says: ['Row 4 (line 4)', 'as row 2'],
  },
  {
    name: 'a 100 KB description',
    bytes: () => enc(`title,description\nLong,"${'word '.repeat(20_480)}"\n`),
    errors: [],
    warnings: [['field.truncated', 2, 'description']],
    titles: ['Long'],
  },
  {
    name: '@everyone in a title',
    bytes: () => enc('title,tags\n@everyone look,<@123>\n'),
    errors: [],
    warnings: [['field.mention', 2, 'title'], ['field.mention', 2, 'tags']],
    titles: ['@everyone look'],
  },
  {
    name: 'right-to-left override and zero-width characters',
    bytes: () => enc('title\nGood\u202Efdp.exe\u200B\u200D\uFEFF Film\n'),
    errors: [],
    warnings: [['field.invisible-chars', 2, 'title']],
    // The bidi override, zero-width space and BOM go; the zero-width joiner (emoji sequences need it) stays.
    titles: ['Goodfdp.exe\u200D Film'],
  },
  {
    name: 'control characters',
    bytes: () => enc('title,description\nBell\u0007 \u001b[31mRed,"line\u0000"\n'.replace('\u0000', '\u0008')),
    errors: [],
    warnings: [['field.control-chars', 2, 'title'], ['field.control-chars', 2, 'description']],
    titles: ['Bell [31mRed'],
  },
  { name: 'mixed line endings', bytes: () => enc('id,title\r\n1,A\n2,B\r3,C\r\n'), errors: [], titles: ['A', 'B', 'C'] },
  { name: 'a BOM and CRLF', bytes: () => enc('\uFEFFid,title\r\n1,A\r\n2,B\r\n'), errors: [], titles: ['A', 'B'] },
  {
    name: 'embedded newlines and commas in quotes',
    bytes: () => enc('title,description\r\n"Two\r\nLines","a, b\r\nc ""quoted"""\r\n'),
    errors: [],
    titles: ['Two Lines'],
  },
  {
    name: 'a bad year',
    bytes: () => enc('title,year\nHeat,1995\nOdd,19x5\n'),
    errors: [['row.bad-year', 3, 'year']],
    titles: ['Heat'],
    says: ["Row 3 (line 3), column 'year': '19x5' is not a year between 1870 and 2100"],
  },
  { name: 'a negative year', bytes: () => enc('title,year\nOld,-1995\n'), errors: [['row.bad-year', 2, 'year']], titles: [] },
  { name: 'year 3000', bytes: () => enc('[{"title": "Future", "year": 3000}, {"title": "Now", "year": "2001"}]'), errors: [['row.bad-year', 1, 'year']], titles: ['Now'] },
  {
    name: 'a 2,000 character title',
    bytes: () => enc(`title\n${'x'.repeat(2000)}\nShort\n`),
    errors: [['field.too-long', 2, 'title']],
    titles: ['Short'],
    says: ['2,000', '300'],
  },
  {
    name: 'too many tags',
    bytes: () => enc(`title,tags\nTagged,"${Array.from({ length: 80 }, (_, i) => `t${i}`).join('|')}"\n`),
    errors: [],
    warnings: [['row.too-many-tags', 2, 'tags']],
    titles: ['Tagged'],
  },
  { name: 'only commas', bytes: () => enc(',,,\n,,,\n,,,\n'), errors: [['csv.no-title-column', 0]], titles: [] },
  {
    name: 'a row with too many columns and one with too few',
    bytes: () => enc('id,title,year\n1,Heat,1995\n2,Crouching Tiger, Hidden Dragon,2000\n3,Ronin\n'),
    errors: [['csv.column-count', 3]],
    warnings: [['csv.column-count', 4]],
    titles: ['Heat', 'Ronin'],
  },
  {
    name: 'some good and some bad rows',
    bytes: () => enc('id,title,year,url\n1,Heat,1995,https://example.com/heat\n2,,1999,\n3,Ronin,1998,javascript:alert(1)\n4,Tron,year?,\n5,Alien,1979,\n'),
    errors: [['row.missing-title', 3, 'title'], ['row.bad-year', 5, 'year']],
    warnings: [['field.bad-url', 4, 'url']],
    titles: ['Heat', 'Ronin', 'Alien'],
  },
];
