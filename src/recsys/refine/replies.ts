/**
 * The lines a refinement turn may say to the member besides (or instead of) a list, as codes and the values
 * that fill them. Their words live in the app's one message table (src/app/messages.ts), like every other
 * text a member reads.
 */
export type RefineReplyCode =
  | 'refine.not-understood'
  | 'refine.thanks'
  | 'refine.ask-position'
  | 'refine.out-of-range'
  | 'refine.undone'
  | 'refine.nothing-to-undo'
  | 'refine.started-over'
  | 'refine.started-over-rejected'
  | 'refine.conflict'
  | 'refine.seen'
  | 'refine.weights'
  | 'refine.tone'
  | 'refine.newer'
  | 'refine.older'
  | 'refine.surprise';
export type RefineReplyContext = Readonly<Record<string, string | number>>;

/** A line to show the member: its code and what fills its words. */
export interface RefineReply {
  code: RefineReplyCode;
  context: RefineReplyContext;
}

export function refineReply(code: RefineReplyCode, context: RefineReplyContext = {}): RefineReply {
  return { code, context };
}

/** "A", "A and B", "A, B and C". */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
