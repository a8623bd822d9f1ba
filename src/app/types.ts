import type { ItemCard } from '../domain/card.js';
import type { CatalogIssue } from '../catalog/types.js';
import type { TitleMatch, TitleMatchKind } from '../catalog/titles.js';
import type { CatalogItem } from '../domain/item.js';
import type { Recommendation } from '../recsys/types.js';
import type { Conversation } from '../domain/conversation.js';
import type { ItemId } from '../domain/item.js';
import type { Profile, Scope } from '../domain/profile.js';
import type { Reason } from '../domain/reason.js';
import type { VoteRecord, VoteService } from './vote-types.js';

/** Which engine answered, and why when it was not the LLM. Every reply shows this. */
export interface EngineInfo {
  engine: 'llm' | 'offline';
  /** Why the offline engine answered: 'no-key', 'disabled', 'over-budget', 'llm-failed', 'bad-answer'. */
  offlineReason?: 'no-key' | 'disabled' | 'over-budget' | 'llm-failed' | 'bad-answer';
  llmCalls: number;
  /** Free text notes for the user ("dropped 2 unknown ids"). */
  notes: string[];
}

export interface RecResult extends EngineInfo {
  items: Recommendation[];
  /** Set by conversational calls: the stored conversation after this turn. */
  conversation?: Conversation;
  /** For refinement: what changed ("#2 is now Heat (instead of Alien)"); absent when the list did not change. */
  change?: string;
  /**
   * For refinement: what the bot says about the turn besides (or instead of) the list: "Sorry, I didn't
   * understand...", "Marked as seen: Heat", which of two opposite wishes it kept.
   */
  replies?: TurnReply[];
  /** For refinement: false when the list is exactly as before (thanks, a question, not understood): faces show the replies alone. */
  listChanged?: boolean;
  /** Item cards that were ready (TMDB, or the catalog's own image and url columns), by item id; absent without any. */
  cards?: Record<ItemId, ItemCard>;
}

/** One line a refinement turn says: a stable code (`refine.not-understood`, ...) for faces with their own words, and the text. */
export interface TurnReply {
  code: string;
  text: string;
}

export interface PredictResult extends EngineInfo {
  item: CatalogItem;
  rating: number;
  /** Short explanation ("you rated similar thrillers 4.3 on average"). */
  why: string;
  /** Items whose ratings drove the prediction. */
  basedOn: { item: CatalogItem; rating: number }[];
  /** The item's card, when one was ready. */
  card?: ItemCard;
}

/** A typed title that named its item by a looser reading than the title itself: "T2" taken as Terminator 2. */
export interface TakenAs {
  typed: string;
  item: CatalogItem;
  how: Exclude<TitleMatchKind, 'exact'>;
}

export interface RankResult extends EngineInfo {
  method: 'pointwise' | 'pairwise' | 'listwise';
  ranked: { item: CatalogItem; score: number; reason: Reason }[];
  /** Titles from the user's list that matched no catalog item. */
  unmatched: string[];
  /** Titles from the user's list read as another title than written ("T2"), so the answer can say so. */
  taken?: TakenAs[];
}

export interface UploadReport {
  mode: 'replace' | 'merge';
  added: number;
  updated: number;
  removed: number;
  rejected: number;
  /** Rows read from the file (valid and rejected); 0 when the file could not be read at all. */
  total: number;
  /** Items in the catalog after this upload (the previous count when nothing was applied). */
  catalogSize: number;
  errors: CatalogIssue[];
  warnings: CatalogIssue[];
  /** False when the catalog was not changed (e.g. every row rejected, or a fatal error). */
  applied: boolean;
  embedRequests: number;
  version: number;
}

export type UploadProgress = { phase: 'parsing' | 'embedding' | 'saving'; done: number; total: number };

export interface CatalogInfo {
  itemCount: number;
  version: number;
  embedModel: string | null;
  updatedBy: string;
  updatedAt: number;
  source: string;
}

export interface ImportReport {
  format: 'letterboxd' | 'imdb' | 'csv';
  rows: number;
  ratingsImported: number;
  historyImported: number;
  unmatched: { row: number; title: string; year?: number }[];
  errors: CatalogIssue[];
}

export interface ProfileSummary {
  watched: number;
  rated: number;
  notInterested: number;
  meanRating: number | null;
  /** Count of ratings per value 0.5..5. */
  ratingSpread: Record<string, number>;
  topTags: { tag: string; count: number }[];
  recent: { item: CatalogItem; at: number; rating?: number }[];
}

export interface ServerSettings {
  llmEnabled: boolean;
  conversationMode: 'thread' | 'inline';
  userDailyCalls: number;
  serverDailyCalls: number;
  userDailyTokens: number;
  serverDailyTokens: number;
  /** Where-to-watch region (ISO 3166-1 "US"); unset: the server's locale, else TMDB_REGION, else US. */
  region?: string;
  /** Overviews shown in spoiler tags. */
  hideSpoilers?: boolean;
}

/** Who a group list is for, as counts: no member is ever named to the others. */
export interface GroupMembers {
  /** Everyone asked for, the asker first (what the conversation stores). */
  all: string[];
  /** Members whose taste counts. */
  counted: number;
  /** Allowed members with no history yet: neutral, never a veto. */
  neutral: number;
  /** Members who keep their taste out of group features: not counted, not named. */
  private: number;
}

/** `/together`: one list for a group; each item's reason is its group fit (`group-fit`). */
export interface TogetherResult extends RecResult {
  group: GroupMembers;
}

/** `/match`: two members' taste match. Titles only, never a rating. */
export interface MatchResult {
  /** 0..100 (50: no evidence either way), null with nothing rated in common. */
  percent: number | null;
  common: number;
  sharedFavourites: CatalogItem[];
  /** A pick for the asker from the member's favourites, and one for the member from the asker's (either may be missing). */
  forYou?: CatalogItem;
  forThem?: CatalogItem;
}

/** "Who here would like this?": up to 3 members (allowed, not the asker, not seen it), best predicted first. */
export interface WhoLikesResult {
  item: CatalogItem;
  userIds: string[];
}

/** Identifies who asks, where. */
export interface Caller {
  scope: Scope;
  userId: string;
  userName?: string;
  /** The server's locale ("en-US", "pt-BR"), for the where-to-watch region when the server set none. */
  locale?: string;
  /** Items marked adult/nsfw may be shown (an age-restricted channel, a DM, the playground). */
  adultOk?: boolean;
}

/**
 * The one engine every face (Discord commands, thread messages, playground, eval) calls.
 * Nothing here knows about Discord.
 */
export interface Services {
  recommend(c: Caller, input: { text: string; count?: number; conversationId?: string }): Promise<RecResult>;
  refine(c: Caller, input: { conversationId: string; text: string }): Promise<RecResult>;
  moreLike(c: Caller, input: { itemId: ItemId; count?: number }): Promise<RecResult>;
  next(c: Caller, input: { count?: number }): Promise<RecResult>;
  predict(c: Caller, input: { itemId: ItemId }): Promise<PredictResult>;
  rank(c: Caller, input: { titles: string[]; method: RankResult['method'] }): Promise<RankResult>;
  similar(c: Caller, input: { itemId?: ItemId; text?: string; count?: number }): Promise<RecResult>;
  /** Cards for items (Details): what is ready within a short wait; empty without TMDB or image/url columns. */
  cards(c: Caller, items: CatalogItem[]): Promise<Record<ItemId, ItemCard>>;
  /** `/together`: one list for the asker and `members` (2 to 25 people), refined in its conversation like /recommend. */
  together(c: Caller, input: { members: string[]; text?: string; count?: number; conversationId?: string }): Promise<TogetherResult>;
  /** `/match`: the asker's taste match with one member. */
  match(c: Caller, input: { userId: string }): Promise<MatchResult>;
  /** Who in the server would most like an item (members who allow group features). */
  whoWouldLike(c: Caller, input: { itemId: ItemId }): Promise<WhoLikesResult>;

  /** Title search for autocomplete: prefix and typo tolerant, at most `limit`. */
  searchTitles(c: Caller, query: string, limit?: number): Promise<CatalogItem[]>;
  /** Resolve a typed title ("Heat (1995)", "heat") to one catalog item, or null. */
  resolveTitle(c: Caller, title: string): Promise<CatalogItem | null>;
  /** `resolveTitle`, saying how the title was read ("T2": by abbreviation), so a face can say what it took. */
  matchTitle(c: Caller, title: string): Promise<TitleMatch | null>;
  getItem(scope: Scope, itemId: ItemId): Promise<CatalogItem | null>;

  watched: {
    add(c: Caller, itemId: ItemId, rating?: number): Promise<void>;
    remove(c: Caller, itemId: ItemId): Promise<boolean>;
    list(c: Caller): Promise<{ item: CatalogItem; at: number; rating?: number }[]>;
  };
  rate(c: Caller, itemId: ItemId, score: number): Promise<void>;
  notInterested(c: Caller, itemId: ItemId): Promise<void>;
  profile(c: Caller): Promise<ProfileSummary>;
  privacy: {
    export(c: Caller): Promise<{ profile: Profile; conversations: Conversation[]; usage: unknown; votes: VoteRecord[] }>;
    delete(c: Caller): Promise<void>;
    /** `/privacy group on|off`: whether the member's taste may be used for group features here; returns the setting now. */
    setGroup(c: Caller, on: boolean): Promise<boolean>;
    group(c: Caller): Promise<boolean>;
  };
  importHistory(c: Caller, input: { bytes: Uint8Array; filename: string; format?: ImportReport['format'] }): Promise<ImportReport>;

  catalog: {
    upload(c: Caller, input: { bytes: Uint8Array; filename: string; mode: 'replace' | 'merge'; onProgress?: (p: UploadProgress) => void }): Promise<UploadReport>;
    info(scope: Scope): Promise<CatalogInfo | null>;
    export(scope: Scope): Promise<CatalogItem[]>;
    remove(c: Caller, itemId: ItemId): Promise<boolean>;
    starter(c: Caller): Promise<UploadReport>;
    clear(c: Caller): Promise<boolean>;
  };
  settings: {
    get(scope: Scope): Promise<ServerSettings>;
    set(c: Caller, patch: Partial<ServerSettings>): Promise<ServerSettings>;
  };
  /** Votes on a list and the server's pick (`src/app/vote.ts`). */
  votes: VoteService;
  /** Is an LLM configured and on for this scope? */
  llmStatus(scope: Scope): Promise<{ configured: boolean; enabled: boolean; provider: string; model: string }>;
  /** Whether item cards come from TMDB (a key is set, and TMDB has not refused it). */
  tmdbStatus(): { configured: boolean; enabled: boolean };
  close(): Promise<void>;
}
