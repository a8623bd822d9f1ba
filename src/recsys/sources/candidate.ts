import type { Candidate } from '../types.js';
import type { ItemId } from '../../domain/item.js';
import type { Reason } from '../../domain/reason.js';

/** A candidate as found by one source at 0-based `rank`. */
export function candidate(sourceId: string, itemId: ItemId, score: number, rank: number, reason?: Reason): Candidate {
  const c: Candidate = {
    itemId,
    sources: [sourceId],
    sourceScores: { [sourceId]: score },
    sourceRanks: { [sourceId]: rank },
  };
  if (reason !== undefined) c.reason = reason;
  return c;
}

/** Model outputs as used by the model-backed sources; `because` optionally names the item that led to it. */
export interface ScoredId {
  itemId: ItemId;
  score: number;
  because?: ItemId;
}

export type TitleOf = (id: ItemId) => string | undefined;

export function titleOr(title: TitleOf | undefined, id: ItemId): string {
  return title?.(id) ?? id;
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('aborted');
}
