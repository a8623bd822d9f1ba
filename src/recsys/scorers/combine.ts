import type { Candidate, RecQuery, Scorer } from '../types.js';
import { rrf } from './fusion.js';
import { describeError, withTimeout } from '../../kit/index.js';

export interface WeightedScorer {
  scorer: Scorer;
  weight: number;
}

/** A broken stage contract (wrong length, not numbers): a programmer error, never swallowed. */
export class PipelineContractError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PipelineContractError';
  }
}

export interface ScoringOutcome {
  /** Combined score per candidate, same order. */
  total: number[];
  /** Each successful scorer's raw scores. */
  perScorer: Record<string, number[]>;
  trace: Record<string, { ms: number; error?: string }>;
}

export interface RunScorersOptions {
  clock?: () => number;
  defaultTimeoutMs?: number;
  signal?: AbortSignal;
}

/** Min-max to [0, 1]; a constant column becomes all 0 (it tells nothing apart). */
export function minMax(xs: number[]): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of xs) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  const span = hi - lo;
  return xs.map((x) => (span > 0 ? (x - lo) / span : 0));
}

/**
 * Runs scorers in parallel, each with its own timeout and fail-open (a failure is recorded in the trace
 * and the scorer skipped), then sums their min-max-normalised scores by weight. A scorer returning the
 * wrong number of scores, or a non-number, throws PipelineContractError. When no scorer succeeds the
 * total falls back to reciprocal-rank fusion of the source ranks, so a list always has an order.
 */
export async function runScorers(
  q: RecQuery,
  cs: Candidate[],
  scorers: WeightedScorer[],
  opts: RunScorersOptions = {},
): Promise<ScoringOutcome> {
  const clock = opts.clock ?? Date.now;
  const trace: ScoringOutcome['trace'] = {};
  const perScorer: Record<string, number[]> = {};
  const results = await Promise.all(
    scorers.map(async ({ scorer }) => {
      const t0 = clock();
      try {
        const out = await withTimeout((s) => scorer.score(q, cs, s), scorer.timeoutMs ?? opts.defaultTimeoutMs ?? 2000, opts.signal);
        trace[scorer.id] = { ms: clock() - t0 };
        return out;
      } catch (e) {
        trace[scorer.id] = { ms: clock() - t0, error: describeError(e) };
        return null;
      }
    }),
  );
  const total = new Array<number>(cs.length).fill(0);
  let used = 0;
  results.forEach((out, i) => {
    if (out === null) return;
    const { scorer, weight } = scorers[i];
    if (!Array.isArray(out) || out.length !== cs.length) {
      throw new PipelineContractError(`scorer ${scorer.id} returned ${Array.isArray(out) ? out.length : typeof out} scores for ${cs.length} candidates`);
    }
    if (out.some((x) => typeof x !== 'number' || Number.isNaN(x))) {
      throw new PipelineContractError(`scorer ${scorer.id} returned a non-number score`);
    }
    perScorer[scorer.id] = out;
    const norm = minMax(out);
    for (let j = 0; j < cs.length; j++) total[j] += weight * norm[j];
    used++;
  });
  if (used === 0) {
    for (let j = 0; j < cs.length; j++) total[j] = rrf(cs[j]);
  }
  return { total, perScorer, trace };
}

/** Several weighted scorers as one Scorer (normalised, weighted sum; fail-open inside). */
export class CombinedScorer implements Scorer {
  readonly id: string;

  constructor(
    private readonly parts: WeightedScorer[],
    opts: { id?: string } = {},
  ) {
    this.id = opts.id ?? `combined(${parts.map((p) => p.scorer.id).join(',')})`;
  }

  async score(q: RecQuery, cs: Candidate[], signal?: AbortSignal): Promise<number[]> {
    return (await runScorers(q, cs, this.parts, { signal })).total;
  }
}
