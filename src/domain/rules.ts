/**
 * The rules on what users give the bot, each defined once: every face, the app and the store check
 * against these. Pure (no errors thrown here): the app turns a broken rule into its user error
 * (`src/app/checks.ts`), the store into its ValidationError.
 */

/** A rating: 0.5 to 5 in steps of 0.5. */
export const RATING = { min: 0.5, max: 5, step: 0.5 } as const;

/** Every allowed rating, lowest first: 0.5, 1, ..., 5. */
export const RATING_VALUES: readonly number[] = Array.from({ length: (RATING.max - RATING.min) / RATING.step + 1 }, (_, k) => RATING.min + k * RATING.step);

export function isRating(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= RATING.min && value <= RATING.max && Number.isInteger(value / RATING.step);
}

/**
 * A rating that says "I did not like it" (2★ or less): such an item is never a reason for a recommendation
 * ("similar to", "watched after"), nor a seed that what-comes-next lists start from.
 */
export const DISLIKED_AT_MOST = 2;

export const isDisliked = (rating: number | undefined): boolean => rating !== undefined && rating <= DISLIKED_AT_MOST;

/** How many titles `/rank` takes at once. */
export const RANK_TITLES = { min: 2, max: 25 } as const;

/** "Heat, Alien\nUp" -> ["Heat", "Alien", "Up"] (commas, semicolons, bars or new lines; blanks and repeats dropped). */
export function splitTitles(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/[,;\n|]+/)) {
    const t = raw.trim();
    if (t && !seen.has(t.toLowerCase())) {
      seen.add(t.toLowerCase());
      out.push(t);
    }
  }
  return out;
}

/** How many items a user may ask for in one list (`/recommend`, `/next`, ...). */
export const LIST_COUNT = { min: 1, max: 10, default: 5 } as const;

/** A list length asked for by a user, brought into LIST_COUNT (5 by default). */
export const clampCount = (n: number | undefined, def: number = LIST_COUNT.default): number =>
  Math.max(LIST_COUNT.min, Math.min(LIST_COUNT.max, Math.floor(n ?? def)));
