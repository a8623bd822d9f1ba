/**
 * LLM-backed pipeline stages (DESIGN: `llm/` implements LLM stages against the `recsys` interfaces).
 * - `LlmPicksScorer`: ONE call that picks and orders (listwise) the candidates it is given; used as the
 *   ranking stage of a list (conversation, refinement turn, next). Fail-open: when the LLM cannot answer
 *   the stage throws, the runner skips it, and the offline order stands.
 * - `LlmTitleSource`: titles the LLM proposes (open world), resolved against the catalog when one exists.
 * Both keep their outcome (calls, notes, why it failed) for the reply, and pass the AbortSignal the pipeline
 * gives them (it aborts when the stage times out) to the LLM call, so a timed-out stage stops its call.
 * Use `llmDeadlineMs(LLM_TIMEOUT_MS)` (retry.ts) as their `timeoutMs`: the gateway's own overall deadline.
 */
import type { Candidate, CandidateSource, RecQuery, Scorer } from '../recsys/types.js';
import type { LlmFailReason, LlmOutcome, Pick } from './contracts.js';
import type { OpenWorldTitle } from './uses/pick.js';

export class LlmStageError extends Error {
  constructor(readonly reason: LlmFailReason, notes: string[]) {
    super(`LLM stage fell back to the offline engine (${reason})${notes.length ? `: ${notes.join('; ')}` : ''}`);
    this.name = 'LlmStageError';
  }
}

type PicksValue = { picks: Pick[] };

export class LlmPicksScorer<V extends PicksValue> implements Scorer {
  readonly id = 'llm';
  /** Set once `score` ran: the use's outcome, success or not. */
  outcome: LlmOutcome<V> | undefined;

  constructor(
    /** `signal` aborts when the stage times out: pass it to the use (`{ signal }`). */
    private readonly call: (cs: Candidate[], signal?: AbortSignal) => Promise<LlmOutcome<V>>,
    readonly timeoutMs: number,
  ) {}

  /** The LLM's reason for an item it picked. */
  reasonOf(itemId: string): string | undefined {
    const o = this.outcome;
    return o?.ok ? o.value.picks.find((p) => p.id === itemId && p.by === 'llm')?.reason : undefined;
  }

  async score(_q: RecQuery, cs: Candidate[], signal?: AbortSignal): Promise<number[]> {
    const out = await this.call(cs, signal);
    this.outcome = out;
    if (!out.ok) throw new LlmStageError(out.reason, out.notes);
    const n = out.value.picks.length;
    const pos = new Map(out.value.picks.map((p, i) => [p.id, n - i]));
    // Picked items in the LLM's order; everything else after them.
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

export class LlmTitleSource implements CandidateSource {
  readonly id = 'llm';
  readonly timeoutMs: number;
  outcome: LlmOutcome<{ titles: OpenWorldTitle[] }> | undefined;
  /** Proposed titles that matched nothing and were dropped. */
  dropped = 0;

  constructor(private readonly o: LlmTitleSourceOptions) {
    this.timeoutMs = o.timeoutMs;
  }

  async fetch(q: RecQuery, k: number, signal?: AbortSignal): Promise<Candidate[]> {
    const out = await this.o.propose(Math.min(k, q.count), signal);
    this.outcome = out;
    if (!out.ok) throw new LlmStageError(out.reason, out.notes);
    const seen = new Set<string>();
    const cs: Candidate[] = [];
    for (const t of out.value.titles) {
      const id = this.o.resolve(t) ?? this.o.unresolved?.(t);
      if (id === undefined || seen.has(id)) {
        if (id === undefined) this.dropped++;
        continue;
      }
      seen.add(id);
      const rank = cs.length;
      cs.push({ itemId: id, sources: [this.id], sourceScores: { [this.id]: out.value.titles.length - rank }, sourceRanks: { [this.id]: rank }, reason: t.reason });
    }
    return cs;
  }
}
