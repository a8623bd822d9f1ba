import { LRUCache } from '../../kit/index.js';
import type { RatingTriple } from './types.js';
import { watchOrder } from './watch-order.js';

/**
 * A member's interactions as the blended models read them: ratings oldest first, and the history as catalog
 * indices (oldest first, deduplicated; a rated item missing from the history comes at the end, in rating order).
 */
export interface MemberView {
  ratings: readonly RatingTriple[];
  history: Int32Array;
}

/** A member's current interactions, as their profile has them: ratings with when they were made (oldest first, else sorted here), the watch history. */
export interface MemberInput {
  ratings: ReadonlyArray<{ item: string; value: number; at: number }>;
  history: readonly string[];
}

const NONE: MemberView = { ratings: [], history: new Int32Array(0) };

/**
 * What members did since the models were trained. Training waits for a quiet spell and then takes seconds, so
 * a member who rates three films and asks at once would otherwise be answered from what they had before. A
 * request hands the member's current profile in (`observe`); where it differs from the training snapshot,
 * their view here replaces it until the next training, which starts from a new snapshot. Bounded: the least
 * recently seen members fall back to the snapshot.
 */
export class LiveMembers {
  private readonly views: LRUCache<string, MemberView>;

  constructor(
    private readonly index: ReadonlyMap<string, number>,
    private readonly snapshot: (user: string) => MemberView | undefined,
    max = 1_000,
  ) {
    this.views = new LRUCache({ max });
  }

  /** The member as the models should read them now: their live view, else the training snapshot. */
  get(user: string): MemberView {
    return this.views.get(user) ?? this.snapshot(user) ?? NONE;
  }

  /** Takes the member's current interactions; true when what the models read of them changed. */
  observe(user: string, input: MemberInput): boolean {
    const view = this.viewOf(user, input);
    const before = this.get(user);
    const base = this.snapshot(user) ?? NONE;
    if (sameView(view, base)) this.views.delete(user);
    else this.views.set(user, view);
    return !sameView(view, before);
  }

  /** The member's view: ratings of catalog items oldest first, the history by the models' rule (watch-order.ts). */
  private viewOf(user: string, input: MemberInput): MemberView {
    const given = input.ratings;
    let sorted = true;
    for (let i = 1; i < given.length && sorted; i++) sorted = given[i - 1].at <= given[i].at;
    const ratings: RatingTriple[] = [];
    const rated: number[] = [];
    for (const r of sorted ? given : [...given].sort((a, b) => a.at - b.at)) {
      const i = this.index.get(r.item);
      if (i === undefined) continue;
      ratings.push({ user, item: r.item, value: r.value, at: r.at });
      rated.push(i);
    }
    const watched: number[] = [];
    for (const id of input.history) {
      const i = this.index.get(id);
      if (i !== undefined) watched.push(i);
    }
    this.seen ??= new Uint8Array(this.index.size);
    return { ratings, history: Int32Array.from(watchOrder(watched, rated, this.seen)) };
  }
  private seen?: Uint8Array;
}

function sameView(a: MemberView, b: MemberView): boolean {
  if (a.ratings.length !== b.ratings.length || a.history.length !== b.history.length) return false;
  for (let i = 0; i < a.history.length; i++) if (a.history[i] !== b.history[i]) return false;
  for (let i = 0; i < a.ratings.length; i++) {
    if (a.ratings[i].item !== b.ratings[i].item || a.ratings[i].value !== b.ratings[i].value) return false;
  }
  return true;
}
