import { describe, expect, it } from 'vitest';
import type { Embedder } from '../../../../src/embed/types.js';
import { EmbeddingSource } from '../../../../src/recsys/sources/embedding.js';
import { query } from '../helpers.js';
import { REQUEST, toyIndex } from './feedback-toy.js';

const embedder: Embedder = { model: 'toy', dims: 3, embed: async (texts) => texts.map(() => Float32Array.from(REQUEST)) };
const ids = (cs: { itemId: string }[]): string[] => cs.map((c) => c.itemId);

describe('the embedding source and pseudo-relevance feedback', () => {
  it('GIVEN a free-text request THEN the item close to the first hits, though sharing no words, comes before the one that is not', async () => {
    const src = new EmbeddingSource({ index: toyIndex(), embedder });
    expect(ids(await src.fetch(query({ text: 'films about y' }), 5))).toEqual(['a', 'b', 'c', 'rel', 'off']);
  });

  it('GIVEN feedback turned off (false or beta = 0) THEN the text request is answered by the plain search', async () => {
    for (const feedback of [false as const, { beta: 0 }]) {
      const src = new EmbeddingSource({ index: toyIndex(), embedder, feedback });
      expect(ids(await src.fetch(query({ text: 'films about y' }), 5))).toEqual(['a', 'b', 'c', 'off', 'rel']);
    }
  });

  it('GIVEN "more like this" seeds THEN no feedback: the nearest items to the seed, as before', async () => {
    // With feedback, the seed b would find c before a (its first hits pull the query towards c).
    const src = new EmbeddingSource({ index: toyIndex(), embedder });
    expect(ids(await src.fetch(query({ seeds: ['b'] }), 4))).toEqual(['a', 'c', 'rel', 'off']);
  });
});
