import type { TitleIndex } from '../catalog/titles.js';
import type { CatalogItem } from '../domain/item.js';
import type { Pick } from './contracts.js';
import type { Reason } from '../domain/reason.js';
import { modelReason } from './model-reason.js';

/*
 * Grounding: a model's answer only keeps ids it was given (`groundPicks`, `completeOrder`). Titles a model
 * proposes are told apart with the catalog's `looseTitleKey` and resolved with its `TitleIndex`
 * (`resolveProposedTitle`): the same normaliser and resolver every other lookup uses.
 */

/** The catalog item a title the model proposed names, by the catalog's resolver; a year counts as written after the title. */
export function resolveProposedTitle(titles: TitleIndex, t: { title: string; year?: number }): CatalogItem | null {
  return titles.resolve(t.year ? `${t.title} (${t.year})` : t.title);
}

/** One line of model text safe to show: no control characters or newlines, at most `max` characters. */
export function cleanLine(s: unknown, max = 200): string {
  if (typeof s !== 'string') return '';
  const t = s.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

export interface GroundedPicks {
  picks: Pick[];
  /** Ids the model gave that are not among the allowed ones. */
  dropped: number;
  duplicates: number;
  /** Picks added from the offline order to reach `count`. */
  filled: number;
}

/**
 * Keeps the model's picks that are allowed ids, once each, in its order; completes a short list from the
 * offline order. `offlineReason(id)` gives the reason shown for an offline fill.
 */
export function groundPicks(
  raw: { id: string; reason?: string }[],
  allowed: ReadonlySet<string>,
  offlineOrder: string[],
  count: number,
  offlineReason: (id: string) => Reason = () => ({ kind: 'offline-rank' }),
): GroundedPicks {
  const seen = new Set<string>();
  const picks: Pick[] = [];
  let dropped = 0;
  let duplicates = 0;
  for (const r of raw) {
    const id = typeof r.id === 'string' ? r.id.trim() : '';
    if (!allowed.has(id)) {
      dropped++;
      continue;
    }
    if (seen.has(id)) {
      duplicates++;
      continue;
    }
    if (picks.length >= count) continue;
    seen.add(id);
    const why = cleanLine(r.reason);
    picks.push({ id, reason: why ? modelReason(why) : offlineReason(id), by: 'llm' });
  }
  let filled = 0;
  for (const id of offlineOrder) {
    if (picks.length >= count) break;
    if (seen.has(id)) continue;
    seen.add(id);
    picks.push({ id, reason: offlineReason(id), by: 'offline' });
    filled++;
  }
  return { picks, dropped, duplicates, filled };
}

/**
 * A full ordering of `ids`: the model's order (unknown ids dropped, repeats removed), then the ones it left
 * out in offline order, then any still missing in their given order.
 */
export function completeOrder(
  modelOrder: string[],
  ids: string[],
  offlineOrder: string[],
): { order: string[]; dropped: number; duplicates: number; filled: number } {
  const allowed = new Set(ids);
  const seen = new Set<string>();
  const order: string[] = [];
  let dropped = 0;
  let duplicates = 0;
  for (const raw of modelOrder) {
    const id = typeof raw === 'string' ? raw.trim() : '';
    if (!allowed.has(id)) dropped++;
    else if (seen.has(id)) duplicates++;
    else {
      seen.add(id);
      order.push(id);
    }
  }
  const before = order.length;
  for (const id of [...offlineOrder, ...ids]) {
    if (allowed.has(id) && !seen.has(id)) {
      seen.add(id);
      order.push(id);
    }
  }
  return { order, dropped, duplicates, filled: order.length - before };
}

/** Notes a user sees about repairs made to a model's answer. */
export function repairNotes(r: { dropped: number; duplicates: number; filled: number }): string[] {
  const notes: string[] = [];
  if (r.dropped) notes.push(`dropped ${r.dropped} id${r.dropped === 1 ? '' : 's'} the model made up`);
  if (r.duplicates) notes.push(`removed ${r.duplicates} repeated pick${r.duplicates === 1 ? '' : 's'}`);
  if (r.filled) notes.push(`completed ${r.filled} from the offline ranking`);
  return notes;
}
