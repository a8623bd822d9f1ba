import type { Reason } from '../domain/reason.js';

/**
 * Words that speak of the asker's own ratings or history ("you rated", "your watchlist", "often watched
 * after"). The model's reasons are free text, not one of the engine's reason kinds, so whether one is
 * personal can only be judged from its words; that judgement is made once, here, where the text comes in.
 */
const MENTIONS_HISTORY =
  /\byou (?:rated|gave|liked|loved|watched|have seen|saw)\b|\byour (?:ratings?|history|watch(?:ed|list)?|favou?rites?)\b|\bwatched after\b|\bpeople who watched\b/i;

/** The model's one-line reason (already cleaned, non-empty) as reason data; public lists hide it when personal. */
export function modelReason(text: string): Reason {
  return { kind: 'llm', text, personal: MENTIONS_HISTORY.test(text) };
}
