import type { CatalogItem } from '../domain/item.js';
import { pickReason } from './reasons.js';
import { reasonSpecificity } from '../domain/reason.js';
import { MmrSelector, TopKSelector } from './selectors/selectors.js';
import { ListSource } from './sources/collaborative.js';
import { PipelineContractError, runScorers, type WeightedScorer } from './scorers/combine.js';
import { describeError, withTimeout } from '../kit/index.js';
import type {
  Candidate, CandidateSource, Filter, PipelineResult, PipelineTrace, RecQuery, Recommendation, ScoredCandidate, Selector, StageReporter,
} from './types.js';
import type { ItemId } from '../domain/item.js';
import type { Reason } from '../domain/reason.js';

export { PipelineContractError };

/** A pipeline is data: the stages in order. The app builds one per request. */
export interface Pipeline {
  sources: CandidateSource[];
  /** Applied in order: put the cheap ones first. */
  filters: Filter[];
  scorers: WeightedScorer[];
  /** Default: MMR over `vectors` when given, else plain top-k. */
  selector?: Selector;
}

export interface PipelineDeps extends Pipeline {
  items: (id: ItemId) => CatalogItem | undefined;
  vectors?: (id: ItemId) => Float32Array | undefined;
  clock?: () => number;
  /** Candidates asked of each source. Default max(100, 10 x count). */
  perSource?: number;
  /** Timeout of a source or scorer that sets none. Default 1000 ms (sources), 2000 ms (scorers). */
  sourceTimeoutMs?: number;
  scorerTimeoutMs?: number;
  /** Cancels the whole run (e.g. the interaction expired). */
  signal?: AbortSignal;
  /** Declared policy: run again, reaching deeper, when the list comes back short. */
  retry?: RetryPolicy;
  /** A second ranking pass over this pipeline's list (e.g. the LLM's listwise pick). */
  rerank?: RerankPass;
}

/**
 * `short`: filters removed candidates and the list came back shorter than asked ("something cozy", then
 * "no comedies": the nearest items are all comedies). The run is repeated once with `depthFactor` times
 * the candidates per source, rather than answering with a short list.
 */
export interface RetryPolicy {
  when: 'short';
  depthFactor: number;
  once: true;
}

/**
 * A pass that re-ranks the first pass's top `pool`, keeping `q.count`. Its candidates come in through a
 * list source (their order is the `list` source's rank, for a tie-breaking fusion scorer); no filters;
 * its scorers (fail-open: when they all fail, the given order stands), then its selector. A scorer that reports a
 * reason for an item (StageReport.reasons) is credited as a source of that item and its reason is shown;
 * otherwise the item keeps the first pass's sources and reason.
 */
export interface RerankPass {
  pool: number;
  /**
   * Plans the pass from the first pass's list; undefined skips it (the first pass's top `q.count` stand).
   * `selector`: default top-k by the combined score.
   */
  plan(first: Recommendation[]): { candidates: Recommendation[]; scorers: WeightedScorer[]; selector?: Selector } | undefined;
}

/**
 * Union of the sources' lists; a candidate keeps each source's best rank (and that rank's score). A rank is
 * the candidate's place in its source's list, or the rank the source gave it when that is better (a source
 * may rank near-ties alike: the embedding source's `tiedRanks`).
 */
export function mergeCandidates(lists: { sourceId: string; candidates: Candidate[] }[]): Candidate[] {
  // per item its reason so far, as `pickReason` over the reasons by rank picks (most specific; best rank; first)
  const byId = new Map<ItemId, { m: Candidate; reason: Reason | undefined; specificity: number; rank: number }>();
  for (const { sourceId, candidates } of lists) {
    for (let at = 0; at < candidates.length; at++) {
      const c = candidates[at];
      const own = c.sourceRanks[sourceId];
      const rank = Number.isInteger(own) && own >= 0 && own < at ? own : at;
      let e = byId.get(c.itemId);
      if (!e) {
        e = { m: { itemId: c.itemId, sources: [], sourceScores: {}, sourceRanks: {} }, reason: undefined, specificity: -1, rank: Infinity };
        byId.set(c.itemId, e);
      }
      const m = e.m;
      const prev = m.sourceRanks[sourceId];
      if (prev === undefined) m.sources.push(sourceId);
      if (prev === undefined || rank < prev) {
        m.sourceRanks[sourceId] = rank;
        m.sourceScores[sourceId] = c.sourceScores[sourceId] ?? c.sourceScores[c.sources[0]] ?? 0;
        const s = reasonSpecificity(c.reason);
        if (s > e.specificity || (s === e.specificity && rank < e.rank)) {
          e.reason = c.reason;
          e.specificity = s;
          e.rank = rank;
        }
      }
    }
  }
  const out: Candidate[] = [];
  for (const e of byId.values()) {
    e.m.reason = e.specificity >= 0 ? e.reason : pickReason([]);
    out.push(e.m);
  }
  return out;
}

const defaultPerSource = (count: number): number => Math.max(100, Math.max(0, Math.floor(count)) * 10);

/**
 * Runs a query through the pipeline: one pass (below), once more deeper when the retry policy says so,
 * then the rerank pass over its list when there is one. One trace: the last first-pass run's, with
 * `retried` and `rerank` set when they ran.
 */
export async function runPipeline(q: RecQuery, deps: PipelineDeps): Promise<PipelineResult> {
  const clock = deps.clock ?? Date.now;
  const t0 = clock();
  const rerank = deps.rerank;
  const first = await runWithRetry(rerank ? { ...q, count: Math.max(q.count, rerank.pool) } : q, deps);
  if (!rerank) return first;
  const pool = first.recommendations;
  const plan = rerank.plan(pool);
  if (!plan) return { recommendations: pool.slice(0, Math.max(0, Math.floor(q.count))), trace: first.trace, pool };
  const given = new Map(plan.candidates.map((r) => [r.item.id, r]));
  const second = await runPass(
    { scope: q.scope, userId: q.userId, intent: q.intent, count: q.count },
    {
      sources: [new ListSource({ ids: plan.candidates.map((r) => r.item.id) })],
      filters: [],
      scorers: plan.scorers,
      selector: plan.selector ?? new TopKSelector(),
      items: deps.items,
      clock: deps.clock,
      signal: deps.signal,
    },
  );
  const reports = second.trace.stages;
  const recommendations = second.recommendations.map((r): Recommendation => {
    const off = given.get(r.item.id);
    const by = plan.scorers.find(({ scorer }) => reports[scorer.id]?.reasons?.[r.item.id] !== undefined)?.scorer.id;
    const reason = by === undefined ? undefined : reports[by].reasons![r.item.id];
    const sources = off?.sources ?? [];
    return { item: r.item, score: r.score, sources: by === undefined ? sources : [by, ...sources], reason: reason ?? off?.reason ?? r.reason };
  });
  return { recommendations, trace: { ...first.trace, rerank: second.trace, totalMs: clock() - t0 }, pool };
}

async function runWithRetry(q: RecQuery, deps: PipelineDeps): Promise<PipelineResult> {
  const res = await runPass(q, deps);
  const policy = deps.retry;
  if (!policy || policy.when !== 'short' || res.recommendations.length >= q.count) return res;
  const filtered = Object.values(res.trace.filtered).reduce((a, b) => a + b, 0);
  if (filtered === 0) return res;
  const perSource = (deps.perSource ?? defaultPerSource(q.count)) * policy.depthFactor;
  const again = await runPass(q, { ...deps, perSource });
  again.trace.retried = { firstCount: res.recommendations.length, perSource };
  return again;
}

/**
 * One pass of a query through the stages: sources in parallel (each with its own timeout, fail-open) ->
 * merge and de-duplicate -> filters in order (items the catalog does not know are dropped first, as
 * `unknown-item`) -> scorers (fail-open, weighted) -> selector -> top `q.count`.
 * Broken stage contracts (a source not returning an array, a scorer returning the wrong length, a
 * selector returning items it was not given) throw PipelineContractError.
 */
async function runPass(q: RecQuery, deps: PipelineDeps): Promise<PipelineResult> {
  const clock = deps.clock ?? Date.now;
  const t0 = clock();
  const trace: PipelineTrace = { sources: {}, filtered: {}, scorers: {}, stages: {}, totalMs: 0 };
  const count = Math.max(0, Math.floor(q.count));
  const perSource = deps.perSource ?? defaultPerSource(count);
  // Stages report into this pass's trace until it returns; a report that comes later (a stage that
  // timed out and finished anyway) is not kept.
  let sealed = false;
  const reporter = (id: string): StageReporter => (r) => {
    if (!sealed) trace.stages[id] = r;
  };

  const seenIds = new Set<string>();
  for (const s of [...deps.sources, ...deps.filters, ...deps.scorers.map((x) => x.scorer)]) {
    if (seenIds.has(s.id)) throw new PipelineContractError(`two stages share the id ${s.id}`);
    seenIds.add(s.id);
  }

  const lists = await Promise.all(
    deps.sources.map(async (source) => {
      const s0 = clock();
      let candidates: Candidate[];
      try {
        candidates = await withTimeout(
          (signal) => source.fetch(q, perSource, signal, reporter(source.id)),
          source.timeoutMs ?? deps.sourceTimeoutMs ?? 1000,
          deps.signal,
        );
      } catch (e) {
        trace.sources[source.id] = { count: 0, ms: clock() - s0, error: describeError(e) };
        return { sourceId: source.id, candidates: [] as Candidate[] };
      }
      if (!Array.isArray(candidates)) throw new PipelineContractError(`source ${source.id} did not return an array`);
      trace.sources[source.id] = { count: candidates.length, ms: clock() - s0 };
      return { sourceId: source.id, candidates };
    }),
  );
  deps.signal?.throwIfAborted();

  let cs = mergeCandidates(lists);
  const known = cs.filter((c) => deps.items(c.itemId) !== undefined);
  if (known.length !== cs.length) trace.filtered['unknown-item'] = cs.length - known.length;
  cs = known;

  for (const f of deps.filters) {
    const { kept, removed } = await f.apply(q, cs);
    trace.filtered[f.id] = removed.length;
    cs = kept;
  }

  const scorers = deps.scorers.map(({ scorer, weight }) => ({
    weight,
    scorer: { id: scorer.id, timeoutMs: scorer.timeoutMs, score: (sq: RecQuery, scs: Candidate[], signal?: AbortSignal) => scorer.score(sq, scs, signal, reporter(scorer.id)) },
  }));
  const outcome = await runScorers(q, cs, scorers, {
    clock,
    defaultTimeoutMs: deps.scorerTimeoutMs,
    signal: deps.signal,
  });
  Object.assign(trace.scorers, outcome.trace);
  // the scorers' entries once, and each candidate's fields named (a spread per candidate cost more than scoring)
  const perScorer = Object.entries(outcome.perScorer);
  const scored: ScoredCandidate[] = cs.map((c, i) => {
    const scores: Record<string, number> = {};
    for (const [id, xs] of perScorer) scores[id] = xs[i];
    return { itemId: c.itemId, sources: c.sources, sourceScores: c.sourceScores, sourceRanks: c.sourceRanks, reason: c.reason, score: outcome.total[i], scores };
  });

  const selector = deps.selector ?? (deps.vectors ? new MmrSelector({ vectors: deps.vectors }) : new TopKSelector());
  const picked = selector.select(q, scored, count).slice(0, count);
  const given = new Set(scored);
  const recommendations: Recommendation[] = picked.map((c) => {
    if (!given.has(c)) throw new PipelineContractError(`selector ${selector.id} returned an item it was not given`);
    return { item: deps.items(c.itemId)!, score: c.score, sources: c.sources, reason: c.reason ?? pickReason([]) };
  });
  trace.totalMs = clock() - t0;
  sealed = true;
  return { recommendations, trace };
}
