/**
 * Every trained model turns into plain data (`toState`) and back (`*FromState`) with identical answers,
 * also after a structured clone with its buffers transferred (what a worker thread's postMessage does).
 */
import { describe, expect, it } from 'vitest';
import { transferables } from '../../../src/engine/scope-models.js';
import { trainBaseline } from '../../../src/recsys/models/baseline.js';
import { cowatchFromState, trainCowatch } from '../../../src/recsys/models/cowatch.js';
import { trainHybridMf } from '../../../src/recsys/models/hybrid-mf.js';
import { popularityFromState, trainPopularity } from '../../../src/recsys/models/popularity.js';
import { ratingModelFromState, type SerialisableRatingModel } from '../../../src/recsys/models/rating-state.js';
import { mulberry32 } from '../../../src/recsys/models/rng.js';
import { sequentialFromState, trainSequential } from '../../../src/recsys/models/sequential.js';
import { trainSvd } from '../../../src/recsys/models/svd.js';
import type { RatingTriple } from '../../../src/recsys/models/types.js';

/** A postMessage round trip: structured clone with every typed array's buffer transferred. */
function overTheWire<T>(state: T): T {
  const buffers = transferables(state);
  const copy = structuredClone(state, { transfer: buffers });
  expect(buffers.every((b) => b.byteLength === 0), 'the originals are detached: the copy cannot share them').toBe(true);
  return copy;
}

function fixture(seed = 3) {
  const rng = mulberry32(seed);
  const items = Array.from({ length: 40 }, (_, i) => `i${i}`);
  const vectors = new Map<string, Float32Array>();
  for (const [i, id] of items.entries()) {
    const v = new Float32Array(12);
    v[i % 12] = 0.8;
    v[(i * 7) % 12] += 0.6;
    vectors.set(id, v);
  }
  const ratings: RatingTriple[] = [];
  const histories = new Map<string, string[]>();
  for (let u = 0; u < 30; u++) {
    const h: string[] = [];
    for (const id of items) {
      if (rng() < 0.6) continue;
      ratings.push({ user: `u${u}`, item: id, value: 0.5 + Math.floor(rng() * 10) / 2, at: h.length });
      h.push(id);
    }
    histories.set(`u${u}`, h);
  }
  return { items, vectors, ratings, histories };
}

const { items, vectors, ratings, histories } = fixture();
const users = [...histories.keys(), 'stranger'];
const probeItems = [...items, 'unknown-item'];

function expectSamePredictions(a: SerialisableRatingModel, b: SerialisableRatingModel): void {
  expect(b.id).toBe(a.id);
  for (const u of users) for (const i of probeItems) expect(b.predict(u, i)).toBe(a.predict(u, i));
}

describe('rating models survive toState -> fromState', () => {
  const cases: [string, () => SerialisableRatingModel][] = [
    ['hybrid MF with text vectors', () => trainHybridMf(ratings, { itemVectors: vectors, factors: 6, epochs: 6 })],
    ['hybrid MF without text', () => trainHybridMf(ratings, { factors: 6, epochs: 6 })],
    ['baseline', () => trainBaseline(ratings)],
    ['svd reference', () => trainSvd(ratings, { factors: 6, epochs: 5 })],
    ['baseline with no ratings', () => trainBaseline([])],
  ];
  for (const [name, train] of cases) {
    it(`GIVEN a trained ${name} THEN the rebuilt model predicts exactly the same for every user and item`, () => {
      const m = train();
      const sent = train().toState();
      const rebuilt = ratingModelFromState(overTheWire(sent));
      expect(rebuilt.trainingTimeMs).toBe(sent.trainingTimeMs);
      expectSamePredictions(m, rebuilt);
      expect(new Set(users.map((u) => m.predict(u, 'i1'))).size, 'the probe tells users apart').toBeGreaterThan(name.includes('no ratings') ? 0 : 1);
    });
  }

  it('GIVEN a state whose arrays do not match its ids THEN rebuilding fails loudly', () => {
    const s = trainBaseline(ratings).toState();
    expect(() => ratingModelFromState({ ...s, bu: s.bu.subarray(1) })).toThrow(RangeError);
  });
});

describe('sequential, co-watch and popularity models survive toState -> fromState', () => {
  const recents = [['i1'], ['i3', 'i8', 'i2'], ['unknown-item'], [], items.slice(0, 15)];

  it('GIVEN a sequential model with content similarity THEN scoreAll and scoreNext are identical', () => {
    const m = trainSequential(histories, { itemVectors: vectors, contentWeight: 0.05 });
    const r = sequentialFromState(overTheWire(trainSequential(histories, { itemVectors: vectors, contentWeight: 0.05 }).toState()));
    expect(r.itemIds).toEqual(m.itemIds);
    for (const id of probeItems) expect(r.indexOf(id)).toBe(m.indexOf(id));
    for (const recent of recents) {
      const a = new Float64Array(m.itemIds.length);
      const b = new Float64Array(r.itemIds.length);
      m.scoreAll(recent, a);
      r.scoreAll(recent, b);
      expect(b).toEqual(a);
      expect(r.scoreNext(recent, 10, new Set(['i4']))).toEqual(m.scoreNext(recent, 10, new Set(['i4'])));
    }
    expect(m.scoreNext(['i1'], 5).length).toBeGreaterThan(0);
  });

  it('GIVEN a sequential model without vectors THEN its state holds none and scores are identical', () => {
    const m = trainSequential(histories);
    expect(m.toState().vectors).toBeNull();
    const r = sequentialFromState(overTheWire(trainSequential(histories).toState()));
    for (const recent of recents) expect(r.scoreNext(recent, 8)).toEqual(m.scoreNext(recent, 8));
  });

  it('GIVEN a co-watch model THEN similarTo is identical', () => {
    const m = trainCowatch(histories);
    const r = cowatchFromState(overTheWire(trainCowatch(histories).toState()));
    for (const recent of recents) expect(r.similarTo(recent, 10, new Set(['i5']))).toEqual(m.similarTo(recent, 10, new Set(['i5'])));
    expect(m.similarTo(['i1'], 5).length).toBeGreaterThan(0);
  });

  it('GIVEN a popularity model THEN score and top are identical', () => {
    const events = ratings.map((r) => ({ item: r.item, at: r.at, weight: r.value >= 3 ? 1 : 0.3 }));
    const m = trainPopularity(events, { halfLife: 5, now: 40 });
    const r = popularityFromState(overTheWire(trainPopularity(events, { halfLife: 5, now: 40 }).toState()));
    for (const id of probeItems) expect(r.score(id)).toBe(m.score(id));
    expect(r.top(10, new Set(['i0']))).toEqual(m.top(10, new Set(['i0'])));
    expect(m.top(3).length).toBe(3);
  });
});
