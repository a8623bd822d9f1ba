import { describe, expect, it } from 'vitest';
import { contentMatchFilter } from '../../../src/recsys/filters/filters.js';
import type { Candidate, RecQuery } from '../../../src/recsys/types.js';

const cand = (itemId: string, ...sources: string[]): Candidate => ({ itemId, sources, sourceScores: {}, sourceRanks: {} });
const q = (over: Partial<RecQuery> = {}): RecQuery => ({ scope: 'g', userId: 'u', intent: 'conversation', count: 2, ...over });

describe('content-match filter', () => {
  const cs = [cand('heist-1', 'embedding', 'popular'), cand('crowd-favourite', 'community', 'popular'), cand('heist-2', 'embedding')];

  it('GIVEN a request with words AND the words found enough THEN items only taste or popularity brought in are dropped', async () => {
    const r = await contentMatchFilter().apply(q({ text: 'a tense heist' }), cs);
    expect(r.kept.map((c) => c.itemId)).toEqual(['heist-1', 'heist-2']);
    expect(r.removed.map((c) => c.itemId)).toEqual(['crowd-favourite']);
  });

  it('GIVEN the words found fewer than the list needs THEN nothing is dropped (the list stays full)', async () => {
    const r = await contentMatchFilter().apply(q({ text: 'a tense heist', count: 3 }), cs);
    expect(r.kept).toHaveLength(3);
  });

  it('GIVEN a request with no words AND a member with no taste yet THEN nothing is dropped', async () => {
    const r = await contentMatchFilter().apply(q({ text: undefined }), cs);
    expect(r.kept).toHaveLength(3);
  });

  it('GIVEN a request that names a title THEN what is like it in content stays and what was only co-watched goes', async () => {
    const like = [cand('toy-story-2', 'embedding', 'co-watch'), cand('forrest-gump', 'co-watch'), cand('monsters-inc', 'embedding')];
    const r = await contentMatchFilter().apply(q({ seeds: ['toy-story'] }), like);
    expect(r.kept.map((c) => c.itemId)).toEqual(['toy-story-2', 'monsters-inc']);
  });

  it('GIVEN a request with no words from a member with a taste THEN what is near their taste in content or in what people like them rate stays, crowd favourites go', async () => {
    const tonight = [cand('goodfellas', 'taste', 'community'), cand('star-wars', 'popular'), cand('casino', 'taste'), cand('heat', 'community'), cand('titanic', 'co-watch', 'popular')];
    const r = await contentMatchFilter().apply(q({ text: undefined }), tonight);
    expect(r.kept.map((c) => c.itemId)).toEqual(['goodfellas', 'casino', 'heat']);
  });

  it('GIVEN a request that names a title AND the catalog vectors THEN a co-watched film nearly as close in content as the farthest search hit stays, a distant one goes', async () => {
    // unit vectors at a given cosine to the seed (1, 0)
    const at = (c: number) => Float32Array.from([c, Math.sqrt(1 - c * c)]);
    const vecs: Record<string, Float32Array> = { spirited: at(1), laputa: at(0.6), 'cars-2': at(0.55), howl: at(0.52), 'forrest-gump': at(0.2) };
    const like = [cand('laputa', 'embedding', 'co-watch'), cand('howl', 'co-watch'), cand('forrest-gump', 'co-watch'), cand('cars-2', 'embedding')];
    const near = { vectors: (id: string) => vecs[id] };
    const r = await contentMatchFilter(undefined, near).apply(q({ seeds: ['spirited'] }), like);
    expect(r.kept.map((c) => c.itemId)).toEqual(['laputa', 'howl', 'cars-2']);
    // how far it reaches is the search's own depth: 0.52 is not within 0.9 x 0.6
    const deeper = await contentMatchFilter(undefined, near).apply(q({ seeds: ['spirited'], count: 1 }), like.filter((c) => c.itemId !== 'cars-2'));
    expect(deeper.kept.map((c) => c.itemId)).toEqual(['laputa']);
    // a request with words keeps only what the words found
    const worded = await contentMatchFilter(undefined, near).apply(q({ text: 'studio ghibli', count: 1 }), like);
    expect(worded.kept.map((c) => c.itemId)).toEqual(['laputa', 'cars-2']);
  });
});
