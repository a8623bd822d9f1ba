import type { CatalogItem } from '../domain/item.js';
import type { ItemId } from '../domain/item.js';
import type { Scope } from '../domain/profile.js';


export type Intent = 'conversation' | 'next' | 'similar' | 'rank';

/** Hard constraints parsed from the user's words ("no horror", "only comedies", "older than 2000"). */
export interface Constraints {
  includeTags?: string[];
  excludeTags?: string[];
  minYear?: number;
  maxYear?: number;
  /** Inclusive year ranges to leave out ("no 80s movies" -> [[1980, 1989]]). */
  excludeYears?: [number, number][];
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
  count: number;
}

export interface Candidate {
  itemId: ItemId;
  /** Ids of the sources that found it. */
  sources: string[];
  /** Each source's own score (higher is better) and 0-based rank. */
  sourceScores: Record<string, number>;
  sourceRanks: Record<string, number>;
  /** Short human reason, e.g. "because you rated Heat 4.5". */
  reason?: string;
}

/** A retrieval stage. Fail-open: the runner catches its errors and timeouts and carries on without it. */
export interface CandidateSource {
  readonly id: string;
  readonly timeoutMs?: number;
  fetch(q: RecQuery, k: number, signal?: AbortSignal): Promise<Candidate[]>;
}

export interface Filter {
  readonly id: string;
  apply(q: RecQuery, cs: Candidate[]): Promise<{ kept: Candidate[]; removed: Candidate[] }>;
}

/** Returns one score per candidate, same length and order as `cs`. */
export interface Scorer {
  readonly id: string;
  readonly timeoutMs?: number;
  score(q: RecQuery, cs: Candidate[], signal?: AbortSignal): Promise<number[]>;
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
  reason: string;
}

export interface Selector {
  readonly id: string;
  select(q: RecQuery, scored: ScoredCandidate[], count: number): ScoredCandidate[];
}

/** What happened inside one run, for logs, the user's "which path answered" and tests. */
export interface PipelineTrace {
  sources: Record<string, { count: number; ms: number; error?: string }>;
  filtered: Record<string, number>;
  scorers: Record<string, { ms: number; error?: string }>;
  totalMs: number;
}

export interface PipelineResult {
  recommendations: Recommendation[];
  trace: PipelineTrace;
}
