import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stem } from '../../../src/embed/semantic/analyze.js';
import type { WordVectorsHeader } from '../../../src/embed/semantic/format.js';
import { defaultWordVectorsBase, loadWordVectors, sharedWordVectors } from '../../../src/embed/semantic/table.js';

const cos = (a: Float64Array, b: Float64Array): number => {
  let s = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    s += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return s / Math.sqrt(na * nb);
};

describe('word-vector table (data/word-vectors-100d)', () => {
  const base = defaultWordVectorsBase();
  const header = JSON.parse(readFileSync(`${base}.json`, 'utf8')) as WordVectorsHeader;

  it('GIVEN the committed files THEN the binary matches the header (size and sha256) and stays within 8 MB', () => {
    const bin = readFileSync(`${base}.bin`);
    expect(bin.length).toBe(header.binBytes);
    expect(createHash('sha256').update(bin).digest('hex')).toBe(header.sha256);
    expect(bin.length).toBeLessThan(8 * 1024 * 1024);
    expect(header.dims).toBe(100);
  });

  it('GIVEN a cold load THEN it is well under a second', () => {
    const t = loadWordVectors(base);
    expect(t.rows).toBe(header.rows);
    expect(t.loadMs).toBeLessThan(1000);
  });

  it('GIVEN shared use THEN the table is read once', () => {
    expect(sharedWordVectors(base)).toBe(sharedWordVectors(base));
  });

  it('GIVEN related words THEN their vectors are closer than unrelated ones', () => {
    const t = sharedWordVectors(base);
    const v = (w: string): Float64Array => {
      const r = t.row(w, stem(w));
      expect(r).toBeGreaterThanOrEqual(0);
      const out = new Float64Array(t.dims);
      t.addTo(out, r, 1);
      return out;
    };
    expect(cos(v('robots'), v('android'))).toBeGreaterThan(cos(v('robots'), v('baker')) + 0.2);
    expect(cos(v('scary'), v('horror'))).toBeGreaterThan(cos(v('scary'), v('lawyer')) + 0.2);
    expect(Math.sqrt(cos(v('dragon'), v('dragon')))).toBeCloseTo(1, 5);
  });

  it('GIVEN a word missing from the table THEN its stem alias or -1 is used; frequent words rank lower', () => {
    const t = sharedWordVectors(base);
    expect(t.row('qwxzzyv', 'qwxzzyv')).toBe(-1);
    expect(t.rank(t.row('the', 'the'))).toBe(0);
    expect(t.rank(t.row('android', 'android'))).toBeGreaterThan(t.rank(t.row('city', 'citi')));
  });
});
