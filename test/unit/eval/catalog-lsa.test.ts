import { describe, expect, it } from 'vitest';
import { appendBlock, buildCatalogLsa } from '../../../eval/lsa/catalog-lsa.js';
import { truncatedSvd, type CsrMatrix } from '../../../eval/lsa/sparse-svd.js';

/** A dense row-major matrix as CSR. */
function csr(rows: number[][]): CsrMatrix {
  const vals: number[] = [];
  const cols: number[] = [];
  const start = [0];
  for (const r of rows) {
    r.forEach((v, c) => {
      if (v !== 0) {
        vals.push(v);
        cols.push(c);
      }
    });
    start.push(vals.length);
  }
  return { rows: rows.length, cols: rows[0].length, rowStart: Uint32Array.from(start), colIndex: Uint32Array.from(cols), values: Float32Array.from(vals) };
}

const cos = (a: Float32Array, b: Float32Array): number => a.reduce((s, x, i) => s + x * b[i], 0);

describe('truncatedSvd', () => {
  it('GIVEN a rank-2 matrix with singular values 5 and 2 THEN it finds them and unit right vectors', () => {
    // A = 5 u1 v1^T + 2 u2 v2^T with orthonormal u's (4 rows) and v's (6 columns)
    const u1 = [0.5, 0.5, 0.5, 0.5];
    const u2 = [0.5, -0.5, 0.5, -0.5];
    const v1 = [1, 1, 0, 0, 1, 1].map((x) => x / 2);
    const v2 = [0, 0, 1, 1, 0, 0].map((x) => x / Math.SQRT2);
    const a = u1.map((x, r) => v1.map((y, c) => 5 * x * y + 2 * u2[r] * v2[c]));
    const svd = truncatedSvd(csr(a), { rank: 2 });
    expect(svd.rank).toBe(2);
    expect(svd.sigma[0]).toBeCloseTo(5, 5);
    expect(svd.sigma[1]).toBeCloseTo(2, 5);
    const col = (j: number): number[] => Array.from({ length: 6 }, (_, c) => svd.v[c * 2 + j]);
    expect(Math.abs(col(0).reduce((s, x, c) => s + x * v1[c], 0))).toBeCloseTo(1, 5);
    expect(Math.abs(col(1).reduce((s, x, c) => s + x * v2[c], 0))).toBeCloseTo(1, 5);
  });

  it('GIVEN a rank asked above the matrix size THEN it returns at most min(rows, cols) directions', () => {
    const svd = truncatedSvd(csr([[1, 0, 0], [0, 2, 0]]), { rank: 10 });
    expect(svd.rank).toBe(2);
    expect(Array.from(svd.sigma).map((s) => Math.round(s * 1e6) / 1e6)).toEqual([2, 1]);
  });
});

describe('buildCatalogLsa (catalog-adapted semantics)', () => {
  // heist films mention robbery and vaults; only some say "heist"; other films are about space and romance
  const catalog = [
    'A crew plans a heist on a casino vault. The robbery goes wrong.',
    'Thieves rob a bank vault in a daring robbery.',
    'A retired safecracker joins one last heist: the vault of a bank.',
    'Robbers tunnel into the bank vault over a long weekend.',
    'Astronauts travel to a distant planet aboard a spaceship.',
    'A spaceship crew wakes from cryosleep near an alien planet.',
    'Two strangers fall in love in Paris over one summer.',
    'A widower falls in love again with a painter in Paris.',
  ];
  const lsa = buildCatalogLsa(catalog, { rank: 3 });

  it('GIVEN a request for "robbery" THEN heist items that never say robbery score above items about space or love', () => {
    const q = lsa.project('movies about robbery');
    const scores = catalog.map((t) => cos(q, lsa.project(t)));
    expect(catalog[2]).not.toMatch(/robbery/i);
    expect(catalog[3]).not.toMatch(/robbery/i);
    for (const heist of [2, 3]) for (const other of [4, 5, 6, 7]) expect(scores[heist]).toBeGreaterThan(scores[other] + 0.3);
  });

  it('GIVEN a request with no catalog term THEN its block is zero and appending it keeps the base ranking', () => {
    const block = lsa.project('movies about dinosaurs');
    expect(Array.from(block).every((x) => x === 0)).toBe(true);
    const base = Float32Array.from([0.6, 0.8]);
    const joined = appendBlock(base, block, 0.3);
    expect(joined.length).toBe(16);
    expect(joined[0] / joined[1]).toBeCloseTo(0.75, 6);
  });

  it('GIVEN a unit base and a unit block THEN the joined vector is unit length and the block holds `share` of a cosine', () => {
    const base = Float32Array.from([1, 0]);
    const block = lsa.project(catalog[0]);
    const joined = appendBlock(base, block, 0.3);
    expect(cos(joined, joined)).toBeCloseTo(1, 5);
    expect(cos(joined, appendBlock(Float32Array.from([0, 1]), block, 0.3))).toBeCloseTo(0.3, 5);
  });
});
