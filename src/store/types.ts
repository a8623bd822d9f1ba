import type { CatalogItem } from '../domain/item.js';

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

export interface UsageCounter {
  calls: number;
  promptTokens: number;
  outputTokens: number;
}
