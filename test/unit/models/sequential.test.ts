import { describe, expect, it } from 'vitest';
import { trainCowatch } from '../../../src/recsys/models/cowatch.js';
import { trainPopularity } from '../../../src/recsys/models/popularity.js';
import { trainSequential } from '../../../src/recsys/models/sequential.js';

const chains = new Map<string, string[]>([
  ['u1', ['a', 'b', 'c', 'd']],
  ['u2', ['a', 'b', 'c', 'x']],
  ['u3', ['x', 'y', 'a', 'b', 'c']],
  ['u4', ['y', 'z', 'x']],
  ['u5', ['p', 'q', 'r']],
]);

describe('sequential model', () => {
  it('GIVEN histories where b always follows a THEN after a the first suggestion is b', () => {
    const m = trainSequential(chains);
    expect(m.scoreNext(['a'], 3)[0].itemId).toBe('b');
  });

  it('GIVEN an observed transition THEN the hit names the item it followed, and a prior-only hit names none', () => {
    const m = trainSequential(chains);
    const hits = m.scoreNext(['p', 'a'], 20);
    expect(hits.find((h) => h.itemId === 'b')?.because).toBe('a');
    expect(hits.find((h) => h.itemId === 'q')?.because).toBe('p');
    const unrelated = hits.find((h) => h.itemId === 'z');
    if (unrelated) expect(unrelated.because).toBeUndefined();
  });

  it('GIVEN recent items and an exclude set THEN neither comes back', () => {
    const m = trainSequential(chains);
    const ids = m.scoreNext(['a', 'b'], 10, new Set(['c'])).map((s) => s.itemId);
    expect(ids).not.toContain('a');
    expect(ids).not.toContain('b');
    expect(ids).not.toContain('c');
    expect(ids.length).toBeGreaterThan(0);
  });

  it('GIVEN content vectors THEN an item never seen in a history can still be scored through similar content', () => {
    const v = (x: number, y: number): Float32Array => Float32Array.from([x, y]);
    const vectors = new Map([['a', v(1, 0)], ['b', v(0.9, 0.1)], ['p', v(0, 1)], ['q', v(0.1, 0.9)]]);
    const m = trainSequential(new Map([['u', ['a', 'b', 'p', 'q']]]), { itemVectors: vectors, contentWeight: 5, popWeight: 0 });
    expect(m.scoreNext(['a'], 1)[0].itemId).toBe('b');
  });

  it('GIVEN an unknown recent item THEN it answers with popular items rather than failing', () => {
    const m = trainSequential(chains);
    expect(m.scoreNext(['never-seen'], 2).length).toBe(2);
  });
});

describe('co-watch', () => {
  it('GIVEN items often in the same histories THEN they are the most similar', () => {
    const m = trainCowatch(chains);
    const top = m.similarTo(['p'], 2).map((s) => s.itemId);
    expect(top.sort()).toEqual(['q', 'r']);
    expect(m.similarTo(['a'], 5, new Set(['b'])).map((s) => s.itemId)).not.toContain('b');
  });
});

describe('popularity', () => {
  it('GIVEN a half-life THEN recent events outweigh older, more numerous ones', () => {
    const day = 86_400_000;
    const events = [
      ...Array.from({ length: 3 }, () => ({ item: 'old', at: 0 })),
      { item: 'new', at: 30 * day },
    ];
    expect(trainPopularity(events).top(1)[0].itemId).toBe('old');
    expect(trainPopularity(events, { halfLife: 7 * day }).top(1)[0].itemId).toBe('new');
    expect(trainPopularity(events).top(5, new Set(['old'])).map((s) => s.itemId)).toEqual(['new']);
  });
});
