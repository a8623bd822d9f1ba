import { normaliseTitle, splitTitleYear } from './normalise.js';
import type { CatalogItem } from '../domain/item.js';
import { editDistance } from './edit-distance.js';

/**
 * The one place that decides which item a piece of text names: typed titles (/rate, /predict, /rank,
 * /similar, /watched, imports, "like X" seeds, titles an LLM proposes), autocomplete, and titles named in
 * a refinement message. Keys come from `normaliseTitle`; distances from `editDistance`.
 */

interface Entry {
  item: CatalogItem;
  norm: string;
  words: string[];
  /** Other names the title carries: "Seven (a.k.a. Se7en)" is also "seven" and "se7en". */
  aliases: string[];
}

/** A typed title, read once: its normalised key and words, and the year written after it ("Heat (1995)"). */
export interface TitleQuery {
  norm: string;
  words: string[];
  year?: number;
}

export function readTitleQuery(text: string): TitleQuery {
  const { title, year } = splitTitleYear(text);
  const norm = normaliseTitle(title);
  return { norm, words: norm.split(' ').filter(Boolean), ...(year !== undefined ? { year } : {}) };
}

/** The title without its parenthesised parts, and each part ("a.k.a." dropped), normalised. */
function aliasesOf(title: string, norm: string): string[] {
  const parts = [...title.matchAll(/\(([^()]*)\)/g)].map((m) => m[1].replace(/^\s*a\.?k\.?a\.?\s+/i, ''));
  if (parts.length === 0) return [];
  const main = title.replace(/\s*\([^()]*\)/g, ' ');
  const out = new Set([main, ...parts].map(normaliseTitle).filter((a) => a.length >= 2 && /\p{L}/u.test(a) && a !== norm));
  return [...out];
}

/** One step of `resolve`: the item it is sure the query names, or null to let the next step try. */
type ResolveStep = (entries: readonly Entry[], q: TitleQuery) => CatalogItem | null;

/** Among items of the same name, the one of the year asked for, else the first listed. */
function sameName(found: Entry[], q: TitleQuery): CatalogItem | null {
  if (found.length === 0) return null;
  const withYear = q.year === undefined ? undefined : found.find((e) => e.item.year === q.year);
  return (withYear ?? found[0]).item;
}

/** The title itself, normalised ("the matrix" = "Matrix, The"). */
const byName: ResolveStep = (entries, q) => sameName(entries.filter((e) => e.norm === q.norm), q);

/** Another name the title carries in brackets ("Se7en" for "Seven (a.k.a. Se7en)"). */
const byAlias: ResolveStep = (entries, q) => sameName(entries.filter((e) => e.aliases.includes(q.norm)), q);

/** The best search hit, when it is a near spelling or a prefix covering most of it; loose word matches are refused. */
const bySpelling: ResolveStep = (entries, q) => {
  const best = ranked(entries, q, new Set())[0]?.e;
  if (!best) return null;
  const d = editDistance(q.norm, best.norm, 3);
  if (d <= Math.max(1, Math.floor(q.norm.length / 6))) return best.item;
  if (best.norm.startsWith(q.norm) && q.norm.length >= best.norm.length * 0.6) return best.item;
  return null;
};

/**
 * How `resolve` reads a typed title, most certain first; the first step that answers wins.
 * A smarter resolver (numbered sequels, abbreviations) adds its step here.
 */
const RESOLVE_STEPS: readonly ResolveStep[] = [byName, byAlias, bySpelling];

/** Entries that match the query at all, best first: tier, then year asked for, then `boost`; shorter, newer titles first among equals. */
function ranked(entries: readonly Entry[], q: TitleQuery, boost: Set<string>): { e: Entry; s: number }[] {
  const scored: { e: Entry; s: number }[] = [];
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
    const q = readTitleQuery(query);
    if (!q.norm) return this.entries.filter((e) => boost.has(e.item.id)).slice(0, limit).map((e) => e.item);
    return ranked(this.entries, q, boost).slice(0, limit).map((x) => x.e.item);
  }

  /** One item for a typed title ("Heat (1995)", "heat", "the matrx"), or null when nothing fits well. */
  resolve(text: string): CatalogItem | null {
    const q = readTitleQuery(text);
    if (!q.norm) return null;
    for (const step of RESOLVE_STEPS) {
      const item = step(this.entries, q);
      if (item) return item;
    }
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

/*
 * Titles named inside free text (a refinement message: "more like Heat", "drop Jaws"), among the few
 * titles of a list just shown. The text comes lowercased; a title compares lowercased, without a trailing
 * "(year)", and only from 3 characters on; the longest title named wins.
 */

function mentionKey(title: string): string {
  return title.toLowerCase().replace(/\s*\(\d{4}\)\s*$/, '').trim();
}

function longestMention(titles: readonly string[] | undefined, names: (key: string) => boolean): number | undefined {
  if (!titles) return undefined;
  let best: number | undefined;
  let bestLen = 0;
  titles.forEach((title, i) => {
    const key = mentionKey(title);
    if (key.length >= 3 && names(key) && key.length > bestLen) {
      best = i + 1;
      bestLen = key.length;
    }
  });
  return best;
}

/** 1-based position of the longest of `titles` that one of `texts` starts with, as whole words, if any. */
export function titleOpening(texts: string[], titles: readonly string[] | undefined): number | undefined {
  return longestMention(titles, (key) => texts.some((x) => x.startsWith(key) && !/^\w/.test(x.slice(key.length))));
}

/** 1-based position of the longest of `titles` that `text` contains anywhere, if any. */
export function titleWithin(text: string, titles: readonly string[] | undefined): number | undefined {
  return longestMention(titles, (key) => text.includes(key));
}
