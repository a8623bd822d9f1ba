/**
 * Choosing among the reasons of the sources that found an item: the most specific one is shown. Reasons are
 * data (src/domain/reason.ts); their specificity is a property of their kind, never read back from text.
 */
import { reasonSpecificity, type Reason } from '../domain/reason.js';
import type { ItemId } from '../domain/item.js';
import { titleOr, type TitleOf } from './sources/candidate.js';

/** A reason that names an item, with its display title (the id when the title is unknown). */
export function naming(kind: 'similar' | 'liked' | 'co-watched' | 'after', itemId: ItemId, title: TitleOf | undefined): Reason {
  return { kind, itemId, title: titleOr(title, itemId) };
}

/** The most specific reason; ties go to the earlier one (callers pass them best-ranked first). */
export function pickReason(candidates: (Reason | undefined)[]): Reason {
  let best: Reason | undefined;
  let bestS = -1;
  for (const r of candidates) {
    const s = reasonSpecificity(r);
    if (s > bestS) {
      best = r;
      bestS = s;
    }
  }
  return best ?? { kind: 'picked' };
}
