import { normaliseTitle, splitTitleYear } from './normalise.js';
import type { CatalogItem } from '../domain/item.js';
import { editDistance } from './edit-distance.js';

interface Entry {
  item: CatalogItem;
  norm: string;
  words: string[];
  /** Other names the title carries: "Seven (a.k.a. Se7en)" is also "seven" and "se7en". */
  aliases: string[];
}

/** The title without its parenthesised parts, and each part ("a.k.a." dropped), normalised. */
function aliasesOf(title: string, norm: string): string[] {
  const parts = [...title.matchAll(/\(([^()]*)\)/g)].map((m) => m[1].replace(/^\s*a\.?k\.?a\.?\s+/i, ''));
  if (parts.length === 0) return [];
  const main = title.replace(/\s*\([^()]*\)/g, ' ');
  const out = new Set([main, ...parts].map(normaliseTitle).filter((a) => a.length >= 2 && /\p{L}/u.test(a) && a !== norm));
  return [...out];
}

/**
 * Title lookup for autocomplete and for typed titles: prefix, word-prefix, substring, then typo-tolerant.
 * Built once per catalog version.
 */
export class TitleIndex {
  private readonly entries: Entry[];

  constructor(items: CatalogItem[]) {
    this.entries = items.map((item) => {
      const norm = normaliseTitle(item.title);
      return { item, norm, words: norm.split(' ').filter(Boolean), aliases: aliasesOf(item.title, norm) };
    });
  }

  /** Best matches first; `boost` ids (e.g. the user's history) come first within a tier. */
  search(query: string, limit = 25, boost: Set<string> = new Set()): CatalogItem[] {
    const { title, year } = splitTitleYear(query);
    const q = normaliseTitle(title);
    if (!q) return this.entries.filter((e) => boost.has(e.item.id)).slice(0, limit).map((e) => e.item);
    const qWords = q.split(' ').filter(Boolean);
    const scored: { e: Entry; s: number }[] = [];
    for (const e of this.entries) {
      let s = tierScore(e, q, qWords);
      if (s === 0) continue;
      if (year !== undefined && e.item.year === year) s += 0.5;
      if (boost.has(e.item.id)) s += 0.25;
      scored.push({ e, s });
    }
    scored.sort((a, b) => b.s - a.s || a.e.norm.length - b.e.norm.length || (b.e.item.year ?? 0) - (a.e.item.year ?? 0));
    return scored.slice(0, limit).map((x) => x.e.item);
  }

  /** One item for a typed title ("Heat (1995)", "heat", "the matrx"), or null when nothing fits well. */
  resolve(text: string): CatalogItem | null {
    const { title, year } = splitTitleYear(text);
    const q = normaliseTitle(title);
    if (!q) return null;
    let exact = this.entries.filter((e) => e.norm === q);
    if (exact.length === 0) exact = this.entries.filter((e) => e.aliases.includes(q));
    if (exact.length) {
      const withYear = year === undefined ? undefined : exact.find((e) => e.item.year === year);
      return (withYear ?? exact[0]).item;
    }
    const best = this.search(text, 1)[0];
    if (!best) return null;
    const norm = normaliseTitle(best.title);
    const d = editDistance(q, norm, 3);
    // Accept a near spelling or a prefix covering most of the title; reject loose word matches.
    if (d <= Math.max(1, Math.floor(q.length / 6))) return best;
    if (norm.startsWith(q) && q.length >= norm.length * 0.6) return best;
    return null;
  }
}

function tierScore(e: Entry, q: string, qWords: string[]): number {
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
