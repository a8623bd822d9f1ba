/** Whether a whole message is only an acknowledgement, or asks for content the pipeline can search for. */
import { GENRES, resolveTags } from '../constraints.js';
import { canonicalTags } from '../filters/tags.js';
import { ACK, ACK_FILLER, FRAME_WORDS, POSITION_WORDS, REQUEST_FRAME } from './lexicon.js';
import { withoutTitles } from './mentions.js';
import { STOPWORDS, wordsOf } from './text.js';

/** A message that only acknowledges or praises ("thanks!", "great, cheers", "the first one looks great"). */
export function isAcknowledgement(t: string, titles: readonly string[] | undefined): boolean {
  if (!t.match(ACK)) return false;
  const rest = withoutTitles(t.replace(ACK, ' ').replace(POSITION_WORDS, ' '), titles);
  return wordsOf(rest).every((w) => STOPWORDS.has(w) || ACK_FILLER.has(w) || w === 'one' || w === 'ones');
}

/** Whether leftover words ask for content the pipeline can search words for ("something with robots", "heist movies"). */
export function isContentRequest(t: string, knownTags: readonly string[]): boolean {
  const words = wordsOf(t).filter((w) => !/\d/.test(w) && w.length >= 3 && !STOPWORDS.has(w) && !FRAME_WORDS.has(w));
  if (words.length === 0) return false;
  if (REQUEST_FRAME.test(t)) return true;
  return words.some(
    (w) => resolveTags(w, knownTags, 'include').length > 0 || canonicalTags(w).some((c) => GENRES.includes(c)),
  );
}
