import { describe, expect, it } from 'vitest';
import type { CatalogItem } from '../../../src/domain/item.js';
import { runPipeline, type PipelineDeps } from '../../../src/recsys/pipeline.js';
import { FusionScorer } from '../../../src/recsys/scorers/fusion.js';
import { TagWeightScorer } from '../../../src/recsys/scorers/tag-weights.js';
import { TopKSelector } from '../../../src/recsys/selectors/selectors.js';
import { candidate } from '../../../src/recsys/sources/candidate.js';
import type { CandidateSource } from '../../../src/recsys/types.js';
import { items, query } from './helpers.js';

const catalog: CatalogItem[] = [
  { id: 'alien', title: 'Alien', tags: ['Horror', 'Sci-Fi'] },
  { id: 'matrix', title: 'The Matrix', tags: ['Action', 'Sci-Fi'] },
  { id: 'heat', title: 'Heat', tags: ['Crime', 'Thriller'] },
  { id: 'up', title: 'Up', tags: ['Animation', 'Comedy'] },
];
const tagsOf = (id: string) => catalog.find((x) => x.id === id)?.tags;
const source: CandidateSource = { id: 'list', fetch: async () => catalog.map((x, r) => candidate('list', x.id, 1 / (r + 1), r)) };

function deps(): PipelineDeps {
  return {
    sources: [source],
    filters: [],
    scorers: [
      { scorer: new FusionScorer(), weight: 1 },
      { scorer: new TagWeightScorer(tagsOf), weight: 2 },
    ],
    selector: new TopKSelector(),
    items: items(catalog),
  };
}
const order = async (tagWeights?: Record<string, number>) =>
  (await runPipeline({ ...query({ count: 4 }), ...(tagWeights ? { tagWeights } : {}) }, deps())).recommendations.map((r) => r.item.id);

describe('soft genre weights in the ranking', () => {
  it('GIVEN no weights THEN the ranking is the fused one, untouched', async () => {
    expect(await order()).toEqual(['alien', 'matrix', 'heat', 'up']);
  });

  it('GIVEN "fewer sci-fi" (science fiction -1) THEN the sci-fi items sink below the others, and nothing is removed', async () => {
    expect(await order({ 'science fiction': -1 })).toEqual(['heat', 'up', 'alien', 'matrix']);
  });

  it('GIVEN "more comedy" THEN the comedy rises to the top', async () => {
    expect((await order({ comedy: 2 }))[0]).toBe('up');
  });

  it('GIVEN two "fewer" genres THEN an item in both sinks furthest', async () => {
    const scores = await new TagWeightScorer(tagsOf).score({ ...query({ count: 4 }), tagWeights: { 'science fiction': -1, horror: -1 } }, [
      candidate('list', 'alien', 1, 0),
      candidate('list', 'matrix', 1, 1),
      candidate('list', 'heat', 1, 2),
    ]);
    expect(scores).toEqual([-2, -1, 0]);
  });
});
