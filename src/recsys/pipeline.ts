import type { CatalogItem } from '../domain/item.js';
import { pickReason } from './reasons.js';
import { MmrSelector, TopKSelector } from './selectors/selectors.js';
import { PipelineContractError, runScorers, withTimeout, type WeightedScorer } from './scorers/combine.js';
import type { Candidate, CandidateSource, Filter, PipelineResult, PipelineTrace, RecQuery, Recommendation, ScoredCandidate, Selector } from './types.js';
import type { ItemId } from '../domain/item.js';

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
}

function describe(e: unknown): string {
  if (e instanceof Error) return e.name === 'TimeoutError' ? 'timeout' : `${e.name}: ${e.message}`;
  return String(e);
}

/** Union of the sources' lists; a candidate keeps each source's best rank (and that rank's score). */
export function mergeCandidates(lists: { sourceId: string; candidates: Candidate[] }[]): Candidate[] {
  const byId = new Map<ItemId, Candidate>();
  const reasons = new Map<ItemId, { reason: string | undefined; rank: number }[]>();
  for (const { sourceId, candidates } of lists) {
    candidates.forEach((c, rank) => {
      let m = byId.get(c.itemId);
      if (!m) {
        m = { itemId: c.itemId, sources: [], sourceScores: {}, sourceRanks: {} };
        byId.set(c.itemId, m);
        reasons.set(c.itemId, []);
      }
      const prev = m.sourceRanks[sourceId];
      if (prev === undefined) m.sources.push(sourceId);
      if (prev === undefined || rank < prev) {
        m.sourceRanks[sourceId] = rank;
        m.sourceScores[sourceId] = c.sourceScores[sourceId] ?? c.sourceScores[c.sources[0]] ?? 0;
        reasons.get(c.itemId)!.push({ reason: c.reason, rank });
      }
    });
  }
  for (const [id, rs] of reasons) {
    rs.sort((a, b) => a.rank - b.rank);
    byId.get(id)!.reason = pickReason(rs.map((r) => r.reason));
  }
  return [...byId.values()];
}

/**
 * Runs one query through the stages: sources in parallel (each with its own timeout, fail-open) ->
 * merge and de-duplicate -> filters in order (items the catalog does not know are dropped first, as
 * `unknown-item`) -> scorers (fail-open, weighted) -> selector -> top `q.count`.
 * Broken stage contracts (a source not returning an array, a scorer returning the wrong length, a
 * selector returning items it was not given) throw PipelineContractError.
 */
export async function runPipeline(q: RecQuery, deps: PipelineDeps): Promise<PipelineResult> {
  const clock = deps.clock ?? Date.now;
  const t0 = clock();
  const trace: PipelineTrace = { sources: {}, filtered: {}, scorers: {}, totalMs: 0 };
  const count = Math.max(0, Math.floor(q.count));
  const perSource = deps.perSource ?? Math.max(100, count * 10);

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
          (signal) => source.fetch(q, perSource, signal),
          source.timeoutMs ?? deps.sourceTimeoutMs ?? 1000,
          deps.signal,
        );
      } catch (e) {
        trace.sources[source.id] = { count: 0, ms: clock() - s0, error: describe(e) };
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

  const outcome = await runScorers(q, cs, deps.scorers, {
    clock,
    defaultTimeoutMs: deps.scorerTimeoutMs,
    signal: deps.signal,
  });
  Object.assign(trace.scorers, outcome.trace);
  const scored: ScoredCandidate[] = cs.map((c, i) => {
    const scores: Record<string, number> = {};
    for (const [id, xs] of Object.entries(outcome.perScorer)) scores[id] = xs[i];
    return { ...c, score: outcome.total[i], scores };
  });

  const selector = deps.selector ?? (deps.vectors ? new MmrSelector({ vectors: deps.vectors }) : new TopKSelector());
  const picked = selector.select(q, scored, count).slice(0, count);
  const given = new Set(scored);
  const recommendations: Recommendation[] = picked.map((c) => {
    if (!given.has(c)) throw new PipelineContractError(`selector ${selector.id} returned an item it was not given`);
    return { item: deps.items(c.itemId)!, score: c.score, sources: c.sources, reason: c.reason ?? pickReason([]) };
  });
  trace.totalMs = clock() - t0;
  return { recommendations, trace };
}
