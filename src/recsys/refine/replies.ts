/**
 * The lines a refinement turn may say to the member besides (or instead of) a list, as codes with
 * templates, so every face renders the same words (or its own, keyed by code). Neutral text: plain
 * quotes, no face's markup. `{name}` is filled from the reply's context.
 */

export const REFINE_REPLIES = {
  /** The reader could not read the message: nothing changed. Two examples of what works. */
  'refine.not-understood': 'Sorry, I didn’t understand that, so the list stays as it was. Try “swap the 2nd” or “no horror, after 2000”.',
  'refine.thanks': 'Glad to help! Enjoy, and tell me if you want anything changed.',
  /** A bare position ("2", "#3"): what to do with it. */
  'refine.ask-position': 'What should I do with {items}: swap {it}, find more like {it}, or mark {it} as seen? Say “swap {n}”, “more like {n}” or “seen {n}”.',
  'refine.out-of-range': 'There is no {positions}: the list has {count} items.',
  'refine.undone': 'Back to the previous list.',
  'refine.nothing-to-undo': 'There is nothing to undo yet: this is the first list.',
  'refine.started-over': 'Starting over from your first request.',
  /** `{rejected}`: "the one you turned down stays" / "the 3 you turned down stay". */
  'refine.started-over-rejected': 'Starting over from your first request; {rejected} out.',
  /** Two opposite wishes in one message: the later one was kept. */
  'refine.conflict': 'You asked for both “{dropped}” and “{kept}”, so I went with the later one: “{kept}”.',
  'refine.seen': 'Marked as seen: {titles}. Here are replacements.',
  'refine.weights': '{wish} from now on (a preference, not a rule).',
  /** `{tone}`: "lighter", "more upbeat", "less scary"... */
  'refine.tone': 'Going {tone}: {wish} from now on (a preference, not a rule).',
  'refine.newer': 'Going newer than the list shown: from {year} on.',
  'refine.older': 'Going older than the list shown: up to {year}.',
  'refine.surprise': 'A surprise draw: picks off the usual path.',
} as const satisfies Record<string, string>;

export type RefineReplyCode = keyof typeof REFINE_REPLIES;
export type RefineReplyContext = Readonly<Record<string, string | number>>;

/** A line to show the member: its code (for faces with their own words), the text, and what filled it. */
export interface RefineReply {
  code: RefineReplyCode;
  text: string;
  context: RefineReplyContext;
}

/** What the member sees when the reader did not understand a follow-up (also `REFINE_REPLIES['refine.not-understood']`). */
export const NOT_UNDERSTOOD_TEXT: string = REFINE_REPLIES['refine.not-understood'];

/** Fills a reply template; a placeholder with no value stays visible, so tests notice it. */
export function refineReply(code: RefineReplyCode, context: RefineReplyContext = {}): RefineReply {
  const text = REFINE_REPLIES[code].replace(/\{(\w+)\}/g, (m, k: string) => (context[k] !== undefined ? String(context[k]) : m));
  return { code, text, context };
}

/** "A", "A and B", "A, B and C". */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
