import type { ItemId } from '../../domain/item.js';
import type { ScoredId } from './candidate.js';

/** What the sources need from the collaborative models (structural: any object with these methods). */
export interface CoWatchLike {
  similarTo(items: ItemId[], k: number, exclude?: Set<ItemId>, weights?: number[]): ScoredId[];
}

export interface SequenceLike {
  scoreNext(recent: ItemId[], k: number, exclude?: Set<ItemId>): ScoredId[];
}

export interface PopularityLike {
  top(k: number, exclude?: Set<ItemId>): ScoredId[];
}
