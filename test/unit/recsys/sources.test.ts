import { describe, expect, it } from 'vitest';
import type { Embedder } from '../../../src/embed/types.js';
import { VectorIndex } from '../../../src/recsys/index/vector-index.js';
import { CoWatchSource, ListSource, PopularSource, SequenceSource } from '../../../src/recsys/sources/collaborative.js';
import { EmbeddingSource } from '../../../src/recsys/sources/embedding.js';
import { tasteWeights } from '../../../src/recsys/sources/taste.js';
import { trainCowatch } from '../../../src/recsys/models/cowatch.js';
import { trainSequential } from '../../../src/recsys/models/sequential.js';
import { profile, query } from './helpers.js';

const DAY = 86_400_000;
const NOW = 1000 * DAY;
const titles: Record<string, string> = { a: 'Alien', b: 'Aliens', c: 'Clueless', d: 'Dune', e: 'Emma' };
const title = (id: string) => titles[id];

// 2-d toy space: a/b/d point "sci-fi" (x), c/e point "comedy" (y)
function toyIndex(): VectorIndex {
  const index = new VectorIndex({ model: 'toy', dims: 2 });
  index.upsert(['a', 'b', 'c', 'd', 'e'], [[1, 0.1], [1, 0.2], [0.1, 1], [0.9, 0.3], [0.2, 1]].map((v) => Float32Array.from(v)));
  return index;
}

const fakeEmbedder = (vec: number[], model = 'toy'): Embedder & { calls: string[][] } => {
  const calls: string[][] = [];
  return { model, dims: 2, calls, async embed(texts) { calls.push(texts); return texts.map(() => Float32Array.from(vec)); } };
};

describe('embedding source', () => {
  it('GIVEN query text THEN it embeds it once and returns the nearest items with "close to your request"', async () => {
    const embedder = fakeEmbedder([0, 1]);
    const src = new EmbeddingSource({ index: toyIndex(), embedder, title });
    const got = await src.fetch(query({ text: 'a funny one' }), 2);
    expect(embedder.calls).toEqual([['a funny one']]);
    expect(got.map((c) => c.itemId)).toEqual(['c', 'e']);
    expect(got[0]).toMatchObject({ sources: ['embedding'], sourceRanks: { embedding: 0 }, reason: { kind: 'request' } });
  });

  it('GIVEN an embedder of another model THEN it refuses instead of comparing vectors of two models', async () => {
    const src = new EmbeddingSource({ index: toyIndex(), embedder: fakeEmbedder([0, 1], 'other') });
    await expect(src.fetch(query({ text: 'x' }), 2)).rejects.toThrow(/does not match/);
  });

  it('GIVEN no text and a user who loved Alien THEN the taste vector finds sci-fi, says "because you liked Alien", and skips Alien', async () => {
    const p = profile({ ratings: { a: { value: 5, at: NOW }, c: { value: 2, at: NOW } } });
    const src = new EmbeddingSource({ index: toyIndex(), profile: p, title, clock: () => NOW });
    const got = await src.fetch(query(), 2);
    expect(got.map((c) => c.itemId)).toEqual(['b', 'd']);
    expect(got[0].reason).toEqual({ kind: 'liked', itemId: 'a', title: 'Alien' });
  });

  it('GIVEN seeds ("more like Clueless") THEN it searches around them and never returns a seed', async () => {
    const src = new EmbeddingSource({ index: toyIndex(), title });
    const got = await src.fetch(query({ seeds: ['c'] }), 1);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ itemId: 'e', reason: { kind: 'similar', itemId: 'c', title: 'Clueless' } });
  });

  it('GIVEN neither text, seeds nor a profile THEN it returns nothing', async () => {
    expect(await new EmbeddingSource({ index: toyIndex() }).fetch(query(), 5)).toEqual([]);
  });
});

describe('taste weights', () => {
  it('GIVEN ratings THEN only items above the user mean count, recent ones weigh more', () => {
    const p = profile({
      ratings: { old: { value: 5, at: NOW - 360 * DAY }, fresh: { value: 5, at: NOW }, meh: { value: 2, at: NOW } },
    });
    const w = tasteWeights(p, { now: NOW, halfLifeDays: 180 });
    expect(w.map((x) => x.itemId)).toEqual(['fresh', 'old']);
    expect(w[0].weight).toBeCloseTo(w[1].weight * 4, 5);
  });

  it('GIVEN no ratings THEN the watch history is the taste', () => {
    const p = profile({ history: [{ itemId: 'x', at: NOW - DAY }, { itemId: 'y', at: NOW }] });
    expect(tasteWeights(p, { now: NOW }).map((x) => x.itemId)).toEqual(['y', 'x']);
  });
});

describe('model-backed sources', () => {
  const hist = profile({ history: [{ itemId: 'a', at: 1 }, { itemId: 'b', at: 2 }] });

  it('GIVEN a co-watch model THEN it seeds with recent history, excludes the seeds and names the seed in the reason', async () => {
    let seen: { items: string[]; exclude?: Set<string> } | undefined;
    const model = { similarTo(items: string[], _k: number, exclude?: Set<string>) { seen = { items, exclude }; return [{ itemId: 'c', score: 3 }, { itemId: 'd', score: 1, because: 'a' }]; } };
    const got = await new CoWatchSource({ model, profile: hist, title }).fetch(query({ exclude: ['z'] }), 5);
    expect(seen?.items).toEqual(['a', 'b']);
    expect([...(seen?.exclude ?? [])].sort()).toEqual(['a', 'b', 'z']);
    expect(got.map((c) => [c.itemId, c.reason])).toEqual([
      ['c', { kind: 'co-watched', itemId: 'b', title: 'Aliens' }],
      ['d', { kind: 'co-watched', itemId: 'a', title: 'Alien' }],
    ]);
    expect(got[1].sourceRanks).toEqual({ 'co-watch': 1 });
  });

  it('GIVEN a sequence model THEN it passes the recent items oldest first and says "often watched after" the item that led there', async () => {
    let recent: string[] = [];
    const model = { scoreNext(r: string[]) { recent = r; return [{ itemId: 'd', score: 0.5, because: 'b' }, { itemId: 'e', score: 0.4, because: 'a' }]; } };
    const got = await new SequenceSource({ model, profile: hist, title }).fetch(query(), 5);
    expect(recent).toEqual(['a', 'b']);
    expect(got[0]).toMatchObject({ itemId: 'd', sources: ['sequence'], reason: { kind: 'after', itemId: 'b', title: 'Aliens' } });
    expect(got[1]).toMatchObject({ itemId: 'e', reason: { kind: 'after', itemId: 'a', title: 'Alien' } });
  });

  it('GIVEN A 5★, B 5★, then C 1★ THEN /next continues from B (C is no seed, nor the reason for a pick)', async () => {
    const watched = profile({
      history: [{ itemId: 'a', at: 1 }, { itemId: 'b', at: 2 }, { itemId: 'c', at: 3 }],
      ratings: { a: { value: 5, at: 1 }, b: { value: 5, at: 2 }, c: { value: 1, at: 3 } },
    });
    const trained = trainSequential(new Map([['u1', ['a', 'b', 'd']], ['u2', ['c', 'e']], ['u3', ['b', 'd', 'c', 'e']]]));
    const got = await new SequenceSource({ model: trained, profile: watched, title }).fetch(query(), 2);
    expect(got[0]).toMatchObject({ itemId: 'd', reason: { kind: 'after', itemId: 'b', title: 'Aliens' } });
    expect(got.some((c) => c.reason?.kind === 'after' && c.reason.itemId === 'c')).toBe(false);
  });

  it('GIVEN a recency decay THEN co-watch weighs the last watched seed most, and named seeds ("like X") all alike', async () => {
    const trained = trainCowatch(new Map([['u1', ['a', 'c']], ['u2', ['a', 'c']], ['u3', ['b', 'd']], ['u4', ['b']], ['u5', ['d']]]));
    const seeds = profile({ history: [{ itemId: 'a', at: 1 }, { itemId: 'b', at: 2 }] });
    const plain = await new CoWatchSource({ model: trained, profile: seeds, title }).fetch(query(), 2);
    expect(plain.map((c) => c.itemId)).toEqual(['c', 'd']);
    const decayed = await new CoWatchSource({ model: trained, profile: seeds, title, recentDecay: 0.3 }).fetch(query(), 2);
    expect(decayed.map((c) => c.itemId)).toEqual(['d', 'c']);
    const named = await new CoWatchSource({ model: trained, profile: seeds, title, recentDecay: 0.3 }).fetch(query({ seeds: ['a', 'b'] }), 2);
    expect(named.map((c) => c.itemId)).toEqual(['c', 'd']);
  });

  it('GIVEN a sequence hit with no observed transition THEN it claims no "watched after"', async () => {
    const model = { scoreNext: () => [{ itemId: 'd', score: 0.1 }] };
    const got = await new SequenceSource({ model, profile: hist, title }).fetch(query(), 5);
    expect(got[0].reason).toEqual({ kind: 'picked' });
  });

  it('GIVEN no history THEN co-watch and sequence return nothing without calling the model', async () => {
    const boom = () => { throw new Error('should not be called'); };
    expect(await new CoWatchSource({ model: { similarTo: boom }, profile: profile() }).fetch(query(), 5)).toEqual([]);
    expect(await new SequenceSource({ model: { scoreNext: boom } }).fetch(query(), 5)).toEqual([]);
  });

  it('GIVEN a popularity model and an allow-list THEN only allowed items come back, "a crowd favourite"', async () => {
    const model = { top: () => ['a', 'b', 'c', 'd'].map((itemId, i) => ({ itemId, score: 10 - i })) };
    const got = await new PopularSource({ model }).fetch(query({ candidates: ['c', 'a'] }), 5);
    expect(got.map((c) => c.itemId)).toEqual(['a', 'c']);
    expect(got.every((c) => c.reason?.kind === 'popular')).toBe(true);
  });

  it('GIVEN a list (for /rank) THEN every listed id comes back once, in order', async () => {
    const got = await new ListSource().fetch(query({ candidates: ['x', 'y', 'x', 'z'] }), 2);
    expect(got.map((c) => [c.itemId, c.sourceRanks.list])).toEqual([['x', 0], ['y', 1], ['z', 2]]);
  });
});
