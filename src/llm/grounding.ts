import type { ItemBrief, Pick } from './contracts.js';
import { editDistance } from '../catalog/edit-distance.js';

/** Lowercase, no accents or punctuation, "&" as "and", no leading article ("The Matrix" = "Matrix, The"). */
export function normalizeTitle(title: string): string {
  let t = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  t = t.replace(/\s*\((?:19|20)\d\d\)\s*$/, ''); // "Heat (1995)"
  t = t.replace(/,\s*(the|a|an|le|la|les|il|der|die|das|el)$/, ''); // "Matrix, The"
  t = t.replace(/&/g, ' and ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  t = t.replace(/^(the|a|an) /, '');
  return t.replace(/\s+/g, ' ');
}

/** Year written in the title, e.g. "Heat (1995)". */
function yearInTitle(title: string): number | undefined {
  const m = /\(((?:19|20)\d\d)\)\s*$/.exec(title);
  return m ? Number(m[1]) : undefined;
}

/**
 * Finds the catalog item a model's title means: exact normalised match first, then a close spelling
 * (about one typo per 8 characters, titles of 5+ characters only). With a year, an item whose year is more
 * than one off is never taken; among equals the closest year wins, then catalog order.
 */
export function matchTitle(title: string, year: number | undefined, items: ItemBrief[]): ItemBrief | null {
  const want = normalizeTitle(title);
  if (want === '') return null;
  const y = year ?? yearInTitle(title);
  const yearOk = (it: ItemBrief) => y === undefined || it.year === undefined || Math.abs(it.year - y) <= 1;
  const yearGap = (it: ItemBrief) => (y === undefined || it.year === undefined ? 0.5 : Math.abs(it.year - y));
  const maxEdits = want.length >= 5 ? Math.max(1, Math.floor(want.length / 8)) : 0;
  let best: { it: ItemBrief; cost: number } | null = null;
  for (const it of items) {
    if (!yearOk(it)) continue;
    const have = normalizeTitle(it.title);
    let edits = have === want ? 0 : maxEdits > 0 ? editDistance(have, want, maxEdits) : 1;
    if (edits > maxEdits) continue;
    const cost = edits * 10 + yearGap(it);
    if (!best || cost < best.cost) best = { it, cost };
    if (cost === 0) break;
  }
  return best?.it ?? null;
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
  offlineReason: (id: string) => string = () => 'ranked by the offline engine',
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
    picks.push({ id, reason: cleanLine(r.reason) || offlineReason(id), by: 'llm' });
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
