import type { Reason } from '../domain/reason.js';

type GroupFit = Extract<Reason, { kind: 'group-fit' }>;

/**
 * How a group list's item fits the group, in counts only ("fits all 4", "3 love it, 1 is lukewarm"): never
 * who, and never a rating. Members with no ratings yet are neutral: named as a count, never a veto.
 */
export function groupFitText(r: GroupFit): string {
  const counted = r.love + r.like + r.lukewarm;
  const fresh = r.neutral > 0 ? ` (${r.neutral} with no ratings yet)` : '';
  if (counted === 0) return 'a safe pick: no one here has rated anything yet';
  const all = counted === 2 ? 'both' : `all ${counted}`;
  if (r.lukewarm === 0) return `${r.love === counted ? (counted === 2 ? 'you both love it' : `all ${counted} love it`) : `fits ${all}`}${fresh}`;
  const parts: string[] = [];
  if (r.love) parts.push(`${r.love} ${r.love === 1 ? 'loves' : 'love'} it`);
  if (r.like) parts.push(`${r.like} ${r.like === 1 ? 'likes' : 'like'} it`);
  parts.push(`${r.lukewarm} ${r.lukewarm === 1 ? 'is' : 'are'} lukewarm`);
  return parts.join(', ') + fresh;
}
