import { describe, expect, it } from 'vitest';
import type { CatalogItem } from '../../../src/domain/item.js';
import type { Reason } from '../../../src/domain/reason.js';
import { allowListFilter, constraintsFilter, excludedFilter } from '../../../src/recsys/filters/filters.js';
import { PipelineContractError, runPipeline, type PipelineDeps } from '../../../src/recsys/pipeline.js';
import { FusionScorer } from '../../../src/recsys/scorers/fusion.js';
import { TopKSelector } from '../../../src/recsys/selectors/selectors.js';
import { candidate } from '../../../src/recsys/sources/candidate.js';
import type { CandidateSource, Scorer } from '../../../src/recsys/types.js';
import { items, query } from './helpers.js';

const catalog: CatalogItem[] = ['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) => ({
  id,
  title: id.toUpperCase(),
  tags: i % 2 ? ['Comedy'] : ['Horror'],
  year: 1990 + i,
}));

function listSource(id: string, ids: string[], reason?: (x: string) => Reason): CandidateSource {
  return { id, fetch: async () => ids.map((x, r) => candidate(id, x, 1 / (r + 1), r, reason?.(x))) };
}

function deps(over: Partial<PipelineDeps> = {}): PipelineDeps {
  return {
    sources: [listSource('pop', ['a', 'b', 'c', 'd'], () => ({ kind: 'popular' }))],
    filters: [allowListFilter(), excludedFilter(), constraintsFilter(items(catalog))],
    scorers: [{ scorer: new FusionScorer(), weight: 1 }],
    selector: new TopKSelector(),
    items: items(catalog),
    ...over,
  };
}

describe('runPipeline', () => {
  it('GIVEN a failing source and a source that never answers THEN both are skipped, traced, and the rest answers', async () => {
    const failing: CandidateSource = { id: 'broken', fetch: () => Promise.reject(new Error('index not loaded')) };
    const hanging: CandidateSource = { id: 'hanging', timeoutMs: 30, fetch: () => new Promise(() => {}) };
    const { recommendations, trace } = await runPipeline(query({ count: 2 }), deps({ sources: [failing, hanging, ...deps().sources] }));
    expect(recommendations.map((r) => r.item.id)).toEqual(['a', 'b']);
    expect(trace.sources.broken).toMatchObject({ count: 0, error: expect.stringMatching(/index not loaded/) });
    expect(trace.sources.hanging).toMatchObject({ count: 0, error: 'timeout' });
    expect(trace.sources.pop).toMatchObject({ count: 4 });
    expect(trace.sources.pop.error).toBeUndefined();
  });

  it('GIVEN two sources finding the same item THEN it appears once, with both sources, and ranks above singles', async () => {
    const s1 = listSource('s1', ['a', 'c'], () => ({ kind: 'popular' }));
    const s2 = listSource('s2', ['b', 'c', 'c'], (x) => ({ kind: 'liked', itemId: x, title: x.toUpperCase() }));
    const { recommendations } = await runPipeline(query({ count: 5 }), deps({ sources: [s1, s2] }));
    const ids = recommendations.map((r) => r.item.id);
    expect(ids.filter((x) => x === 'c')).toHaveLength(1);
    expect(ids[0]).toBe('c');
    const c = recommendations[0];
    expect(c.sources).toEqual(['s1', 's2']);
    // the more specific reason wins over "a crowd favourite"
    expect(c.reason).toEqual({ kind: 'liked', itemId: 'c', title: 'C' });
  });

  it('GIVEN any run THEN every recommendation has its catalog item, a score, sources and a reason', async () => {
    const { recommendations } = await runPipeline(query({ count: 3 }), deps());
    expect(recommendations).toHaveLength(3);
    for (const r of recommendations) {
      expect(r.item.title).toBeTruthy();
      expect(Number.isFinite(r.score)).toBe(true);
      expect(r.sources.length).toBeGreaterThan(0);
      expect(r.reason).toEqual({ kind: 'popular' });
    }
  });

  it('GIVEN count 1 or more candidates than count THEN exactly count come back; count 0 gives none', async () => {
    expect((await runPipeline(query({ count: 1 }), deps())).recommendations).toHaveLength(1);
    expect((await runPipeline(query({ count: 0 }), deps())).recommendations).toHaveLength(0);
    expect((await runPipeline(query({ count: 50 }), deps())).recommendations).toHaveLength(4);
  });

  it('GIVEN q.candidates THEN nothing outside the allow-list is returned', async () => {
    const { recommendations, trace } = await runPipeline(query({ candidates: ['d', 'b'], count: 5 }), deps());
    expect(recommendations.map((r) => r.item.id).sort()).toEqual(['b', 'd']);
    expect(trace.filtered['allow-list']).toBe(2);
  });

  it('GIVEN exclusions, constraints and ids the catalog lacks THEN each filter is counted in the trace', async () => {
    const src = listSource('s', ['a', 'b', 'c', 'd', 'e', 'ghost']);
    const q = query({ exclude: ['b'], constraints: { excludeTags: ['horror'] }, count: 5 });
    const { recommendations, trace } = await runPipeline(q, deps({ sources: [src] }));
    expect(recommendations.map((r) => r.item.id)).toEqual(['d']);
    expect(trace.filtered).toMatchObject({ 'unknown-item': 1, excluded: 1, constraints: 3, 'allow-list': 0 });
  });

  it('GIVEN a failing scorer THEN the list still comes back and the trace names it', async () => {
    const bad: Scorer = { id: 'llm-ranker', score: () => Promise.reject(new Error('quota')) };
    const { recommendations, trace } = await runPipeline(query(), deps({ scorers: [{ scorer: bad, weight: 1 }] }));
    expect(recommendations.map((r) => r.item.id)).toEqual(['a', 'b', 'c']);
    expect(trace.scorers['llm-ranker'].error).toMatch(/quota/);
  });

  it('GIVEN a scorer with the wrong length or a source returning a non-array THEN the run fails loudly', async () => {
    const short: Scorer = { id: 'short', score: async () => [1] };
    await expect(runPipeline(query(), deps({ scorers: [{ scorer: short, weight: 1 }] }))).rejects.toThrow(PipelineContractError);
    const weird = { id: 'weird', fetch: async () => null } as unknown as CandidateSource; // deliberately broken
    await expect(runPipeline(query(), deps({ sources: [weird] }))).rejects.toThrow(PipelineContractError);
  });

  it('GIVEN an injected clock THEN the trace times come from it', async () => {
    let t = 0;
    const { trace } = await runPipeline(query(), deps({ clock: () => (t += 5) }));
    expect(trace.totalMs).toBeGreaterThan(0);
    expect(trace.sources.pop.ms).toBe(5);
  });
});
