import { describe, expect, it } from 'vitest';
import type { Embedder } from '../../../src/embed/types.js';
import { VectorIndex } from '../../../src/recsys/index/vector-index.js';
import { EmbeddingSource } from '../../../src/recsys/sources/embedding.js';
import type { TitleEchoes } from '../../../src/recsys/sources/title-echo.js';
import { query } from './helpers.js';

// 2-d toy space: x = "what the request is about", y = "a title word the request happens to share".
// "echo" is nearest to the request only through its title; its text without the title points elsewhere.
function index(): VectorIndex {
  const ix = new VectorIndex({ model: 'toy', dims: 2 });
  ix.upsert(['echo', 'about', 'near'], [[0.9, 0.9], [1, 0.2], [0.8, 0.1]].map((v) => Float32Array.from(v)));
  return ix;
}

/** The request embeds to (1, 0.8); a text without a title to (0, 1) (about nothing asked). */
function embedder(): Embedder & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    model: 'toy',
    dims: 2,
    calls,
    async embed(texts) {
      calls.push(texts);
      return texts.map((t) => Float32Array.from(t === 'request' ? [1, 0.8] : [0, 1]));
    },
  };
}

const echoes = (ids: string[], untitled: Record<string, string> = { echo: 'Drama' }): TitleEchoes => ({
  among: (hits) => hits.filter((h) => ids.includes(h)),
  untitled: (id) => untitled[id],
});

describe('text search and titles that echo the request', () => {
  it('GIVEN no echo rule THEN the item that shares a title word leads (the problem)', async () => {
    const src = new EmbeddingSource({ index: index(), embedder: embedder() });
    expect((await src.fetch(query({ text: 'request' }), 3)).map((c) => c.itemId)[0]).toBe('echo');
  });

  it('GIVEN an echo THEN it is scored on its text without the title, in one extra embedding call, and falls back', async () => {
    const e = embedder();
    const src = new EmbeddingSource({ index: index(), embedder: e, titleEchoes: echoes(['echo']) });
    const got = await src.fetch(query({ text: 'request' }), 3);
    expect(got.map((c) => c.itemId)).toEqual(['about', 'near', 'echo']);
    expect(got.map((c) => c.sourceRanks.embedding)).toEqual([0, 1, 2]);
    expect(e.calls).toEqual([['request'], ['Drama']]);
  });

  it('GIVEN an echo with no text but its title THEN it falls to the end without an embedding call', async () => {
    const e = embedder();
    const src = new EmbeddingSource({ index: index(), embedder: e, titleEchoes: echoes(['echo'], { echo: '' }) });
    expect((await src.fetch(query({ text: 'request' }), 3)).map((c) => c.itemId)).toEqual(['about', 'near', 'echo']);
    expect(e.calls).toEqual([['request']]);
  });

  it('GIVEN no echo among the hits THEN nothing falls back: a title that is not an echo keeps its score (untitled-lift.ts only raises scores)', async () => {
    const e = embedder();
    const src = new EmbeddingSource({ index: index(), embedder: e, titleEchoes: echoes([]) });
    const plain = await new EmbeddingSource({ index: index(), embedder: embedder() }).fetch(query({ text: 'request' }), 3);
    const got = await src.fetch(query({ text: 'request' }), 3);
    expect(got.map((c) => c.itemId)).toEqual(plain.map((c) => c.itemId));
    expect(got.map((c) => c.sourceScores.embedding)).toEqual(plain.map((c) => c.sourceScores.embedding));
  });
});
