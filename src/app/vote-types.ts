import type { CatalogItem } from '../domain/item.js';
import type { Scope } from '../domain/profile.js';

/** Who starts a vote (the app's `Caller`, by shape: this file is imported by `types.ts`). */
export interface VoteCaller { scope: Scope; userId: string }

/** A poll's limits: Discord's native polls take 1 to 72 hours (duration in hours) and at most 10 answers. */
export const VOTE = { minHours: 1, maxHours: 72, defaultHours: 24, minItems: 2, maxItems: 10 } as const;

/** What a poll is made of: the list's items (in list order) and how long it runs. */
export interface VotePlan {
  items: CatalogItem[];
  hours: number;
}

export interface VotedItem { id: string; title: string; year?: number }

/** How a closed vote came out. `tied` lists every item with the top count when more than one has it (list order). */
export interface VoteOutcome {
  pollId: string;
  channelId: string;
  askerId: string;
  /** The winner (the first of the tied in list order); absent when nobody voted. */
  winner?: VotedItem;
  votes: number;
  total: number;
  tied: VotedItem[];
}

/** A posted poll as remembered until it closes (and a while after, for the event button). */
export interface VoteRecord {
  pollId: string;
  channelId: string;
  askerId: string;
  items: VotedItem[];
  hours: number;
  openedAt: number;
  /** Set once, when the poll closes (the tally and the pick). */
  outcome?: VoteOutcome;
  /** Set only after the announcement was posted: until then a close (the other gateway event, a replay) announces it. */
  announced?: boolean;
  /** While one handler posts the announcement (ms since the epoch): others wait their turn; a stale claim is ignored. */
  announcing?: number;
}

/** The server's pick: the winner of its latest closed vote. */
export interface GroupPick {
  item: VotedItem;
  votes: number;
  total: number;
  at: number;
  pollId: string;
}

/** Votes on a list (`/vote`, the "Vote on this" button): the use cases every face calls. */
export interface VoteService {
  /** Checks a duration (1-72 h) and resolves a list's ids to catalog items (unknown ones dropped; 2 to 10 needed). */
  plan(c: VoteCaller, input: { itemIds: string[]; hours: number }): Promise<VotePlan>;
  /** Remembers a posted poll, so that its close can be told apart from others and announced once. */
  opened(c: VoteCaller, input: { pollId: string; channelId: string; plan: VotePlan }): Promise<void>;
  /**
   * Closes a poll with its answer counts (same order as its items) and claims its announcement: the outcome is
   * tallied once (the winner becomes the group's pick) and answered to one caller at a time until `announced`.
   * Null for a poll this bot did not start, one already announced, or one whose announcement another caller
   * holds (for up to a minute). The caller posts it, then calls `announced`, or `announceFailed` so a later close retries.
   */
  close(scope: Scope, input: { pollId: string; counts: readonly number[] }): Promise<VoteOutcome | null>;
  /** The announcement was posted: later closes answer null. */
  announced(scope: Scope, pollId: string): Promise<void>;
  /** The announcement could not be posted: the claim goes, so the next close (the other gateway event, a replay) tries again. */
  announceFailed(scope: Scope, pollId: string): Promise<void>;
  get(scope: Scope, pollId: string): Promise<VoteRecord | null>;
  /** The server's latest pick, or null before its first vote closes. */
  pick(scope: Scope): Promise<GroupPick | null>;
}
