/** Soft genre wishes on a shown list: how the weights move, and which shown items make room. */
import type { ItemId } from '../../domain/item.js';
import { matchingTag } from '../filters/tags.js';
import type { ApplyOptions } from './turn.js';

export function hasAnyTag(tags: readonly string[] | undefined, wanted: readonly string[]): boolean {
  return !!tags && wanted.some((w) => matchingTag(w, tags) !== undefined);
}

/** Weights after a wish: +1 per "more", -1 per "fewer", within -3..3; a zero is dropped. */
export function shiftWeights(w: Record<string, number> | undefined, more: readonly string[], fewer: readonly string[]): Record<string, number> {
  const out: Record<string, number> = { ...(w ?? {}) };
  const shift = (tag: string, by: number): void => {
    const v = Math.max(-3, Math.min(3, (out[tag] ?? 0) + by));
    if (v === 0) delete out[tag];
    else out[tag] = v;
  };
  for (const t of more) shift(t, 1);
  for (const t of fewer) shift(t, -1);
  return out;
}

/**
 * Which shown items a soft wish keeps (null: replaced), bottom of the list first:
 * - a tone replaces every item of a "fewer" genre ("too dark": the dark ones go);
 * - genre weights replace half (rounded up) of the items of a "fewer" genre ("fewer sci-fi" of 4 sci-fi: 2 go),
 *   and half of the items without a "more" genre ("more comedy");
 * - when no item is touched that way (or tags are unknown), the bottom half makes room.
 */
export function softKeep(
  shown: ItemId[],
  kind: 'weight' | 'tone',
  more: readonly string[],
  fewer: readonly string[],
  tagsOf: ApplyOptions['tagsOf'],
): (ItemId | null)[] {
  const keep: (ItemId | null)[] = shown.slice();
  const drop = (idx: number[], n: number): void => {
    for (const i of idx.slice().reverse().slice(0, n)) keep[i] = null;
  };
  if (tagsOf) {
    const fewerIdx = fewer.length ? shown.map((id, i) => (hasAnyTag(tagsOf(id), fewer) ? i : -1)).filter((i) => i >= 0) : [];
    drop(fewerIdx, kind === 'tone' ? fewerIdx.length : Math.ceil(fewerIdx.length / 2));
    if (more.length) {
      const lacking = shown.map((id, i) => (keep[i] !== null && !hasAnyTag(tagsOf(id), more) ? i : -1)).filter((i) => i >= 0);
      // a tone whose "fewer" side already made room needs no more; else make room for the "more" side
      if (!(kind === 'tone' && fewerIdx.length > 0)) drop(lacking, Math.ceil(lacking.length / 2));
    }
  }
  if (keep.every((x) => x !== null) && shown.length > 0) drop(shown.map((_, i) => i), Math.ceil(shown.length / 2));
  return keep;
}
