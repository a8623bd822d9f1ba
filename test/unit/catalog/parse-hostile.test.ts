import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../../src/catalog/parse.js';
import type { CatalogFormat, CatalogIssue, ParseResult } from '../../../src/catalog/types.js';
import { CORPUS, type Expect, enc, randomBytes } from './corpus.js';

const key = (i: CatalogIssue) => `${i.code}@${i.row}`;

function matches(issue: CatalogIssue, [code, row, column]: Expect): boolean {
  return issue.code === code && issue.row === row && (column === undefined || issue.column === column);
}

describe('parseCatalog on malformed and hostile files', () => {
  it('GIVEN the corpus THEN it holds at least 25 files', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(25);
  });

  for (const c of CORPUS) {
    it(`GIVEN ${c.name} THEN it reports ${c.errors.map((e) => e[0]).join(', ') || 'no error'} and keeps ${c.titles.length} item(s)`, () => {
      const res = parseCatalog(c.bytes(), { filename: c.filename, limits: c.limits });
      expect(res.errors.map(key).sort()).toEqual(c.errors.map(([code, row]) => `${code}@${row}`).sort());
      for (const e of c.errors) expect(res.errors.some((i) => matches(i, e)), `error ${e.join(' ')}`).toBe(true);
      for (const w of c.warnings ?? []) expect(res.warnings.some((i) => matches(i, w)), `warning ${w.join(' ')}`).toBe(true);
      expect(res.items.map((i) => i.title)).toEqual(c.titles);
      const first = res.errors[0] ?? res.warnings[0];
      for (const word of c.says ?? []) expect(first?.message).toContain(word);
      for (const i of [...res.errors, ...res.warnings]) expect(i.message.length).toBeGreaterThan(10);
    });
  }

  const formats: (CatalogFormat | undefined)[] = [undefined, 'csv', 'json', 'jsonl'];
  it('GIVEN every corpus file read as every format THEN none throws and every result is well formed', () => {
    for (const c of CORPUS) {
      const bytes = c.bytes();
      for (const format of formats) {
        let res: ParseResult | undefined;
        expect(() => (res = parseCatalog(bytes, { format, filename: c.filename })), `${c.name} as ${format}`).not.toThrow();
        expect(Array.isArray(res!.items) && Array.isArray(res!.errors) && Array.isArray(res!.warnings)).toBe(true);
        for (const item of res!.items) expect(item.title.length).toBeGreaterThan(0);
      }
    }
  });

  it('GIVEN 300 random mutations of a valid file THEN none throws and kept items always have an id and a title', () => {
    const base = enc('id,title,year,tags,description\n1,Heat,1995,crime|drama,"A ""heist"", in LA"\n2,Ronin,1998,action,x\n');
    const noise = randomBytes(300 * 8, 7);
    for (let k = 0; k < 300; k++) {
      const b = Uint8Array.from(base);
      for (let j = 0; j < 4; j++) b[noise[k * 8 + j * 2] % b.length] = [0x22, 0x2c, 0x0a, 0x0d, 0x7b, 0x5b, 0xc3, 0x00][noise[k * 8 + j * 2 + 1] % 8];
      const res = parseCatalog(b, {});
      for (const item of res.items) expect(item.id !== '' && item.title !== '').toBe(true);
    }
  });

  it('GIVEN 40,000 rows with the same mistake THEN the report lists the first 100 and sums up the rest', () => {
    const text = ['title,year', ...Array.from({ length: 40_000 }, (_, i) => `M${i},bad`)].join('\n');
    const res = parseCatalog(enc(text), {});
    expect(res.items).toEqual([]);
    expect(res.errors).toHaveLength(101);
    expect(res.errors[100]).toMatchObject({ row: 0, code: 'row.bad-year' });
    expect(res.errors[100].message).toContain('39,900 more');
  });

  it('GIVEN a non-Uint8Array THEN it throws, since that is a programmer error', () => {
    expect(() => parseCatalog('id,title' as unknown as Uint8Array, {})).toThrow(TypeError);
  });
});
