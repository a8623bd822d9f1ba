import { describe, expect, it } from 'vitest';
import { CombinedScorer, PipelineContractError, runScorers } from '../../../src/recsys/scorers/combine.js';
import { FusionScorer } from '../../../src/recsys/scorers/fusion.js';
import { RatingModelScorer } from '../../../src/recsys/scorers/rating-model.js';
import type { Scorer } from '../../../src/recsys/types.js';
import { cand, query } from './helpers.js';

const fixed = (id: string, xs: number[] | (() => Promise<number[]>)): Scorer => ({
  id,
  score: async () => (typeof xs === 'function' ? xs() : xs),
});

describe('scorers', () => {
  it('GIVEN a rating predictor THEN one prediction per candidate, in order, for the query user', async () => {
    const calls: string[] = [];
    const model = { predict: (u: string, i: string) => (calls.push(`${u}:${i}`), i === 'b' ? 4.5 : 2) };
    const got = await new RatingModelScorer({ model }).score(query({ userId: 'u7' }), [cand('a'), cand('b')]);
    expect(got).toEqual([2, 4.5]);
    expect(calls).toEqual(['u7:a', 'u7:b']);
  });

  it('GIVEN candidates found by several sources THEN fusion rewards agreement and weights sources', async () => {
    const cs = [cand('both', { x: 3, y: 3 }), cand('xTop', { x: 0 }), cand('yTop', { y: 0 })];
    const [both, xTop, yTop] = await new FusionScorer({ weights: { x: 1, y: 2 } }).score(query(), cs);
    expect(both).toBeGreaterThan(xTop);
    expect(yTop).toBeGreaterThan(xTop);
    expect(yTop).toBeCloseTo(2 / 61);
  });

  it('GIVEN two scorers THEN scores are min-max normalised and summed by weight', async () => {
    const cs = [cand('a'), cand('b'), cand('c')];
    const out = await runScorers(query(), cs, [
      { scorer: fixed('s1', [1, 2, 3]), weight: 1 },
      { scorer: fixed('s2', [30, 10, 20]), weight: 2 },
    ]);
    expect(out.total).toEqual([2, 0.5, 2]);
    expect(out.perScorer).toEqual({ s1: [1, 2, 3], s2: [30, 10, 20] });
  });

  it('GIVEN a failing scorer THEN it is skipped and the trace says why', async () => {
    const out = await runScorers(query(), [cand('a'), cand('b')], [
      { scorer: fixed('ok', [1, 0]), weight: 1 },
      { scorer: fixed('bad', () => Promise.reject(new Error('model not trained'))), weight: 5 },
    ]);
    expect(out.total).toEqual([1, 0]);
    expect(out.trace.bad.error).toMatch(/model not trained/);
    expect(out.trace.ok.error).toBeUndefined();
  });

  it('GIVEN a scorer that never answers THEN it times out and is skipped', async () => {
    const slow: Scorer = { id: 'slow', timeoutMs: 20, score: () => new Promise<number[]>(() => {}) };
    const out = await runScorers(query(), [cand('a')], [{ scorer: slow, weight: 1 }]);
    expect(out.trace.slow.error).toBe('timeout');
  });

  it('GIVEN every scorer fails THEN the order falls back to fusion of source ranks', async () => {
    const out = await runScorers(query(), [cand('a', { s: 5 }), cand('b', { s: 0 })], [
      { scorer: fixed('bad', () => Promise.reject(new Error('x'))), weight: 1 },
    ]);
    expect(out.total[1]).toBeGreaterThan(out.total[0]);
  });

  it('GIVEN a scorer returning the wrong number of scores THEN it fails loudly', async () => {
    await expect(runScorers(query(), [cand('a'), cand('b')], [{ scorer: fixed('short', [1]), weight: 1 }])).rejects.toThrow(PipelineContractError);
    await expect(runScorers(query(), [cand('a')], [{ scorer: fixed('nan', [Number.NaN]), weight: 1 }])).rejects.toThrow(PipelineContractError);
  });

  it('GIVEN a combined scorer THEN it is itself a scorer of the right length', async () => {
    const s = new CombinedScorer([{ scorer: fixed('s1', [3, 1]), weight: 1 }]);
    expect(await s.score(query(), [cand('a'), cand('b')])).toEqual([1, 0]);
    expect(s.id).toBe('combined(s1)');
  });
});
