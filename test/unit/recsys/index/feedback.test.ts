import { describe, expect, it } from 'vitest';
import { DEFAULT_FEEDBACK, feedbackQuery, searchWithFeedback } from '../../../../src/recsys/index/feedback.js';
import { REQUEST, toyIndex } from './feedback-toy.js';

const ids = (hits: { id: string }[]): string[] => hits.map((h) => h.id);

describe('pseudo-relevance feedback', () => {
  it('GIVEN an item that shares no words with the request but is close to the top results THEN it rises above one that is not', () => {
    const ix = toyIndex();
    expect(ids(ix.search(REQUEST, 5))).toEqual(['a', 'b', 'c', 'off', 'rel']);
    expect(ids(searchWithFeedback(REQUEST, ix, 5))).toEqual(['a', 'b', 'c', 'rel', 'off']);
    expect(ids(searchWithFeedback(REQUEST, ix, 5, { m: 2, beta: 1 }))).toEqual(['a', 'b', 'c', 'rel', 'off']);
  });

  it('GIVEN beta = 0 (or m = 0, or no rounds) THEN the result is the plain search, scores included', () => {
    const ix = toyIndex();
    const plain = ix.search(REQUEST, 5);
    expect(searchWithFeedback(REQUEST, ix, 5, { beta: 0 })).toEqual(plain);
    expect(searchWithFeedback(REQUEST, ix, 5, { m: 0 })).toEqual(plain);
    expect(searchWithFeedback(REQUEST, ix, 5, { rounds: 0 })).toEqual(plain);
  });

  it('GIVEN exclude and allow THEN feedback neither returns nor learns from items the search may not return', () => {
    const ix = toyIndex();
    expect(ids(searchWithFeedback(REQUEST, ix, 5, {}, { exclude: new Set(['rel']) }))).toEqual(['a', 'b', 'c', 'off']);
    // Only "off" and "rel" allowed: the query moves towards "off", which stays ahead.
    expect(ids(searchWithFeedback(REQUEST, ix, 5, { m: 1, beta: 1 }, { allow: new Set(['off', 'rel']) }))).toEqual(['off', 'rel']);
  });

  it('GIVEN hits the index has no vector for THEN the query is only normalised', () => {
    const ix = toyIndex();
    const q = feedbackQuery(Float32Array.from([2, 0, 0]), [{ id: 'gone', score: 1 }], ix);
    expect(Array.from(q)).toEqual([1, 0, 0]);
  });

  it('GIVEN the defaults THEN one round over the top 3 with beta 0.3 moves the query by that much', () => {
    const ix = toyIndex();
    const hits = ix.search(REQUEST, 3);
    const q = feedbackQuery(REQUEST, hits, ix);
    const mean = [0, 1, 2].map((d) => hits.reduce((s, h) => s + ix.vector(h.id)![d], 0) / 3);
    const raw = [1 + DEFAULT_FEEDBACK.beta * mean[0], DEFAULT_FEEDBACK.beta * mean[1], DEFAULT_FEEDBACK.beta * mean[2]];
    const n = Math.hypot(...raw);
    raw.forEach((x, d) => expect(q[d]).toBeCloseTo(x / n, 6));
  });
});
