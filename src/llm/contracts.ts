import type { Reason } from '../domain/reason.js';
import type { LlmUsage } from './types.js';

/** Key-value store for the response cache (Keyv-shaped). */
export interface KvLike {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlMs?: number): Promise<void>;
}

export interface UsageCounts {
  calls: number;
  promptTokens: number;
  outputTokens: number;
}

/** Daily usage counters (the store decides what "today" is when `day` is left out). */
export interface UsageLike {
  add(scope: string, user: string, u: UsageCounts): Promise<void>;
  get(scope: string, user: string, day?: string): Promise<UsageCounts>;
  getServer(scope: string, day?: string): Promise<UsageCounts>;
}

export interface LlmBudget {
  userCalls: number;
  serverCalls: number;
  userTokens: number;
  serverTokens: number;
}

/** Who is asking, whether the LLM may be used for them, and their daily limits. */
export interface LlmContext {
  scope: string;
  userId: string;
  enabled: boolean;
  budget: LlmBudget;
}

export type LlmFailReason = 'no-key' | 'disabled' | 'over-budget' | 'llm-failed' | 'bad-answer';

export type LlmOutcome<T> =
  | { ok: true; value: T; calls: number; usage: LlmUsage; notes: string[] }
  | { ok: false; reason: LlmFailReason; calls: number; notes: string[] };

/** What the LLM sees of an item. All of it is untrusted text. */
export interface ItemBrief {
  id: string;
  title: string;
  year?: number;
  tags?: string[];
  description?: string;
  /** The film's plot summary from TMDB (catalog data: quoted, never instructions). */
  overview?: string;
}

export interface LlmLimits {
  /** Candidates put in one prompt (the rest are cut, in the given order). */
  maxCandidates: number;
  /** Most recent history items put in one prompt. */
  maxHistory: number;
  cacheTtlMs: number;
  /** Per attempt (LLM_TIMEOUT_MS); one call with its retries may take `llmDeadlineMs(timeoutMs)`. */
  timeoutMs: number;
  pointwiseConcurrency: number;
  /** Longest list pairwise ranking compares (default 8); longer lists rank their top part only. */
  maxPairwise?: number;
}

/** A pick: an id among the candidates, with its reason (the model's words, or the offline one) and who chose it. */
export interface Pick {
  id: string;
  reason: Reason;
  by: 'llm' | 'offline';
}
