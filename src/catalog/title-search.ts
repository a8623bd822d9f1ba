/** Title search: how well a typed query matches each title (autocomplete, and the resolver's spelling step). */
import type { CatalogItem } from '../domain/item.js';
import { editDistance } from './edit-distance.js';

/** What title search reads of a catalog entry. */
export interface Searchable {
  item: CatalogItem;
  norm: string;
  words: string[];
}

/** A typed title, read once: its normalised key and words, and the year written after it ("Heat (1995)"). */
export interface TitleQuery {
  norm: string;
  words: string[];
  year?: number;
}

/** Entries that match the query at all, best first: tier, then year asked for, then `boost`; shorter, newer titles first among equals. */
export function ranked<E extends Searchable>(entries: readonly E[], q: TitleQuery, boost: Set<string>): { e: E; s: number }[] {
  const scored: { e: E; s: number }[] = [];
  for (const e of entries) {
    let s = tierScore(e, q.norm, q.words);
    if (s === 0) continue;
    if (q.year !== undefined && e.item.year === q.year) s += 0.5;
    if (boost.has(e.item.id)) s += 0.25;
    scored.push({ e, s });
  }
  scored.sort((a, b) => b.s - a.s || a.e.norm.length - b.e.norm.length || (b.e.item.year ?? 0) - (a.e.item.year ?? 0));
  return scored;
}

function tierScore(e: Searchable, q: string, qWords: string[]): number {
  if (e.norm === q) return 10;
  if (e.norm.startsWith(q)) return 8;
  if (qWords.every((w) => e.words.some((x) => x.startsWith(w)))) return 6;
  if (e.norm.includes(q)) return 5;
  // Typo tolerance: every query word within 1 edit (2 for long words) of some title word (prefix-aware).
  let ok = true;
  for (const w of qWords) {
    const max = w.length >= 7 ? 2 : w.length >= 4 ? 1 : 0;
    if (max === 0) {
      if (!e.words.some((x) => x.startsWith(w))) { ok = false; break; }
      continue;
    }
    if (!e.words.some((x) => editDistance(w, x.slice(0, w.length + max), max) <= max || editDistance(w, x, max) <= max)) {
      ok = false;
      break;
    }
  }
  return ok ? 3 : 0;
}

