/** Stable ids for items uploaded without one, so that re-uploading the same file keeps the same ids. */
import { createHash } from 'node:crypto';
import { normaliseTitle } from './normalise.js';

/** `t-` + the first 12 hex digits of sha256("normalised title|year"). */
export function stableItemId(title: string, year?: number): string {
  const key = `${normaliseTitle(title)}|${year ?? ''}`;
  return `t-${createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 12)}`;
}
