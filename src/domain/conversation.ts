import type { ItemId } from './item.js';
import type { Scope } from './profile.js';

export interface ConversationTurn {
  role: 'user' | 'bot';
  text: string;
  /** Items shown after this turn (bot turns). */
  items?: ItemId[];
  at: number;
}

/** A list being refined: the request, what was shown and rejected, the constraints in force. */
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
  createdAt: number;
  updatedAt: number;
}
