import type { TitleIndex } from '../catalog/titles.js';

const LIKE = /\b(?:something like|movies like|films like|shows like|like|similar to|such as|in the vein of|along the lines of|reminds? me of|same vibe as)\s+(.+)$/i;
const CUT = /\s*(?:,|;|\bbut\b|\band no\b|\bwithout\b|\bexcept\b|\bthat is\b|\bthat's\b|\bonly\b|\bolder than\b|\bnewer than\b|\bbefore\b|\bafter\b|\bfrom the\b)\s*/i;

/**
 * "something like The Matrix, but older": the named title leads the search as a seed (and is never
 * recommended back), instead of its words being matched as text.
 */
export function titleSeeds(text: string, titles: TitleIndex): string[] {
  const m = LIKE.exec(text);
  if (!m) return [];
  const named = m[1].split(CUT)[0].replace(/[.!?]+$/, '').trim();
  if (named.length < 2) return [];
  const item = titles.resolve(named);
  return item ? [item.id] : [];
}
