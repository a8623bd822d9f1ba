import { describe, expect, it } from 'vitest';
import type { CatalogItem } from '../../../src/domain/item.js';
import { excludedFilter } from '../../../src/recsys/filters/filters.js';
import { runPipeline, type PipelineDeps } from '../../../src/recsys/pipeline.js';
import { FusionScorer } from '../../../src/recsys/scorers/fusion.js';
import { TopKSelector } from '../../../src/recsys/selectors/selectors.js';
import { candidate } from '../../../src/recsys/sources/candidate.js';
import type { CandidateSource, Recommendation, ScoredCandidate, Scorer, StageReport } from '../../../src/recsys/types.js';
import { items, query } from './helpers.js';

const ids = Array.from({ length: 30 }, (_, i) => `i${String(i).padStart(2, '0')}`);
const catalog: CatalogItem[] = ids.map((id) => ({ id, title: id.toUpperCase() }));

/** A source that answers the first `k` of `ids` in order, and records each `k` it was asked for. */
function ranked(asked: number[] = []): CandidateSource {
  return {
    id: 'ranked',
    fetch: async (_q, k) => {
      asked.push(k);
      return ids.slice(0, k).map((x, r) => candidate('ranked', x, ids.length - r, r, { kind: 'popular' }));
    },
  };
}

function deps(over: Partial<PipelineDeps> = {}): PipelineDeps {
  return {
    sources: [ranked()],
    filters: [excludedFilter()],
    scorers: [{ scorer: new FusionScorer(), weight: 1 }],
    selector: new TopKSelector(),
    items: items(catalog),
    perSource: 5,
    ...over,
  };
}

const idsOf = (recs: Recommendation[]) => recs.map((r) => r.item.id);

describe('retry policy', () => {
  it('GIVEN filters leave the list short THEN retrieval runs once more, depthFactor deeper, and the trace says so', async () => {
    const asked: number[] = [];
    const q = query({ count: 4, exclude: ids.slice(0, 3) });
    const res = await runPipeline(q, deps({ sources: [ranked(asked)], retry: { when: 'short', depthFactor: 8, once: true } }));
    expect(asked).toEqual([5, 40]);
    expect(idsOf(res.recommendations)).toEqual(['i03', 'i04', 'i05', 'i06']);
    expect(res.trace.retried).toEqual({ firstCount: 2, perSource: 40 });
    expect(res.trace.filtered.excluded).toBe(3);
  });

  it('GIVEN no retry policy THEN the short list is the answer and nothing is retried', async () => {
    const asked: number[] = [];
    const res = await runPipeline(query({ count: 4, exclude: ids.slice(0, 3) }), deps({ sources: [ranked(asked)] }));
    expect(asked).toEqual([5]);
    expect(idsOf(res.recommendations)).toEqual(['i03', 'i04']);
    expect(res.trace.retried).toBeUndefined();
  });

  it('GIVEN a short list that no filter shortened THEN there is no retry (reaching deeper would find nothing more)', async () => {
    const asked: number[] = [];
    const res = await runPipeline(query({ count: 8 }), deps({ sources: [ranked(asked)], retry: { when: 'short', depthFactor: 8, once: true } }));
    expect(asked).toEqual([5]);
    expect(res.recommendations).toHaveLength(5);
    expect(res.trace.retried).toBeUndefined();
  });
});

describe('stage reports', () => {
  it('GIVEN a source and a scorer that report THEN the trace keeps both under their ids, a failed one with its reason', async () => {
    const reporting: CandidateSource = {
      id: 'reporting',
      fetch: async (_q, k, _s, report) => {
        report?.({ ok: true, calls: 1, notes: ['from cache'], dropped: 2 });
        return ids.slice(0, k).map((x, r) => candidate('reporting', x, 1, r));
      },
    };
    const failing: Scorer = {
      id: 'judge',
      score: async (_q, _cs, _s, report) => {
        report?.({ ok: false, calls: 1, reason: 'over-budget', notes: ['daily limit'] });
        throw new Error('over budget');
      },
    };
    const res = await runPipeline(query({ count: 2 }), deps({ sources: [reporting], scorers: [{ scorer: failing, weight: 1 }] }));
    expect(res.trace.stages.reporting).toEqual({ ok: true, calls: 1, notes: ['from cache'], dropped: 2 });
    expect(res.trace.stages.judge).toMatchObject({ ok: false, reason: 'over-budget' });
    expect(res.trace.scorers.judge.error).toMatch(/over budget/);
    expect(idsOf(res.recommendations)).toEqual(['i00', 'i01']);
  });

  it('GIVEN a scorer that reports only after its timeout THEN the late report is not in the trace', async () => {
    let late: Promise<void> | undefined;
    const slow: Scorer = {
      id: 'slow',
      timeoutMs: 10,
      score: (_q, cs, _s, report) => {
        late = new Promise((resolve) =>
          setTimeout(() => {
            report?.({ ok: true, calls: 1, notes: [] });
            resolve();
          }, 40),
        );
        return late.then(() => cs.map(() => 1));
      },
    };
    const res = await runPipeline(query({ count: 2 }), deps({ scorers: [{ scorer: slow, weight: 1 }] }));
    expect(res.trace.scorers.slow.error).toBe('timeout');
    await late;
    expect(res.trace.stages.slow).toBeUndefined();
  });
});

/** A listwise scorer: picks `picks` in that order, reporting a reason for each. */
function picker(picks: string[], over: Partial<StageReport> = {}): Scorer {
  return {
    id: 'llm',
    score: async (_q, cs, _s, report) => {
      report?.({ ok: true, calls: 1, notes: [], reasons: Object.fromEntries(picks.map((p) => [p, { kind: 'llm', text: `pick ${p}`, personal: false }])), ...over });
      return cs.map((c) => (picks.includes(c.itemId) ? picks.length - picks.indexOf(c.itemId) : 0));
    },
  };
}
const tieBreak = { scorer: new FusionScorer({ id: 'offline-order' }), weight: 0.01 };

describe('rerank pass', () => {
  it('GIVEN a rerank pass THEN the first pass selects its pool, the pass re-ranks it, and the picking scorer is credited', async () => {
    const seen: string[][] = [];
    const res = await runPipeline(
      query({ count: 3 }),
      deps({
        perSource: 20,
        rerank: {
          pool: 6,
          plan: (first) => {
            seen.push(idsOf(first));
            return { candidates: first, scorers: [{ scorer: picker(['i04', 'i01']), weight: 1 }, tieBreak] };
          },
        },
      }),
    );
    expect(seen).toEqual([['i00', 'i01', 'i02', 'i03', 'i04', 'i05']]);
    expect(idsOf(res.pool!)).toEqual(seen[0]);
    expect(idsOf(res.recommendations)).toEqual(['i04', 'i01', 'i00']);
    expect(res.recommendations[0]).toMatchObject({ sources: ['llm', 'ranked'], reason: { kind: 'llm', text: 'pick i04' } });
    // Not picked: keeps the first pass's sources and reason.
    expect(res.recommendations[2]).toMatchObject({ sources: ['ranked'], reason: { kind: 'popular' } });
    expect(res.trace.rerank?.stages.llm).toMatchObject({ ok: true, calls: 1 });
    expect(res.trace.rerank?.sources.list.count).toBe(6);
  });

  it('GIVEN the pass scorer fails THEN the first pass order stands and the pass trace says why', async () => {
    const failing: Scorer = {
      id: 'llm',
      score: async (_q, _cs, _s, report) => {
        report?.({ ok: false, calls: 1, reason: 'bad-answer', notes: ['not JSON'] });
        throw new Error('bad answer');
      },
    };
    const res = await runPipeline(
      query({ count: 3 }),
      deps({ perSource: 20, rerank: { pool: 6, plan: (first) => ({ candidates: first, scorers: [{ scorer: failing, weight: 1 }, tieBreak] }) } }),
    );
    expect(idsOf(res.recommendations)).toEqual(['i00', 'i01', 'i02']);
    expect(res.recommendations[0]).toMatchObject({ sources: ['ranked'], reason: { kind: 'popular' } });
    expect(res.trace.rerank?.stages.llm).toMatchObject({ ok: false, reason: 'bad-answer' });
    expect(res.trace.rerank?.scorers.llm.error).toMatch(/bad answer/);
  });

  it('GIVEN pinned candidates ahead of the first pass THEN the pass ranks them too', async () => {
    const kept: Recommendation = { item: catalog[20], score: 1, sources: ['conversation'], reason: { kind: 'kept' } };
    const res = await runPipeline(
      query({ count: 2 }),
      deps({ perSource: 20, rerank: { pool: 4, plan: (first) => ({ candidates: [kept, ...first], scorers: [{ scorer: picker(['i02']), weight: 1 }, tieBreak] }) } }),
    );
    expect(idsOf(res.recommendations)).toEqual(['i02', 'i20']);
    expect(res.recommendations[1]).toMatchObject({ sources: ['conversation'], reason: { kind: 'kept' } });
  });

  it('GIVEN the plan gives its own selector THEN the pass selects with it', async () => {
    const reversed = { id: 'reversed', select: (_q: unknown, scored: ScoredCandidate[], count: number) => scored.slice().reverse().slice(0, count) };
    const res = await runPipeline(
      query({ count: 2 }),
      deps({ perSource: 20, rerank: { pool: 4, plan: (first) => ({ candidates: first, scorers: [tieBreak], selector: reversed }) } }),
    );
    expect(idsOf(res.recommendations)).toEqual(['i03', 'i02']);
  });

  it('GIVEN the plan skips the pass THEN the first pass top count stands, with no pass in the trace', async () => {
    const res = await runPipeline(query({ count: 2 }), deps({ perSource: 20, rerank: { pool: 6, plan: () => undefined } }));
    expect(idsOf(res.recommendations)).toEqual(['i00', 'i01']);
    expect(res.pool).toHaveLength(6);
    expect(res.trace.rerank).toBeUndefined();
  });
});
