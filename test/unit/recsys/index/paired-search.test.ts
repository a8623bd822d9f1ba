/**
 * Two whole-index searches of one request share a pass over the rows (the text search and the member's taste
 * search): they answer exactly what two separate searches answer, and a search with no partner still answers.
 */
import { describe, expect, it, vi } from 'vitest';
import { PairedSearch } from '../../../../src/recsys/index/paired-search.js';
import { VectorIndex } from '../../../../src/recsys/index/vector-index.js';
import { WasmRows, wasmSimdAvailable } from '../../../../src/recsys/index/wasm-dot.js';
import { randomVectors } from '../helpers.js';

const dims = 48;
const vecs = randomVectors(700, dims, 3);
const ids = vecs.map((_, i) => `i${i}`);
const [q1, q2, q3] = randomVectors(3, dims, 41);

function index(): VectorIndex {
  const ix = new VectorIndex({ model: 'm', dims });
  ix.upsert(ids, vecs);
  return ix;
}

describe.skipIf(!wasmSimdAvailable())('paired whole-index searches (WebAssembly SIMD kernel)', () => {
  it('GIVEN two queries THEN dotAll2 gives bit for bit the dot products of two dotAll calls', () => {
    const rows = new WasmRows(dims, 50);
    vecs.slice(0, 50).forEach((v, r) => rows.data.set(v, r * dims));
    rows.query.set(q1);
    const a = rows.dotAll(50).slice();
    rows.query.set(q2);
    const b = rows.dotAll(50).slice();
    rows.query.set(q1);
    rows.query2.set(q2);
    const [x, y] = rows.dotAll2(50);
    expect(Array.from(x)).toEqual(Array.from(a));
    expect(Array.from(y)).toEqual(Array.from(b));
  });

  it('GIVEN two searches with their own k and exclusions THEN searchPair answers each as search would', () => {
    const ix = index();
    const exclude = new Set(ids.slice(0, 40));
    const [a, b] = ix.searchPair({ query: q1, k: 25, opts: { exclude } }, { query: q2, k: 7 });
    expect(a).toEqual(ix.search(q1, 25, { exclude }));
    expect(b).toEqual(ix.search(q2, 7));
    expect(a.some((h) => exclude.has(h.id))).toBe(false);
  });

  it('GIVEN two searches started in the same turn THEN one pass answers both, with the hits of separate searches', async () => {
    const ix = index();
    const pair = vi.spyOn(ix, 'searchPair');
    const paired = new PairedSearch(ix);
    const [a, b] = await Promise.all([paired.search(q1, 10), paired.search(q2, 12, { exclude: new Set(['i1']) })]);
    expect(pair).toHaveBeenCalledTimes(1);
    expect(a).toEqual(ix.search(q1, 10));
    expect(b).toEqual(ix.search(q2, 12, { exclude: new Set(['i1']) }));
  });

  it('GIVEN a search whose partner never comes THEN it answers alone once the turn ends, and the next two pair again', async () => {
    const ix = index();
    const pair = vi.spyOn(ix, 'searchPair');
    const paired = new PairedSearch(ix);
    expect(await paired.search(q3, 5)).toEqual(ix.search(q3, 5));
    expect(pair).not.toHaveBeenCalled();
    await Promise.all([paired.search(q1, 3), paired.search(q2, 3)]);
    expect(pair).toHaveBeenCalledTimes(1);
  });

  it('GIVEN a search limited to allowed ids THEN it runs at once and never waits for a partner', async () => {
    const ix = index();
    const paired = new PairedSearch(ix);
    const allow = new Set(['i5', 'i6', 'i7']);
    expect(await paired.search(q1, 2, { allow })).toEqual(ix.search(q1, 2, { allow }));
  });

  it('GIVEN one of two paired queries with the wrong dims THEN only that one fails and the other gets its hits', async () => {
    const ix = index();
    const paired = new PairedSearch(ix);
    const [good, bad] = await Promise.allSettled([paired.search(q1, 4), paired.search(new Float32Array(dims + 1), 4)]);
    expect(good).toEqual({ status: 'fulfilled', value: ix.search(q1, 4) });
    expect(bad.status).toBe('rejected');
  });
});
