import { describe, expect, it } from 'vitest';
import type { Embedder } from '../../../src/embed/types.js';
import { mergeCandidates } from '../../../src/recsys/pipeline.js';
import { VectorIndex } from '../../../src/recsys/index/vector-index.js';
import { EmbeddingSource, tiedRanks } from '../../../src/recsys/sources/embedding.js';
import type { TitleEchoes } from '../../../src/recsys/sources/title-echo.js';
import { query } from './helpers.js';

// 2-d toy space: x = the request's genre, y = words of a title that the request does not ask about.
// "plain": an obscure film whose whole text is the genre; "titled": a film of the same genre whose distinctive
// title dilutes its vector; "named": a film whose title itself is what the request asks about; "other": off topic.
function index(): VectorIndex {
  const ix = new VectorIndex({ model: 'toy', dims: 2 });
  ix.upsert(['plain', 'titled', 'named', 'other'], [[1, 0.1], [0.8, 0.6], [1, 0], [0.1, 1]].map((v) => Float32Array.from(v)));
  return ix;
}

/** The request embeds to (1, 0); the genre's text to (1, 0.1); any other text to (0, 1). */
function embedder(): Embedder {
  const at: Record<string, number[]> = { request: [1, 0], Genre: [1, 0.1] };
  return { model: 'toy', dims: 2, embed: async (texts) => texts.map((t) => Float32Array.from(at[t] ?? [0, 1])) };
}

const untitled: Record<string, string> = { plain: 'Genre', titled: 'Genre', named: 'Other', other: 'Other' };
const noEchoes: TitleEchoes = { among: () => [], untitled: (id) => untitled[id] };

const search = (o: { titleEchoes?: TitleEchoes; tieMargin?: number }) =>
  new EmbeddingSource({ index: index(), embedder: embedder(), feedback: false, ...o }).fetch(query({ text: 'request' }), 4);

describe('a text search and titles that dilute a match', () => {
  it('GIVEN titles counted as text THEN the obscure film whose whole text is the genre ranks above the film of the same genre (the problem)', async () => {
    const got = await search({ tieMargin: 0 });
    expect(got.map((c) => c.itemId)).toEqual(['named', 'plain', 'titled', 'other']);
  });

  it('GIVEN the same genre without the titles THEN the two films score alike and share a rank; the named film and the off-topic one keep theirs', async () => {
    const got = await search({ titleEchoes: noEchoes });
    const by = Object.fromEntries(got.map((c) => [c.itemId, c]));
    expect(by.titled.sourceScores.embedding).toBeCloseTo(by.plain.sourceScores.embedding, 6);
    expect(by.named.sourceScores.embedding).toBeCloseTo(1, 6);
    expect(by.titled.sourceRanks.embedding).toBe(0);
    expect(by.plain.sourceRanks.embedding).toBe(0);
    expect(by.other.sourceRanks.embedding).toBe(3);
  });

  it('GIVEN a source that ranks near-ties alike THEN the merged candidates keep its shared ranks (never a worse rank than the list place)', () => {
    const hit = (itemId: string, score: number, rank: number) => ({ itemId, sources: ['embedding'], sourceScores: { embedding: score }, sourceRanks: { embedding: rank } });
    const got = mergeCandidates([{ sourceId: 'embedding', candidates: [hit('a', 0.9, 0), hit('b', 0.89, 0), hit('c', 0.5, 9)] }]);
    expect(got.map((c) => c.sourceRanks.embedding)).toEqual([0, 0, 2]);
  });
});

describe('tiedRanks', () => {
  it('GIVEN scores within the margin of the best THEN they all rank first, and the rest keep their place', () => {
    expect(tiedRanks([0.8, 0.79, 0.785, 0.7, 0.69], 0.02)).toEqual([0, 0, 0, 3, 4]);
  });

  it('GIVEN near-ties further down THEN they are not shared (only the top band is)', () => {
    expect(tiedRanks([0.8, 0.5, 0.499, 0.498], 0.02)).toEqual([0, 1, 2, 3]);
  });

  it('GIVEN no margin, no hits or no positive best THEN each hit keeps its place', () => {
    expect(tiedRanks([0.8, 0.8], 0)).toEqual([0, 1]);
    expect(tiedRanks([], 0.02)).toEqual([]);
    expect(tiedRanks([0, -0.1], 0.02)).toEqual([0, 1]);
  });
});
