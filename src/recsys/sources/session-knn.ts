import type { ItemId } from '../../domain/item.js';
import type { Profile } from '../../domain/profile.js';
import { naming } from '../reasons.js';
import type { Candidate, CandidateSource, RecQuery } from '../types.js';
import { candidate, type ScoredId, type TitleOf } from './candidate.js';
import { excludeOf, keepAllowed, lastWatched } from './collaborative.js';

/** What the source needs of the session-kNN model (src/recsys/models/session-knn.ts). */
export interface SessionKnnLike {
  scoreNext(userId: string | undefined, recent: ItemId[], k: number, exclude?: Set<ItemId>): ScoredId[];
}

export interface SessionKnnSourceOptions {
  model: SessionKnnLike;
  userId: string;
  profile?: Profile;
  /** How many of the last watched items look for neighbours. Default 20 (the model keeps its own `recent` of them). */
  recent?: number;
  title?: TitleOf;
  id?: string;
  timeoutMs?: number;
}

/**
 * What the members whose last films overlap the member's (or the query's seeds, in order) watched right after
 * them. A film the member rated as disliked is no seed (`lastWatched`); the member is never their own neighbour.
 */
export class SessionKnnSource implements CandidateSource {
  readonly id: string;
  readonly timeoutMs: number | undefined;

  constructor(private readonly opts: SessionKnnSourceOptions) {
    this.id = opts.id ?? 'session-knn';
    this.timeoutMs = opts.timeoutMs;
  }

  async fetch(q: RecQuery, k: number): Promise<Candidate[]> {
    const recent = q.seeds && q.seeds.length > 0 ? q.seeds : lastWatched(this.opts.profile, this.opts.recent ?? 20);
    if (recent.length === 0) return [];
    const hits = keepAllowed(q, this.opts.model.scoreNext(this.opts.userId, recent, k, excludeOf(q, recent)));
    return hits.map((h, r) =>
      candidate(this.id, h.itemId, h.score, r, h.because === undefined ? { kind: 'picked' } : naming('after', h.because, this.opts.title)),
    );
  }
}
