/**
 * A member's taste search, repeated a moment later with a vector that differs in its last bits, is answered
 * from the remembered scan: exactly the hits (ids, order, scores) a scan gives, or by a scan when that cannot
 * be proven.
 */
import { describe, expect, it, vi } from 'vitest';
import { rememberedSearch } from '../../../../src/recsys/index/search-memo.js';
import { VectorIndex } from '../../../../src/recsys/index/vector-index.js';
import { mulberry32 } from '../../../../src/recsys/models/rng.js';
import { randomVectors } from '../helpers.js';

const dims = 48;

function catalog(n: number, seed: number, kernel: 'auto' | 'js' = 'auto'): { ix: VectorIndex; ids: string[] } {
  const vecs = randomVectors(n, dims, seed);
  // duplicates: items whose vectors are the same tie under every query (their order is by row)
  for (let i = 0; i < n; i += 7) vecs[i + 3 < n ? i + 3 : i] = vecs[i];
  const ids = vecs.map((_, i) => `i${i}`);
  const ix = new VectorIndex({ model: 'm', dims, kernel });
  ix.upsert(ids, vecs);
  return { ix, ids };
}

/** `v` moved by a relative `eps` per entry: the same taste weighed again later. */
function nudged(v: Float32Array, eps: number, rng: () => number): Float32Array {
  return Float32Array.from(v, (x) => x * (1 + eps * (rng() - 0.5)));
}

describe('remembered whole-index searches', () => {
  it.each(['auto', 'js'] as const)('GIVEN many queries each repeated nearly alike (%s kernel) THEN every answer equals a scan, and near repeats do not scan', async (kernel) => {
    const { ix, ids } = catalog(600, 5, kernel);
    const rng = mulberry32(9);
    const queries = randomVectors(20, dims, 77);
    let scans = 0;
    for (let t = 0; t < 120; t++) {
      const base = queries[t % queries.length];
      const q = t < queries.length ? base : nudged(base, t % 3 === 0 ? 1e-6 : 1e-3, rng);
      const k = 10 + (t % 2) * 15;
      const exclude = t % 4 === 0 ? new Set(ids.slice(0, 30)) : undefined;
      const got = await rememberedSearch(ix, q, k, { exclude }, (n) => {
        scans++;
        return ix.search(q, n, { exclude });
      });
      expect(got).toEqual(ix.search(q, k, { exclude }));
    }
    // the first 20 scan (and those whose k or exclusions are new); most near repeats do not
    expect(scans).toBeLessThan(60);
  });

  it('GIVEN the index changed since a scan THEN the repeat scans again and sees the change', async () => {
    const { ix } = catalog(200, 6);
    const [q] = randomVectors(1, dims, 8);
    const run = vi.fn((n: number) => ix.search(q, n));
    await rememberedSearch(ix, q, 5, {}, run);
    ix.upsert(['new'], [q]);
    const got = await rememberedSearch(ix, q, 5, {}, run);
    expect(run).toHaveBeenCalledTimes(2);
    expect(got[0].id).toBe('new');
    expect(got).toEqual(ix.search(q, 5));
  });

  it('GIVEN a different query or other exclusions THEN it is not answered from another scan', async () => {
    const { ix, ids } = catalog(300, 7);
    const [a, b] = randomVectors(2, dims, 12);
    await rememberedSearch(ix, a, 8, {}, (n) => ix.search(a, n));
    const other = await rememberedSearch(ix, b, 8, {}, (n) => ix.search(b, n));
    expect(other).toEqual(ix.search(b, 8));
    const exclude = new Set([ix.search(a, 1)[0].id, ids[0]]);
    const run = vi.fn((n: number) => ix.search(a, n, { exclude }));
    expect(await rememberedSearch(ix, a, 8, { exclude }, run)).toEqual(ix.search(a, 8, { exclude }));
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('GIVEN a search limited to some items THEN it runs every time (only whole-index scans are remembered)', async () => {
    const { ix, ids } = catalog(200, 9);
    const [q] = randomVectors(1, dims, 10);
    const allow = new Set(ids.slice(0, 50));
    const run = vi.fn((n: number) => ix.search(q, n, { allow }));
    for (let t = 0; t < 2; t++) expect(await rememberedSearch(ix, q, 5, { allow }, run)).toEqual(ix.search(q, 5, { allow }));
    expect(run).toHaveBeenCalledTimes(2);
  });
});
