export interface SearchHit {
  id: string;
  score: number;
}

export interface SearchOptions {
  /** Ids never returned. */
  exclude?: Set<string>;
  /** When set, only these ids are considered (scanned directly: cheap for small sets). */
  allow?: Set<string>;
}

/** One of two searches run together (`SearchIndex.searchPair`). */
export interface PairedQuery {
  query: Float32Array;
  k: number;
  opts?: SearchOptions;
}

/** What sources and selectors need from an index (exact or quantised). */
export interface SearchIndex {
  readonly model: string;
  readonly dims: number;
  readonly size: number;
  /**
   * Changes whenever the stored vectors do (upsert, remove): searches remembered at another version are stale.
   * Only an index whose stored rows are unit length (float32) and whose `dots` are its search's own scores may
   * carry it: search-memo.ts bounds unseen rows by that (a quantised row's norm can pass 1 by 2%).
   */
  readonly version?: number;
  has(id: string): boolean;
  /** The stored (normalised) vector, or undefined. */
  vector(id: string): Float32Array | undefined;
  search(query: Float32Array, k: number, opts?: SearchOptions): SearchHit[];
  /** Two searches at once, the same hits as `search` twice (an index that can scan its rows once for both). */
  searchPair?(a: PairedQuery, b: PairedQuery): [SearchHit[], SearchHit[]];
  /**
   * Dot products of `query` (as given, not normalised) with the stored vectors of `ids` (NaN where unknown): for a
   * normalised query, bit for bit the scores a whole-index search computes (search-memo.ts relies on it).
   */
  dots?(query: Float32Array, ids: readonly string[]): Float64Array;
}

export class IndexMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IndexMismatchError';
  }
}
