import { isRating, RANK_TITLES } from '../domain/rules.js';
import { AppError } from './errors.js';

/** The rules of `src/domain/rules.ts` as checks that throw the user's error; used by every face and the app. */

/** A rating from 0.5 to 5 in steps of 0.5, or AppError('rating.range'). */
export function checkRating(value: number): number {
  if (!isRating(value)) throw new AppError('rating.range', { value: String(value) });
  return value;
}

/** A /rank list of RANK_TITLES.min to RANK_TITLES.max titles, or AppError('rank.too-few' | 'rank.too-many'). */
export function checkRankTitles(titles: string[]): string[] {
  if (titles.length < RANK_TITLES.min) throw new AppError('rank.too-few');
  if (titles.length > RANK_TITLES.max) throw new AppError('rank.too-many', { max: RANK_TITLES.max, count: titles.length });
  return titles;
}
