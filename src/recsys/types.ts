import type { CatalogItem } from '../domain/item.js';
import type { ItemId } from '../domain/item.js';
import type { Scope } from '../domain/profile.js';
import type { Reason } from '../domain/reason.js';


export type Intent = 'conversation' | 'next' | 'similar' | 'rank';

/** Hard constraints parsed from the user's words ("no horror", "only comedies", "older than 2000"). */
export interface Constraints {
  includeTags?: string[];
  excludeTags?: string[];
  minYear?: number;
  maxYear?: number;
  /** Inclusive year ranges to leave out ("no 80s movies" -> [[1980, 1989]]). */
  excludeYears?: [number, number][];
  /** Streaming services, folded ("netflix", "amazonprimevideo"): the item must stream on one ("on Netflix"). */
  services?: string[];
  /** Free to stream (free or with ads). */
  freeOnly?: boolean;
  /** Runtime bounds in minutes ("under 2 hours"). */
  maxMinutes?: number;
  minMinutes?: number;
}

/** What is known of where an item streams (in the server's region) and how long it runs. */
export interface WatchFacts {
  runtime?: number;
  /** Folded names of services that stream it (subscription, free or with ads). */
  services?: string[];
  /** Free to stream somewhere (free or with ads). */
  free?: boolean;
}

export interface RecQuery {
  scope: Scope;
  userId: string;
  intent: Intent;
  text?: string;
  seeds?: ItemId[];
  /** When set, only these items may be returned (e.g. /rank). */
  candidates?: ItemId[];
  exclude?: ItemId[];
  constraints?: Constraints;
  /**
   * Soft genre weights (canonical tag -> -3..3, negative: fewer; "fewer sci-fi", "more comedy"): a preference
   * the `tag-weights` scorer ranks by, never a filter.
   */
  tagWeights?: Record<string, number>;
  count: number;
}

export interface Candidate {
  itemId: ItemId;
  /** Ids of the sources that found it. */
  sources: string[];
  /** Each source's own score (higher is better) and 0-based rank. */
  sourceScores: Record<string, number>;
  sourceRanks: Record<string, number>;
  /** Why this source found it, as data (e.g. `{ kind: 'rated', title: 'Heat', value: 4.5 }`). */
  reason?: Reason;
}

/** A retrieval stage. Fail-open: the runner catches its errors and timeouts and carries on without it. */
export interface CandidateSource {
  readonly id: string;
  readonly timeoutMs?: number;
  /** `report`: the stage's own account of its work, kept in the run's trace under its id (optional). */
  fetch(q: RecQuery, k: number, signal?: AbortSignal, report?: StageReporter): Promise<Candidate[]>;
}

export interface Filter {
  readonly id: string;
  apply(q: RecQuery, cs: Candidate[]): Promise<{ kept: Candidate[]; removed: Candidate[] }>;
}

/** Returns one score per candidate, same length and order as `cs`. */
export interface Scorer {
  readonly id: string;
  readonly timeoutMs?: number;
  /** `report`: the stage's own account of its work, kept in the run's trace under its id (optional). */
  score(q: RecQuery, cs: Candidate[], signal?: AbortSignal, report?: StageReporter): Promise<number[]>;
}

export interface ScoredCandidate extends Candidate {
  score: number;
  /** Each scorer's score. */
  scores: Record<string, number>;
}

export interface Recommendation {
  item: CatalogItem;
  score: number;
  sources: string[];
  /** The most telling reason among the sources that found it; rendered to text by the faces. */
  reason: Reason;
}

export interface Selector {
  readonly id: string;
  select(q: RecQuery, scored: ScoredCandidate[], count: number): ScoredCandidate[];
}

/**
 * A stage's own account of its work (the LLM stages: whether the model answered, calls, why it did not).
 * Given through the `report` callback a source or scorer gets; the runner keeps it in the trace.
 */
export interface StageReport {
  /** False: the stage did not do its work (it then fails, and the run carries on without it). */
  ok: boolean;
  /** Calls made to an outside service (an LLM). */
  calls: number;
  /** Why it did not do its work, as a short code ('over-budget', 'llm-failed', 'bad-answer', ...). */
  reason?: string;
  /** Short notes for the user ("dropped 2 unknown ids", "answer from cache"). */
  notes: string[];
  /** Items it named that matched nothing it was given (grounding misses), dropped. */
  dropped?: number;
  /** Items it named that no catalog item matched, kept as named (open world). */
  unmatched?: number;
  /** Its own reason for items it chose; the runner credits it as a source of those items. */
  reasons?: Record<ItemId, Reason>;
  /** A remark on the list as a whole (the model's one-line comment on a refinement). */
  comment?: string;
}

export type StageReporter = (report: StageReport) => void;

/** What happened inside one run, for logs, the user's "which path answered" and tests. */
export interface PipelineTrace {
  sources: Record<string, { count: number; ms: number; error?: string }>;
  filtered: Record<string, number>;
  scorers: Record<string, { ms: number; error?: string }>;
  /** Reports stages gave of their own work, by stage id (reports that come after the run are not kept). */
  stages: Record<string, StageReport>;
  /** Set when the retry policy reached deeper: the first run's list length and the depth of the second. */
  retried?: { firstCount: number; perSource: number };
  /** The rerank pass over this run's list, when it ran. */
  rerank?: PipelineTrace;
  totalMs: number;
}

export interface PipelineResult {
  recommendations: Recommendation[];
  trace: PipelineTrace;
  /** With a rerank pass: the first pass's list it was planned from (the offline answer), in order. */
  pool?: Recommendation[];
}
