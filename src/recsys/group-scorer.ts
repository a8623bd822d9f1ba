import type { ItemId } from '../domain/item.js';
import { candidate } from './sources/candidate.js';
import type { Candidate, CandidateSource, RecQuery, Scorer } from './types.js';

/** A member's fit with an item: their predicted rating against their own average rating. */
export type FitLevel = 'love' | 'like' | 'lukewarm';

/** Predicted minus the member's mean rating: half a star above it is love, a little under it still fine. */
export const FIT_CUTS = { love: 0.5, like: -0.25 } as const;

export const fitLevel = (predicted: number, mean: number): FitLevel =>
  predicted - mean >= FIT_CUTS.love ? 'love' : predicted - mean >= FIT_CUTS.like ? 'like' : 'lukewarm';

/** How many counted members fall at each fit level for one item (never who). */
export type FitCounts = Record<FitLevel, number>;

/**
 * A group's taste, as the pipeline sees it: the counted members (allowed, with history) and what they have
 * seen or turned down. Built by the app (src/app/group-taste.ts) from the members' own models.
 */
export interface GroupTaste {
  /** Members whose taste counts (with history; neutral members and private ones are not among them). */
  readonly counted: number;
  /** Items any counted member watched, rated or marked not interested. */
  readonly exclude: readonly ItemId[];
  /** Group scores of `ids` (standardised per member over `ids`, then aggregated), same order. */
  score(ids: readonly ItemId[]): number[];
  /** How many counted members would love, like, or be lukewarm about each of `ids`, same order. */
  fits(ids: readonly ItemId[]): FitCounts[];
  /** The group's best `k` over the whole catalog, best first, nothing excluded among them. */
  top(k: number): ItemId[];
}

/** Ranks candidates by the group's aggregate (the app drops the asker's own rating scorer beside it). */
export class GroupScorer implements Scorer {
  readonly id = 'group-taste';
  constructor(private readonly group: GroupTaste) {}
  async score(_q: RecQuery, cs: Candidate[]): Promise<number[]> {
    return this.group.score(cs.map((c) => c.itemId));
  }
}

/** The group's own best items over the whole catalog: the candidates no single member's sources would find. */
export class GroupSource implements CandidateSource {
  readonly id = 'group';
  constructor(private readonly group: GroupTaste) {}
  async fetch(_q: RecQuery, k: number): Promise<Candidate[]> {
    const ids = this.group.top(k);
    return ids.map((id, r) => candidate(this.id, id, ids.length - r, r));
  }
}
