import type { Profile } from '../../domain/profile.js';
import { isDisliked } from '../../domain/rules.js';
import { naming } from '../reasons.js';
import type { Candidate, CandidateSource, RecQuery } from '../types.js';
import type { ItemId } from '../../domain/item.js';
import { candidate, type ScoredId, type TitleOf } from './candidate.js';
import type { CoWatchLike, PopularityLike, SequenceLike } from './models.js';

interface Common {
  id?: string;
  timeoutMs?: number;
  title?: TitleOf;
}

export interface CoWatchSourceOptions extends Common {
  model: CoWatchLike;
  profile?: Profile;
  /** Last watched items used as seeds when the query has none. Default 10. */
  recent?: number;
  /** Seed weight decay per step back from the last watched item (default none: every seed weighs 1). */
  recentDecay?: number;
}

export interface SequenceSourceOptions extends Common {
  model: SequenceLike;
  profile?: Profile;
  /** How many of the last watched items the model sees. Default 20. */
  recent?: number;
}

export interface PopularSourceOptions extends Common {
  model: PopularityLike;
}

/** The member's last `n` items, oldest first; what they rated as disliked is no seed for what comes next. */
export function lastWatched(profile: Profile | undefined, n: number): ItemId[] {
  if (!profile) return [];
  const out: ItemId[] = [];
  const seen = new Set<ItemId>();
  for (let i = profile.history.length - 1; i >= 0 && out.length < n; i--) {
    const id = profile.history[i].itemId;
    if (!seen.has(id) && !isDisliked(profile.ratings[id]?.value)) {
      seen.add(id);
      out.push(id);
    }
  }
  return out.reverse(); // oldest first, most recent last
}

export function excludeOf(q: RecQuery, extra: ItemId[] = []): Set<ItemId> {
  return new Set<ItemId>([...(q.exclude ?? []), ...extra]);
}

export function keepAllowed(q: RecQuery, hits: ScoredId[]): ScoredId[] {
  if (!q.candidates) return hits;
  const allow = new Set(q.candidates);
  return hits.filter((h) => allow.has(h.itemId));
}

/** Item-item co-occurrence in the server's histories, from the query's seeds or the user's last items. */
export class CoWatchSource implements CandidateSource {
  readonly id: string;
  readonly timeoutMs: number | undefined;

  constructor(private readonly opts: CoWatchSourceOptions) {
    this.id = opts.id ?? 'co-watch';
    this.timeoutMs = opts.timeoutMs;
  }

  async fetch(q: RecQuery, k: number): Promise<Candidate[]> {
    const seeds = q.seeds && q.seeds.length > 0 ? q.seeds : lastWatched(this.opts.profile, this.opts.recent ?? 10);
    if (seeds.length === 0) return [];
    // named seeds ("like X") weigh alike; the member's own last items by recency
    const decay = q.seeds && q.seeds.length > 0 ? undefined : this.opts.recentDecay;
    const weights = decay === undefined ? undefined : seeds.map((_, j) => decay ** (seeds.length - 1 - j));
    const hits = keepAllowed(q, this.opts.model.similarTo(seeds, k, excludeOf(q, seeds), weights));
    const fallback = seeds[seeds.length - 1];
    return hits.map((h, r) =>
      candidate(this.id, h.itemId, h.score, r, naming('co-watched', h.because ?? fallback, this.opts.title)),
    );
  }
}

/** What tends to follow the user's last items (or the query's seeds, in order). */
export class SequenceSource implements CandidateSource {
  readonly id: string;
  readonly timeoutMs: number | undefined;

  constructor(private readonly opts: SequenceSourceOptions) {
    this.id = opts.id ?? 'sequence';
    this.timeoutMs = opts.timeoutMs;
  }

  async fetch(q: RecQuery, k: number): Promise<Candidate[]> {
    const recent = q.seeds && q.seeds.length > 0 ? q.seeds : lastWatched(this.opts.profile, this.opts.recent ?? 20);
    if (recent.length === 0) return [];
    const hits = keepAllowed(q, this.opts.model.scoreNext(recent, k, excludeOf(q, recent)));
    // "Often watched after X" only where the model saw that transition; otherwise no claim is made.
    return hits.map((h, r) =>
      candidate(this.id, h.itemId, h.score, r, h.because === undefined ? { kind: 'picked' } : naming('after', h.because, this.opts.title)),
    );
  }
}

/** Time-decayed popularity on the server: the fallback that always has something. */
export class PopularSource implements CandidateSource {
  readonly id: string;
  readonly timeoutMs: number | undefined;

  constructor(private readonly opts: PopularSourceOptions) {
    this.id = opts.id ?? 'popular';
    this.timeoutMs = opts.timeoutMs;
  }

  async fetch(q: RecQuery, k: number): Promise<Candidate[]> {
    const hits = keepAllowed(q, this.opts.model.top(q.candidates ? Math.max(k, 10 * k) : k, excludeOf(q, q.seeds ?? [])));
    return hits.slice(0, k).map((h, r) => candidate(this.id, h.itemId, h.score, r, { kind: 'popular' }));
  }
}

export interface ListSourceOptions {
  /** Fixed ids; without them the source returns `q.candidates`. */
  ids?: ItemId[];
  id?: string;
  timeoutMs?: number;
}

/** A given list of ids in the given order (for /rank): every listed item becomes a candidate. */
export class ListSource implements CandidateSource {
  readonly id: string;
  readonly timeoutMs: number | undefined;

  constructor(private readonly opts: ListSourceOptions = {}) {
    this.id = opts.id ?? 'list';
    this.timeoutMs = opts.timeoutMs;
  }

  async fetch(q: RecQuery, k: number): Promise<Candidate[]> {
    const ids = this.opts.ids ?? q.candidates ?? [];
    const seen = new Set<ItemId>();
    const out: Candidate[] = [];
    for (const id of ids) {
      if (seen.has(id) || out.length >= Math.max(k, ids.length)) continue;
      seen.add(id);
      out.push(candidate(this.id, id, ids.length - out.length, out.length, { kind: 'listed' }));
    }
    return out;
  }
}
