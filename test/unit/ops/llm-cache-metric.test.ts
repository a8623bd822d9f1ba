import { describe, expect, it } from 'vitest';
import { PromMetrics } from '../../../src/ops/prom-metrics.js';

/** The value of one series of a counter family, 0 when it was never counted. */
async function count(m: PromMetrics, name: string, labels: Record<string, string>): Promise<number> {
  const family = m.registry.getSingleMetric(name);
  if (!family) throw new Error(`no metric ${name}`);
  const { values } = await family.get();
  const v = values.find((x) => Object.entries(labels).every(([k, want]) => x.labels[k] === want));
  return v?.value ?? 0;
}

describe('the LLM response cache hit rate', () => {
  it('GIVEN 1 cached answer, 1 provider answer, and calls that were over budget, failed or timed out THEN the hit rate is 1 of 2, and the others count only as fallbacks and failures', async () => {
    const m = new PromMetrics({ shard: '0', processMetrics: false });
    m.llmCall('conversation', 'cached');
    m.llmCall('conversation', 'ok', { seconds: 1, promptTokens: 10, outputTokens: 5 });
    m.llmCall('conversation', 'over-budget');
    m.llmCall('conversation', 'over-budget');
    m.llmCall('conversation', 'failed', { seconds: 2 });
    m.llmCall('conversation', 'timeout', { seconds: 20 });
    const hit = await count(m, 'tastemaker_llm_cache_total', { use: 'conversation', result: 'hit' });
    const miss = await count(m, 'tastemaker_llm_cache_total', { use: 'conversation', result: 'miss' });
    expect({ hit, miss }).toEqual({ hit: 1, miss: 1 });
    expect(hit / (hit + miss)).toBe(0.5);
    expect(await count(m, 'tastemaker_llm_budget_fallbacks_total', { use: 'conversation' })).toBe(2);
    expect(await count(m, 'tastemaker_llm_failures_total', { use: 'conversation', reason: 'failed' })).toBe(1);
    expect(await count(m, 'tastemaker_llm_failures_total', { use: 'conversation', reason: 'timeout' })).toBe(1);
    expect(await count(m, 'tastemaker_llm_calls_total', { use: 'conversation', outcome: 'over-budget' })).toBe(2);
  });

  it('GIVEN an unusable answer from the provider THEN it is a miss (the cache had nothing usable, a request went out)', async () => {
    const m = new PromMetrics({ shard: '0', processMetrics: false });
    m.llmCall('refine', 'bad-answer', { seconds: 1 });
    expect(await count(m, 'tastemaker_llm_cache_total', { use: 'refine', result: 'miss' })).toBe(1);
    expect(await count(m, 'tastemaker_llm_cache_total', { use: 'refine', result: 'hit' })).toBe(0);
  });
});
