import type { ItemId } from './item.js';

/**
 * Why an item is on a list, as data. Producers (the recsys sources, the app's use cases, the LLM stages)
 * build these; only renderers turn them into words (src/present/reason-text.ts), and nothing parses words
 * back. A reason that names an item carries that item's display title, so rendering needs no catalog.
 * Reasons are never stored: a conversation keeps item ids only, and the LLM cache keeps the model's raw text.
 */
export type Reason =
  /** "close to your request": the request's text found it. */
  | { kind: 'request' }
  /** "similar to X": near an item the request or a button named. */
  | { kind: 'similar'; itemId: ItemId; title: string }
  /** "because you liked X": near the asker's taste, led by X from their history. */
  | { kind: 'liked'; itemId: ItemId; title: string }
  /** "because you rated X 4.5". */
  | { kind: 'rated'; itemId: ItemId; title: string; value: number }
  /** "people who watched X also watched this": co-watched with X, from the asker's history or the seeds. */
  | { kind: 'co-watched'; itemId: ItemId; title: string }
  /** "often watched after X": what follows X among the asker's recent items. */
  | { kind: 'after'; itemId: ItemId; title: string }
  /** "a crowd favourite": popular on this server, or with film fans at large where the community prior speaks for a new server. */
  | { kind: 'popular' }
  /** "on your list": an item of a list the asker gave (/rank). */
  | { kind: 'listed' }
  /** "still on your list": kept from the conversation's list through a refinement turn. */
  | { kind: 'kept' }
  /** "picked for you": no source said anything more telling. */
  | { kind: 'picked' }
  /** "ranked by the offline engine": an LLM list completed from the offline ranking. */
  | { kind: 'offline-rank' }
  /** "predicted 4": the rating model's prediction (/rank). */
  | { kind: 'predicted'; value: number }
  /** "LLM predicts 4": the LLM's pointwise rating (/rank). */
  | { kind: 'llm-predicted'; value: number }
  /** "LLM pairwise rank; predicted 3.5": placed by the LLM's ordering, with the model's prediction (/rank). */
  | { kind: 'llm-ranked'; method: 'pairwise' | 'listwise'; predicted: number }
  /** "fits all 4", "3 love it, 1 is lukewarm": how a group list's item fits its members, as counts (never who). */
  | { kind: 'group-fit'; love: number; like: number; lukewarm: number; neutral: number }
  /** The model's own words. `personal` when they speak of the asker's ratings or history. */
  | { kind: 'llm'; text: string; personal: boolean };

export type ReasonKind = Reason['kind'];

/**
 * Per kind: `specificity` (higher is more telling; the most specific reason among the sources that found an
 * item is the one shown) and `personal` (whether it reveals the asker's history or ratings, so that public
 * lists show a stand-in instead). `'carried'`: the reason itself says (the model's free text).
 */
export const REASON_TRAITS: Readonly<Record<ReasonKind, { specificity: number; personal: boolean | 'carried' }>> = {
  'group-fit': { specificity: 6, personal: false },
  rated: { specificity: 5, personal: true },
  liked: { specificity: 5, personal: true },
  similar: { specificity: 5, personal: false },
  after: { specificity: 4, personal: true },
  'co-watched': { specificity: 4, personal: true },
  llm: { specificity: 3, personal: 'carried' },
  kept: { specificity: 3, personal: false },
  'offline-rank': { specificity: 3, personal: false },
  predicted: { specificity: 3, personal: false },
  'llm-predicted': { specificity: 3, personal: false },
  'llm-ranked': { specificity: 3, personal: false },
  request: { specificity: 2, personal: false },
  popular: { specificity: 1, personal: false },
  listed: { specificity: 0, personal: false },
  picked: { specificity: 0, personal: false },
};

/** Higher is more specific; no reason is -1. */
export function reasonSpecificity(reason: Reason | undefined): number {
  return reason ? REASON_TRAITS[reason.kind].specificity : -1;
}

/** Whether the reason reveals the asker's history or ratings (public lists must not show it as is). */
export function isPersonal(reason: Reason): boolean {
  const p = REASON_TRAITS[reason.kind].personal;
  return p === 'carried' ? reason.kind === 'llm' && reason.personal : p;
}
