/**
 * LLM-backed pipeline stages (DESIGN: `llm/` implements LLM stages against the `recsys` interfaces).
 * - `LlmPicksScorer`: ONE call that picks and orders (listwise) the candidates it is given; used as the
 *   ranking stage of a list (conversation, refinement turn, next). Fail-open: when the LLM cannot answer
 *   the stage throws, the runner skips it, and the offline order stands.
 * - `LlmPointwiseScorer`, `LlmOrderScorer`: the user's own list (/rank) scored item by item, or ordered by
 *   pairwise comparisons or one listwise call.
 * - `LlmTitleSource`: titles the LLM proposes (open world), resolved against the catalog when one exists.
 * All report their outcome (calls, notes, why it failed, grounding misses, the model's reasons) into the
 * run's trace through the `report` callback the runner gives them (recsys StageReport), and pass the
 * AbortSignal the pipeline gives them (it aborts when the stage times out) to the LLM call, so a timed-out
 * stage stops its call.
 * Use `llmDeadlineMs(LLM_TIMEOUT_MS)` (retry.ts) as their `timeoutMs`: the gateway's own overall deadline.
 */
import type { Reason } from '../domain/reason.js';
import type { Candidate, CandidateSource, RecQuery, Scorer, StageReport, StageReporter } from '../recsys/types.js';
import type { LlmFailReason, LlmOutcome, Pick } from './contracts.js';
import { modelReason } from './model-reason.js';
import type { OpenWorldTitle } from './uses/pick.js';

export class LlmStageError extends Error {
  constructor(readonly reason: LlmFailReason, notes: string[]) {
    super(`LLM stage fell back to the offline engine (${reason})${notes.length ? `: ${notes.join('; ')}` : ''}`);
    this.name = 'LlmStageError';
  }
}

/** The use's answer, or (when it failed) a report of why, its calls and notes, and a stage error. */
function answered<T>(out: LlmOutcome<T>, report: StageReporter | undefined): Extract<LlmOutcome<T>, { ok: true }> {
  if (out.ok) return out;
  report?.({ ok: false, calls: out.calls, reason: out.reason, notes: out.notes });
  throw new LlmStageError(out.reason, out.notes);
}

type PicksValue = { picks: Pick[]; dropped?: number; comment?: string };

/** Reports the use's outcome; on success, the model's reason for each item it picked itself, and its comment. */
export class LlmPicksScorer<V extends PicksValue> implements Scorer {
  readonly id = 'llm';

  constructor(
    /** `signal` aborts when the stage times out: pass it to the use (`{ signal }`). */
    private readonly call: (cs: Candidate[], signal?: AbortSignal) => Promise<LlmOutcome<V>>,
    readonly timeoutMs: number,
  ) {}

  async score(_q: RecQuery, cs: Candidate[], signal?: AbortSignal, report?: StageReporter): Promise<number[]> {
    const out = answered(await this.call(cs, signal), report);
    const reasons: Record<string, Reason> = {};
    for (const p of out.value.picks) if (p.by === 'llm' && reasons[p.id] === undefined) reasons[p.id] = p.reason;
    const r: StageReport = { ok: true, calls: out.calls, notes: out.notes, reasons };
    if (out.value.dropped !== undefined) r.dropped = out.value.dropped;
    if (out.value.comment !== undefined) r.comment = out.value.comment;
    report?.(r);
    const n = out.value.picks.length;
    const pos = new Map(out.value.picks.map((p, i) => [p.id, n - i]));
    // Picked items in the LLM's order; everything else after them.
    return cs.map((c) => pos.get(c.itemId) ?? 0);
  }
}

/**
 * Pointwise: the use scores the items one by one; an item it could not score gets `fallback`. Reports each
 * score as that item's reason (`llm-predicted`).
 */
export class LlmPointwiseScorer implements Scorer {
  readonly id = 'llm';

  constructor(
    private readonly call: (signal?: AbortSignal) => Promise<LlmOutcome<{ scores: Record<string, number> }>>,
    private readonly fallback: (itemId: string) => number,
    readonly timeoutMs: number,
  ) {}

  async score(_q: RecQuery, cs: Candidate[], signal?: AbortSignal, report?: StageReporter): Promise<number[]> {
    const out = answered(await this.call(signal), report);
    const scores = out.value.scores;
    const reasons: Record<string, Reason> = {};
    for (const [id, value] of Object.entries(scores)) reasons[id] = { kind: 'llm-predicted', value };
    report?.({ ok: true, calls: out.calls, notes: out.notes, reasons });
    return cs.map((c) => scores[c.itemId] ?? this.fallback(c.itemId));
  }
}

/** Pairwise or listwise: the order the use gives, first best; items it left out after them. */
export class LlmOrderScorer implements Scorer {
  readonly id = 'llm';

  constructor(
    private readonly call: (signal?: AbortSignal) => Promise<LlmOutcome<{ order: string[] }>>,
    readonly timeoutMs: number,
  ) {}

  async score(_q: RecQuery, cs: Candidate[], signal?: AbortSignal, report?: StageReporter): Promise<number[]> {
    const out = answered(await this.call(signal), report);
    report?.({ ok: true, calls: out.calls, notes: out.notes });
    const n = out.value.order.length;
    const pos = new Map(out.value.order.map((id, i) => [id, n - i]));
    return cs.map((c) => pos.get(c.itemId) ?? 0);
  }
}

export interface LlmTitleSourceOptions {
  /** `signal` aborts when the stage times out: pass it to the use (`{ signal }`). */
  propose: (count: number, signal?: AbortSignal) => Promise<LlmOutcome<{ titles: OpenWorldTitle[] }>>;
  /** The catalog item a title is, or undefined. */
  resolve: (title: OpenWorldTitle) => string | undefined;
  /** Id for a title no catalog item matches (open world); undefined drops it. */
  unresolved?: (title: OpenWorldTitle) => string | undefined;
  timeoutMs: number;
}

/** Reports the use's outcome; on success, how many titles were dropped (matched nothing) or kept unmatched. */
export class LlmTitleSource implements CandidateSource {
  readonly id = 'llm';
  readonly timeoutMs: number;

  constructor(private readonly o: LlmTitleSourceOptions) {
    this.timeoutMs = o.timeoutMs;
  }

  async fetch(q: RecQuery, k: number, signal?: AbortSignal, report?: StageReporter): Promise<Candidate[]> {
    const out = answered(await this.o.propose(Math.min(k, q.count), signal), report);
    const seen = new Set<string>();
    const cs: Candidate[] = [];
    let dropped = 0;
    let unmatched = 0;
    for (const t of out.value.titles) {
      const resolved = this.o.resolve(t);
      const id = resolved ?? this.o.unresolved?.(t);
      if (id === undefined || seen.has(id)) {
        if (id === undefined) dropped++;
        continue;
      }
      if (resolved === undefined) unmatched++;
      seen.add(id);
      const rank = cs.length;
      const c: Candidate = { itemId: id, sources: [this.id], sourceScores: { [this.id]: out.value.titles.length - rank }, sourceRanks: { [this.id]: rank } };
      if (t.reason) c.reason = modelReason(t.reason);
      cs.push(c);
    }
    report?.({ ok: true, calls: out.calls, notes: out.notes, dropped, unmatched });
    return cs;
  }
}
