/**
 * The prior models' per-request shortcuts answer as the plain computations would: the member's factor dots
 * (WebAssembly SIMD or JS), the reasons found in one pass over the explaining rows, the kept taste scores,
 * and the vector index's dot products with given rows.
 */
import { describe, expect, it } from 'vitest';
import { VectorIndex } from '../../../src/recsys/index/vector-index.js';
import { addFactorDots } from '../../../src/recsys/models/factor-dots.js';
import { PriorAwareModels } from '../../../src/recsys/models/prior-models.js';
import { coldTop, nextItems, similarTo, tasteTop } from '../../../src/recsys/models/prior-sources.js';
import { trainPrior } from '../../../src/recsys/models/prior-train.js';
import { mulberry32 } from '../../../src/recsys/models/rng.js';
import type { RatingTriple } from '../../../src/recsys/models/types.js';

const ITEMS = Array.from({ length: 30 }, (_, i) => `ml-${100 + i}`);

/** 80 members who watch runs of neighbouring items, so that co-watch and watch-next rows overlap. */
function community(): RatingTriple[] {
  const rng = mulberry32(11);
  const out: RatingTriple[] = [];
  for (let u = 0; u < 80; u++) {
    const start = Math.floor(rng() * 24);
    for (let j = 0; j < 6; j++) out.push({ user: `u${u}`, item: ITEMS[start + j], value: 1 + Math.floor(rng() * 9) / 2, at: 1_000 + u * 10 + j });
  }
  return out;
}

function naiveDots(u: Float64Array, Q: Float32Array, k: number, toPrior: Int32Array, weight: number, base: Float64Array): Float64Array {
  return base.map((x, i) => {
    const p = toPrior[i];
    if (p < 0) return x;
    let d = 0;
    for (let f = 0; f < k; f++) d += u[f] * Q[p * k + f];
    return x + weight * d;
  });
}

describe('prior models: per-request hot paths', () => {
  for (const k of [64, 10]) {
    it(`GIVEN ${k} factors THEN the factor dots add weight x u.q for items the prior knows and leave the others`, () => {
      const rng = mulberry32(k);
      const Q = Float32Array.from({ length: 50 * k }, () => rng() - 0.5);
      const u = Float64Array.from({ length: k }, () => rng() - 0.5);
      const toPrior = Int32Array.from({ length: 60 }, (_, i) => (i % 7 === 3 ? -1 : (i * 13) % 50));
      const base = Float64Array.from({ length: 60 }, () => rng());
      const out = base.slice();
      addFactorDots(u, Q, k, toPrior, 0.3, out);
      const want = naiveDots(u, Q, k, toPrior, 0.3, base);
      for (let i = 0; i < out.length; i++) expect(out[i]).toBeCloseTo(want[i], 5);
      expect(out[3]).toBe(base[3]);
    });
  }

  it('GIVEN co-watch and watch-next lists THEN each reason is the most recent of the last 10 seeds with an edge to the item', () => {
    const ratings = community();
    const prior = trainPrior(ratings, { mf: { factors: 8, epochs: 20, seed: 3 }, neighbours: 6 });
    const histories = new Map([['s1', ITEMS.slice(3, 9)], ['s2', ITEMS.slice(5, 12)]]);
    const m = new PriorAwareModels({ items: ITEMS, ratings: [], histories }, prior);
    const linked = (kind: 'cowatch' | 'next', a: string, b: string): boolean => {
      const g = kind === 'cowatch' ? m.stats.cowatch : m.stats.next;
      const j = m.stats.index.get(a)!;
      const c = m.stats.index.get(b)!;
      for (let p = g.start[j]; p < g.start[j + 1]; p++) if (g.col[p] === c) return true;
      const pg = prior[kind];
      const pj = prior.index.get(a)!;
      const pb = prior.index.get(b)!;
      for (let p = pg.start[pj]; p < pg.start[pj + 1]; p++) if (pg.col[p] === pb) return true;
      return false;
    };
    const seeds = ITEMS.filter((_, i) => i % 2 === 0 && i < 24);
    const expected = (kind: 'cowatch' | 'next', b: string) => [...seeds].reverse().slice(0, 10).find((a) => linked(kind, a, b));
    const co = similarTo(m, seeds, 20);
    const nx = nextItems(m, seeds, 20);
    expect(co.length).toBeGreaterThan(3);
    for (const s of co) expect(s.because).toBe(expected('cowatch', s.itemId));
    for (const s of nx) expect(s.because).toBe(expected('next', s.itemId));
  });

  it('GIVEN a member asked for again after others THEN their taste list is the same as the first time', () => {
    const ratings = community();
    const prior = trainPrior(ratings, { mf: { factors: 8, epochs: 20, seed: 3 }, neighbours: 6 });
    const m = new PriorAwareModels({ items: ITEMS, ratings: ratings.filter((r) => Number(r.user.slice(1)) < 20), histories: new Map() }, prior);
    const first = tasteTop(m, 'u1', 10);
    for (let u = 2; u < 19; u++) tasteTop(m, `u${u}`, 10);
    expect(tasteTop(m, 'u1', 10)).toEqual(first);
    expect(tasteTop(m, 'u2', 10)).not.toEqual(first);
  });

  it('GIVEN exclusions THEN the cold-start list is the best cold scores without them, ties by catalog order', () => {
    const ratings = community();
    const prior = trainPrior(ratings, { mf: { factors: 8, epochs: 20, seed: 3 }, neighbours: 6 });
    const m = new PriorAwareModels({ items: ITEMS, ratings: ratings.slice(0, 60), histories: new Map() }, prior);
    const exclude = new Set([ITEMS[4], ITEMS[9], 'not-in-catalog']);
    const want = ITEMS.map((id, i) => ({ id, i, s: m.cold[i] }))
      .filter((x) => !exclude.has(x.id))
      .sort((a, b) => b.s - a.s || a.i - b.i)
      .slice(0, 7)
      .map((x) => x.id);
    expect(coldTop(m, 7, exclude).map((h) => h.itemId)).toEqual(want);
    expect(coldTop(m, 7).map((h) => h.itemId)).toEqual(ITEMS.map((_, i) => i).sort((a, b) => m.cold[b] - m.cold[a] || a - b).slice(0, 7).map((i) => ITEMS[i]));
  });

  it('GIVEN an index THEN dots() gives each listed row\'s dot product with the query, NaN for an unknown id, in both kernels', () => {
    const rng = mulberry32(4);
    const ids = Array.from({ length: 20 }, (_, i) => `i${i}`);
    const vectors = ids.map(() => Float32Array.from({ length: 32 }, () => rng() - 0.5));
    const q = Float32Array.from({ length: 32 }, () => rng() - 0.5);
    for (const kernel of ['wasm', 'js'] as const) {
      const index = new VectorIndex({ model: 'm', dims: 32, kernel, initialCapacity: 4 });
      index.upsert(ids, vectors);
      const got = index.dots(q, ['i3', 'nope', 'i17']);
      const dot = (id: string) => index.vector(id)!.reduce((s, x, f) => s + x * q[f], 0);
      expect(got[0]).toBeCloseTo(dot('i3'), 5);
      expect(got[1]).toBeNaN();
      expect(got[2]).toBeCloseTo(dot('i17'), 5);
    }
  });
});
