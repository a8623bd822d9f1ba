import type { Profile } from '../../domain/profile.js';
import type { PriorAwareModels } from '../models/prior-models.js';
import { nextTop, tasteTop } from '../models/prior-sources.js';
import { naming } from '../reasons.js';
import type { Candidate, CandidateSource, RecQuery } from '../types.js';
import { candidate, type TitleOf } from './candidate.js';
import { excludeOf, keepAllowed, lastWatched } from './collaborative.js';

export interface CommunitySourceOptions {
  /** The scope's blended models: the community prior (starter catalog) and the server's own interactions. */
  model: PriorAwareModels;
  userId: string;
  profile?: Profile;
  title?: TitleOf;
  /** `taste`: the member's whole-catalog taste order; `next`: what tends to follow their last items. */
  mode: 'taste' | 'next';
  id?: string;
  timeoutMs?: number;
}

/**
 * The member's own ranking of the whole catalog by the blended models: their folded-in taste, what people
 * watch together with what they watched, quality and popularity (a member with nothing gets the quality
 * order). `next` adds what tends to follow their last items. Reasons name the item that led to a pick,
 * only where the model has one.
 */
export class CommunitySource implements CandidateSource {
  readonly id: string;
  readonly timeoutMs: number | undefined;

  constructor(private readonly opts: CommunitySourceOptions) {
    this.id = opts.id ?? 'community';
    this.timeoutMs = opts.timeoutMs;
  }

  async fetch(q: RecQuery, k: number): Promise<Candidate[]> {
    const { model, userId, mode } = this.opts;
    // No prior and no interactions yet (a new custom catalog): the order would be arbitrary, so say nothing.
    if (!model.prior && model.stats.memberHistory.size === 0 && model.stats.memberRatings.size === 0) return [];
    const want = q.candidates ? Math.max(k, 10 * k) : k;
    const hits = mode === 'next' ? nextTop(model, userId, lastWatched(this.opts.profile, 20), want, excludeOf(q)) : tasteTop(model, userId, want, excludeOf(q));
    const why = mode === 'next' ? 'after' : 'co-watched';
    return keepAllowed(q, hits)
      .slice(0, k)
      .map((h, r) => candidate(this.id, h.itemId, h.score, r, h.because === undefined ? { kind: 'picked' } : naming(why, h.because, this.opts.title)));
  }
}
