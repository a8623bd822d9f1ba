import type { ItemId } from './item.js';

/** Guild id, or `dm:{userId}` outside a server. A user's data in one scope is never used in another. */
export type Scope = string;

export interface HistoryEntry {
  itemId: ItemId;
  /** Epoch milliseconds when it was watched. */
  at: number;
}

export interface RatingEntry {
  /** 0.5 to 5 in steps of 0.5. */
  value: number;
  at: number;
}

/** One member's taste in one scope. */
export interface Profile {
  /** Ordered watch history, oldest first. */
  history: HistoryEntry[];
  ratings: Record<ItemId, RatingEntry>;
  notInterested: ItemId[];
  preferences: Record<string, string | number | boolean>;
  updatedAt: number;
}
