import type { CatalogItem } from '../catalog/types.js';

/** Guild id, or `dm:{userId}` outside a server. A user's data in one scope is never used in another. */
export type Scope = string;
export type ItemId = string;

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

export interface Profile {
  /** Ordered watch history, oldest first. */
  history: HistoryEntry[];
  ratings: Record<ItemId, RatingEntry>;
  notInterested: ItemId[];
  preferences: Record<string, string | number | boolean>;
  updatedAt: number;
}

/** Pointer to the current version of a scope's catalog. */
export interface CatalogPointer {
  version: number;
  itemCount: number;
  chunkCount: number;
  /** Embedding model of the stored vectors, or null when the version holds none. */
  embedModel: string | null;
  dims: number;
  updatedBy: string;
  updatedAt: number;
  /** Where it came from: 'upload', 'starter', 'merge'... */
  source: string;
}

/** A loaded catalog version: items and (optionally) one vector per item, same order. */
export interface CatalogVersion {
  pointer: CatalogPointer;
  items: CatalogItem[];
  vectors: Float32Array[] | null;
}

export interface ConversationTurn {
  role: 'user' | 'bot';
  text: string;
  /** Items shown after this turn (bot turns). */
  items?: ItemId[];
  at: number;
}

export interface Conversation {
  id: string;
  scope: Scope;
  ownerId: string;
  request: string;
  turns: ConversationTurn[];
  shown: ItemId[];
  rejected: ItemId[];
  /** Parsed constraints in force ("no horror", "before 2000"...), a recsys `Constraints`. */
  constraints: Record<string, unknown>;
  /** Words of later turns merged into the query ("something lighter"). */
  extraText?: string;
  count: number;
  createdAt: number;
  updatedAt: number;
}

export interface UsageCounter {
  calls: number;
  promptTokens: number;
  outputTokens: number;
}
