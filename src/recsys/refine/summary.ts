/**
 * After a refinement: the final list from the slots `applyRefinement` kept and the new results, and the
 * one-line summary of what changed, written from the list the member now SEES (positions after the
 * change), so it cannot drift from the list after several swaps, a short fill or a reordering.
 */
import type { ItemId } from '../../domain/item.js';
import type { Refined, RefineState } from './apply.js';

/**
 * The list to show: kept ids stay in their slots, open slots (null) take the new results in order
 * (skipping any already kept); slots left open when results run out are dropped, so later items move up.
 * An empty `keep` shows the new results only (at most `count` of them when given).
 */
export function fillSlots(keep: readonly (ItemId | null)[], fresh: readonly ItemId[], count?: number): ItemId[] {
  if (keep.length === 0) return unique(fresh).slice(0, count ?? fresh.length);
  const kept = new Set(keep.filter((x): x is ItemId => x !== null));
  const queue = unique(fresh).filter((id) => !kept.has(id));
  const out: ItemId[] = [];
  for (const slot of keep) {
    if (slot !== null) out.push(slot);
    else {
      const next = queue.shift();
      if (next !== undefined) out.push(next);
    }
  }
  return out;
}

/** The state for the next turn once the new results are in: `shown` is the list the member sees. */
export function settle(refined: Refined, fresh: readonly ItemId[]): { shown: ItemId[]; state: RefineState } {
  const shown = refined.settled ? refined.keep.filter((x): x is ItemId => x !== null) : fillSlots(refined.keep, fresh, refined.state.count);
  return { shown, state: { ...refined.state, shown } };
}

function unique(xs: readonly ItemId[]): ItemId[] {
  return [...new Set(xs)];
}

/**
 * What changed between the list shown before and the one shown now, naming positions as they are NOW:
 * "#2 is now Heat (instead of Alien); #4 is now Jaws (instead of Up)". A new item takes the place of the
 * item that was in its slot when that one left, else of the first one that left; items that left
 * without a successor are "removed"; kept items that moved say where they are now.
 */
export function describeRefinement(before: readonly ItemId[], after: readonly ItemId[], titleOf: (id: ItemId) => string): string {
  if (after.length === 0) return before.length ? 'no items left' : 'no items';
  const beforeSet = new Set(before);
  const afterSet = new Set(after);
  if (before.length === 0 || after.every((id) => !beforeSet.has(id))) return `a new list of ${after.length}`;
  const left = before.filter((id) => !afterSet.has(id));
  const paired = new Set<ItemId>();
  const parts: string[] = [];
  after.forEach((id, i) => {
    if (beforeSet.has(id)) return;
    const sameSlot = before[i];
    const old = sameSlot !== undefined && !afterSet.has(sameSlot) && !paired.has(sameSlot) ? sameSlot : left.find((x) => !paired.has(x));
    if (old !== undefined) {
      paired.add(old);
      parts.push(`#${i + 1} is now ${titleOf(id)} (instead of ${titleOf(old)})`);
    } else parts.push(`#${i + 1} is new: ${titleOf(id)}`);
  });
  for (const id of left) if (!paired.has(id)) parts.push(`removed ${titleOf(id)}`);
  after.forEach((id, i) => {
    const was = before.indexOf(id);
    if (was >= 0 && was !== i) parts.push(`${titleOf(id)} is now #${i + 1}`);
  });
  return parts.length ? parts.join('; ') : 'no change';
}
