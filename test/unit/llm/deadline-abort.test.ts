import { Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../../src/log.js';
import type { LlmContext, LlmLimits } from '../../../src/llm/contracts.js';
import { createMemoryKv, createMemoryUsage } from '../../../src/llm/memory.js';
import { llmDeadlineMs } from '../../../src/llm/retry.js';
import { LlmPicksScorer, LlmStageError, LlmTitleSource } from '../../../src/llm/stages.js';
import type { GenerateRequest, LlmProvider } from '../../../src/llm/types.js';
import { createLlmUses } from '../../../src/llm/uses.js';
import { runPipeline } from '../../../src/recsys/pipeline.js';
import { TopKSelector } from '../../../src/recsys/selectors/selectors.js';
import { ListSource } from '../../../src/recsys/sources/collaborative.js';
import type { Candidate, RecQuery, StageReport } from '../../../src/recsys/types.js';

/** A provider that never answers: its call ends only when its signal aborts (it records that). */
function hangingProvider() {
  const seen: { aborted: boolean }[] = [];
  const provider: LlmProvider = {
    name: 'stub',
    model: 'stub-1',
    embedModel: 'stub-embed',
    embedDims: 8,
    generate: (req: GenerateRequest) =>
      new Promise((_resolve, reject) => {
        const rec = { aborted: false };
        seen.push(rec);
        req.signal?.addEventListener('abort', () => {
          rec.aborted = true;
          reject(new Error('aborted'));
        });
      }),
    embed: async () => ({ vectors: [], requests: 0 }),
    countTokens: async () => 0,
  };
  return { provider, seen };
}

// the per-attempt timeout is far longer than any test: only the stage signal can end a hanging call
const quiet = () => createLogger('silent', new Writable({ write: (_c, _e, cb) => cb() }));
const limits: LlmLimits = { maxCandidates: 40, maxHistory: 30, cacheTtlMs: 0, timeoutMs: 60_000, pointwiseConcurrency: 4 };
const context: LlmContext = {
  scope: 'g',
  userId: 'u',
  enabled: true,
  budget: { userCalls: 100, serverCalls: 100, userTokens: 1e6, serverTokens: 1e6 },
};
const usesWith = (provider: LlmProvider, over: Partial<LlmLimits> = {}) => {
  const usage = createMemoryUsage();
  return { usage, uses: createLlmUses({ provider, cache: createMemoryKv(), usage, logger: quiet(), limits: { ...limits, ...over } }) };
};
const items = [
  { id: 'a', title: 'Heat' },
  { id: 'b', title: 'Alien' },
];
const cands: Candidate[] = items.map((i, r) => ({ itemId: i.id, sources: ['x'], sourceScores: { x: 2 - r }, sourceRanks: { x: r } }));
const q: RecQuery = { scope: 'g', userId: 'u', intent: 'conversation', count: 2 };
const convo = { request: 'crime', history: [], candidates: items, offlineOrder: ['a', 'b'], count: 2 };

afterEach(() => {
  vi.useRealTimers();
});

describe('llmDeadlineMs', () => {
  it('GIVEN the per-attempt timeout THEN the deadline covers 3 attempts plus at most 2 s of backoff', () => {
    expect(llmDeadlineMs(20_000)).toBe(62_000);
    expect(llmDeadlineMs(500)).toBe(3_500);
  });
});

describe('gateway overall deadline', () => {
  it('GIVEN a provider that never answers THEN the call is aborted at llmDeadlineMs(timeoutMs), not at timeoutMs', async () => {
    vi.useFakeTimers();
    const { provider, seen } = hangingProvider();
    const { uses } = usesWith(provider);
    const pending = uses.conversation(context, convo);
    await vi.advanceTimersByTimeAsync(limits.timeoutMs * 2);
    expect(seen).toHaveLength(1);
    expect(seen[0].aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(llmDeadlineMs(limits.timeoutMs) - limits.timeoutMs * 2);
    const r = await pending;
    expect(seen[0].aborted).toBe(true);
    expect(r).toMatchObject({ ok: false, reason: 'llm-failed', calls: 1 });
    expect(r.notes[0]).toMatch(/did not answer in time/);
  });
});

describe('stages pass the pipeline signal to the LLM call', () => {
  it('GIVEN the scorer signal aborts THEN the provider call is aborted and the stage fails with an LlmStageError', async () => {
    const { provider, seen } = hangingProvider();
    const { uses } = usesWith(provider);
    const scorer = new LlmPicksScorer((_cs, signal) => uses.conversation(context, convo, { signal }), 50);
    const ctrl = new AbortController();
    const reports: StageReport[] = [];
    const scoring = scorer.score(q, cands, ctrl.signal, (r) => reports.push(r));
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    ctrl.abort(new Error('stage timed out'));
    await expect(scoring).rejects.toBeInstanceOf(LlmStageError);
    expect(seen[0].aborted).toBe(true);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ ok: false, reason: 'llm-failed' });
  });

  it('GIVEN an LLM scorer slower than its stage timeout THEN the pipeline keeps the offline order and the call is stopped', async () => {
    const { provider, seen } = hangingProvider();
    const { uses } = usesWith(provider);
    const scorer = new LlmPicksScorer((_cs, signal) => uses.conversation(context, convo, { signal }), 30);
    const res = await runPipeline(q, {
      sources: [new ListSource({ ids: ['a', 'b'] })],
      filters: [],
      scorers: [{ scorer, weight: 1 }],
      selector: new TopKSelector(),
      items: (id) => items.find((i) => i.id === id),
    });
    expect(res.recommendations.map((r) => r.item.id)).toEqual(['a', 'b']);
    await vi.waitFor(() => expect(seen[0]?.aborted).toBe(true));
  });

  it('GIVEN the title source signal aborts THEN the open-world call is aborted', async () => {
    const { provider, seen } = hangingProvider();
    const { uses } = usesWith(provider);
    const source = new LlmTitleSource({
      timeoutMs: 50,
      propose: (count, signal) => uses.openWorld(context, { request: 'x', history: [], count }, { signal }),
      resolve: () => undefined,
    });
    const ctrl = new AbortController();
    const fetching = source.fetch(q, 5, ctrl.signal);
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    ctrl.abort();
    await expect(fetching).rejects.toBeInstanceOf(LlmStageError);
    expect(seen[0].aborted).toBe(true);
  });

  it('GIVEN pointwise ranking is aborted THEN no further candidate calls start and none are counted', async () => {
    const { provider, seen } = hangingProvider();
    const { uses, usage } = usesWith(provider, { pointwiseConcurrency: 2 });
    const many = Array.from({ length: 6 }, (_, i) => ({ id: `c${i}`, title: `T${i}` }));
    const ctrl = new AbortController();
    const ranking = uses.rankPointwise(context, { ratings: [], candidates: many }, { signal: ctrl.signal });
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    ctrl.abort();
    const r = await ranking;
    expect(r).toMatchObject({ ok: false, reason: 'llm-failed', calls: 2 });
    expect(seen).toHaveLength(2);
    expect((await usage.get('g', 'u')).calls).toBe(2);
  });

  it('GIVEN a signal already aborted THEN no request is made and no budget is used', async () => {
    const { provider, seen } = hangingProvider();
    const { uses, usage } = usesWith(provider);
    const r = await uses.predict(context, { ratings: [], target: items[0] }, { signal: AbortSignal.abort() });
    expect(r).toMatchObject({ ok: false, reason: 'llm-failed', calls: 0 });
    expect(seen).toHaveLength(0);
    expect((await usage.get('g', 'u')).calls).toBe(0);
  });
});
