import type { ItemId } from '../../domain/item.js';
import type { Profile } from '../../domain/profile.js';
import type { ScoredId, TitleOf } from './candidate.js';
import { SequenceSource } from './collaborative.js';

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
 * them: the sequence source (collaborative.ts: the same seeds, exclusions and reasons) over a model that also
 * knows who asks, so that the member is never their own neighbour.
 */
export class SessionKnnSource extends SequenceSource {
  constructor(opts: SessionKnnSourceOptions) {
    const { model, userId, ...rest } = opts;
    super({ ...rest, id: opts.id ?? 'session-knn', model: { scoreNext: (recent, k, exclude) => model.scoreNext(userId, recent, k, exclude) } });
  }
}
