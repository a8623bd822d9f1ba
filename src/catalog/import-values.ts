import { isRating } from '../domain/rules.js';

/** Ratings and dates in watch-history imports (Letterboxd, IMDb, plain CSV). */

/** Rounds to the nearest half star. */
export function toHalves(n: number): number {
  return Math.round(n * 2) / 2;
}

/**
 * A 0.5-5 rating from "4", "3.5", "4,5" or stars ("★★★½"); values in between are rounded to the
 * nearest half. `scale: 10` (IMDb) takes 1-10 and halves it: 7 -> 3.5. Undefined when not a rating.
 */
export function parseRating(text: string, scale: 5 | 10 = 5): number | undefined {
  const s = text.trim();
  if (scale === 5 && /^★*½?$/u.test(s) && s !== '') {
    const stars = Array.from(s).filter((c) => c === '★').length + (s.endsWith('½') ? 0.5 : 0);
    return isRating(stars) ? stars : undefined;
  }
  if (!/^\d+(?:[.,]\d+)?$/.test(s)) return undefined;
  const n = Number(s.replace(',', '.'));
  if (scale === 10) return Number.isInteger(n) && n >= 1 && n <= 10 ? Math.max(0.5, toHalves(n / 2)) : undefined;
  const r = toHalves(n);
  return isRating(r) ? r : undefined;
}

const EARLIEST = Date.UTC(1870, 0, 1);
const DAY = 86_400_000;

/**
 * A date as epoch milliseconds: "2024-03-15" (midnight UTC), or an ISO date-time with a zone
 * ("2024-03-15T20:00:00Z"). Dates before 1870 or more than a day after `now` are refused.
 */
export function parseDate(text: string, now: number): { ok: true; at: number } | { ok: false; why: string } {
  const s = text.trim();
  let at: number;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (day) {
    const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
    at = Date.UTC(y, m - 1, d);
    const back = new Date(at);
    if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) {
      return { ok: false, why: 'is not a real date' };
    }
  } else if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/.test(s)) {
    at = Date.parse(s.replace(' ', 'T'));
    if (Number.isNaN(at)) return { ok: false, why: 'is not a real date' };
  } else {
    return { ok: false, why: 'is not a date like 2024-03-15' };
  }
  if (at < EARLIEST) return { ok: false, why: 'is before 1870' };
  if (at > now + DAY) return { ok: false, why: 'is in the future' };
  return { ok: true, at };
}
