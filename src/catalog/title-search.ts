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

/** Words a title query may carry that say nothing of which title it is. */
const FILLER = new Set(['the', 'a', 'an', 'of', 'and', 'in', 'on', 'to', 'part', 'movie', 'film']);

/**
 * When no title matches every word ("Termnator 9", "The Godfathr Part 7"): the titles that match the most of
 * the query's words (a near spelling counts), each word weighing its length, so that "termnator" says more
 * than "9"; at least half of the query's weight (filler words left out). More weight first, then the more
 * `popular`, then the shorter title. Empty when no title is that close.
 */
export function nearest<E extends Searchable>(entries: readonly E[], q: TitleQuery, limit: number, popular: (id: string) => number = () => 0): E[] {
  const words = q.words.filter((w) => !FILLER.has(w));
  // one word: the typo tier of `ranked` already tried it against every title
  if (words.length < 2) return [];
  const need = words.reduce((sum, w) => sum + w.length, 0) / 2;
  const scored: { e: E; n: number; p: number }[] = [];
  for (const e of entries) {
    let n = 0;
    for (const w of words) if (wordNear(w, e.words)) n += w.length;
    if (n >= need) scored.push({ e, n, p: popular(e.item.id) });
  }
  scored.sort((a, b) => b.n - a.n || b.p - a.p || a.e.norm.length - b.e.norm.length);
  return scored.slice(0, limit).map((x) => x.e);
}

/** Whether a query word is some title word, its start, or within 1 edit of it (2 for long words). */
function wordNear(w: string, titleWords: readonly string[]): boolean {
  const max = w.length >= 7 ? 2 : w.length >= 4 ? 1 : 0;
  if (max === 0) return titleWords.some((x) => x.startsWith(w));
  return titleWords.some((x) => editDistance(w, x.slice(0, w.length + max), max) <= max || editDistance(w, x, max) <= max);
}

function tierScore(e: Searchable, q: string, qWords: string[]): number {
  if (e.norm === q) return 10;
  if (e.norm.startsWith(q)) return 8;
  if (qWords.every((w) => e.words.some((x) => x.startsWith(w)))) return 6;
  if (e.norm.includes(q)) return 5;
  // Typo tolerance: every query word within 1 edit (2 for long words) of some title word (prefix-aware).
  return qWords.every((w) => wordNear(w, e.words)) ? 3 : 0;
}

