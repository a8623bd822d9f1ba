/**
 * Short human reasons attached to candidates, and how specific each one is, so the runner can pick the
 * most telling reason among the sources that found an item. Reasons are plain strings (Candidate.reason);
 * specificity is read back from the templates below.
 */

export const reasons = {
  request: (): string => 'close to your request',
  similarTo: (title: string): string => `similar to ${title}`,
  liked: (title: string): string => `because you liked ${title}`,
  rated: (title: string, value: number): string => `because you rated ${title} ${value}`,
  coWatched: (title: string): string => `people who watched ${title} also watched this`,
  after: (title: string): string => `often watched after ${title}`,
  popular: (): string => 'popular on this server',
  listed: (): string => 'on your list',
  fallback: (): string => 'picked for you',
} as const;

const PATTERNS: [RegExp, number][] = [
  [/^because you (rated|liked) /, 5],
  [/^similar to /, 5],
  [/^often watched after /, 4],
  [/^people who watched /, 4],
  [/^close to your request$/, 2],
  [/^popular on this server$/, 1],
  [/^on your list$/, 0],
  [/^picked for you$/, 0],
];

/**
 * Higher is more specific. Reasons naming an item the user knows beat generic ones; an unknown non-empty
 * reason (e.g. written by an LLM stage) counts as specific (3); no reason is -1.
 */
export function reasonSpecificity(reason: string | undefined): number {
  if (!reason) return -1;
  for (const [re, s] of PATTERNS) if (re.test(reason)) return s;
  return 3;
}

/** The most specific reason; ties go to the earlier one (callers pass them best-ranked first). */
export function pickReason(candidates: (string | undefined)[]): string {
  let best: string | undefined;
  let bestS = -1;
  for (const r of candidates) {
    const s = reasonSpecificity(r);
    if (s > bestS) {
      best = r;
      bestS = s;
    }
  }
  return best ?? reasons.fallback();
}
