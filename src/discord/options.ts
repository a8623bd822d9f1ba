import { UserError } from './errors.js';

/** A rating from 0.5 to 5 in steps of 0.5, or a UserError('rating.range'). */
export function checkRating(value: number): number {
  if (!(value >= 0.5 && value <= 5) || !Number.isInteger(value * 2)) throw new UserError('rating.range', { value: String(value) });
  return value;
}

/** "Heat, Alien\nUp" -> ["Heat", "Alien", "Up"] (commas, semicolons or new lines; blanks and repeats dropped). */
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

export const RANK_MAX = 25;
