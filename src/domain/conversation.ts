import type { ItemId } from './item.js';
import type { Scope } from './profile.js';

export interface ConversationTurn {
  role: 'user' | 'bot';
  text: string;
  /** Items shown after this turn (bot turns). */
  items?: ItemId[];
  at: number;
}

/** The refinement state of a conversation as it was before one change: what "undo" goes back to. */
export interface ConversationSnapshot {
  request: string;
  extraText?: string;
  shown: ItemId[];
  rejected: ItemId[];
  constraints: Record<string, unknown>;
  count: number;
  initialConstraints?: Record<string, unknown>;
  weights?: Record<string, number>;
}

/**
 * A list being refined: the request, what was shown and rejected, the constraints in force. The last three
 * fields came later: a conversation stored before them loads without them (the app defaults them).
 */
export interface Conversation {
  id: string;
  scope: Scope;
  ownerId: string;
  request: string;
  turns: ConversationTurn[];
  shown: ItemId[];
  rejected: ItemId[];
  /** Parsed constraints in force ("no horror", "before 2000"...), a recsys `Constraints`. */
  constraints: Record<string, unknown>;
  /** Words of later turns merged into the query ("something lighter"). */
  extraText?: string;
  count: number;
  /** The constraints of the first request: what "start over" goes back to. */
  initialConstraints?: Record<string, unknown>;
  /** Soft genre weights ("fewer sci-fi": canonical tag -> -3..3); a ranking preference, not a rule. */
  weights?: Record<string, number>;
  /** The states before the last changes, oldest first (at most 5): what "undo" goes back to. */
  history?: ConversationSnapshot[];
  /** A group list (`/together`): everyone it is for, the asker first; every turn ranks for the group (privacy read again each turn). */
  group?: string[];
  /** Refinements taken so far (absent in conversations stored before it was counted). */
  refinements?: number;
  createdAt: number;
  updatedAt: number;
}
