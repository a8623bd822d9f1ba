import { normaliseTitle, splitTitleYear } from './normalise.js';
import type { CatalogItem } from '../domain/item.js';
import { editDistance } from './edit-distance.js';
import { expandAbbreviation } from './title-abbreviations.js';
export { expandAbbreviation } from './title-abbreviations.js';
import { titleKey, titleKeys, type TitleKeys } from './title-keys.js';
import { nearest, ranked, type Searchable, type TitleQuery } from './title-search.js';
export { titleOpening, titleWithin } from './title-mentions.js';
export type { TitleQuery } from './title-search.js';

/**
 * The one place that decides which item a piece of text names: typed titles (/rate, /predict, /rank,
 * /similar, /watched, imports, "like X" seeds, titles an LLM proposes), autocomplete, and titles named in
 * a refinement message. Keys come from `normaliseTitle` and `title-keys.ts`; distances from `editDistance`.
 */

interface Entry extends Searchable {
  /** `norm` without a leading English article. */
  bare: string;
  /** Other names the title carries: "Seven (a.k.a. Se7en)" is also "seven" and "se7en". */
  aliases: string[];
  /** Number, series, subtitle and initials keys, built on first use. */
  keys?: TitleKeys;
}

/** How a typed title was read: the title itself, or which looser reading found it. */
export type TitleMatchKind = 'exact' | 'alias' | 'number' | 'subtitle' | 'abbreviation' | 'spelling';

/** The item a typed title names and how it was found ("T2" -> Terminator 2: Judgment Day, by abbreviation). */
export interface TitleMatch {
  item: CatalogItem;
  how: TitleMatchKind;
}

/** How popular an item is in the scope (any scale, higher is more): breaks ties between equal readings. */
export type Popularity = (itemId: string) => number;

export interface TitleIndexOptions {
  popularity?: Popularity;
  /** Only readings of the title as written (no typo tolerance, which scans the whole catalog). */
  asWritten?: boolean;
}

/** A typed title, read once: its normalised key and words, and the year written after it ("Heat (1995)"). */
export function readTitleQuery(text: string): TitleQuery {
  const { title, year } = splitTitleYear(text);
  const norm = normaliseTitle(title);
  return { norm, words: norm.split(' ').filter(Boolean), ...(year !== undefined ? { year } : {}) };
}

const ARTICLE = /^(?:the|a|an) /;

/** The title without its parenthesised parts, and each part ("a.k.a." dropped), normalised. */
function aliasesOf(title: string, norm: string): string[] {
  const parts = [...title.matchAll(/\(([^()]*)\)/g)].map((m) => m[1].replace(/^\s*a\.?k\.?a\.?\s+/i, ''));
  if (parts.length === 0) return [];
  const main = title.replace(/\s*\([^()]*\)/g, ' ');
  const out = new Set([main, ...parts].map(normaliseTitle).filter((a) => a.length >= 2 && /\p{L}/u.test(a) && a !== norm));
  return [...out];
}

/** What a resolve step reads: the entries (catalog order), their keys, the scope's popularity, the text as typed. */
interface Lookup {
  entries: readonly Entry[];
  keys: (e: Entry) => TitleKeys;
  popularity?: Popularity;
  typed: string;
}

/** One step of `match`: the entry it is sure the query names, or null to let the next step try. */
type ResolveStep = (l: Lookup, q: TitleQuery) => Entry | null;

/** Among the entries a step found: the one of the year asked for, then the most popular, then the first listed. */
function pick(found: Entry[], q: TitleQuery, popularity?: Popularity): Entry | null {
  if (found.length === 0) return null;
  const ofYear = q.year === undefined ? [] : found.filter((e) => e.item.year === q.year);
  const pool = ofYear.length ? ofYear : found;
  if (!popularity || pool.length === 1) return pool[0];
  return pool.reduce((best, e) => (popularity(e.item.id) > popularity(best.item.id) ? e : best));
}

/** The title itself, normalised ("the matrix" = "Matrix, The"); then without a leading article ("godfather"). */
const byName: ResolveStep = (l, q) => {
  const same = l.entries.filter((e) => e.norm === q.norm);
  if (same.length) return pick(same, q, l.popularity);
  const bare = q.norm.replace(ARTICLE, '');
  return pick(l.entries.filter((e) => e.bare === bare), q, l.popularity);
};

/** Another name the title carries in brackets ("Se7en" for "Seven (a.k.a. Se7en)"). */
const byAlias: ResolveStep = (l, q) => pick(l.entries.filter((e) => e.aliases.includes(q.norm)), q, l.popularity);

/** The same title with its numbers written another way: "The Godfather Part 2", "Rocky 2", "Alien III". */
const byNumber: ResolveStep = (l, q) => {
  const key = titleKey(q.norm);
  return pick(l.entries.filter((e) => l.keys(e).whole.includes(key)), q, l.popularity);
};

/** The part of a title before or after its ":" / " - " / " and the ": "Terminator 2", "Star Wars", "A New Hope". */
const bySubtitle: ResolveStep = (l, q) => {
  const key = titleKey(q.norm);
  const heads = l.entries.filter((e) => l.keys(e).heads.includes(key));
  if (heads.length) return pick(heads, q, l.popularity);
  return pick(l.entries.filter((e) => l.keys(e).tails.includes(key)), q, l.popularity);
};

/**
 * "Harry Potter 3": the third by year of the titles that the series name starts, when the catalog numbers
 * none of them ("Toy Story 4" is not guessed: "Toy Story 2" and "3" carry their numbers).
 */
const bySeries: ResolveStep = (l, q) => {
  const m = /^(.+) (\d+)$/.exec(titleKey(q.norm));
  if (!m) return null;
  const [, base, nth] = m;
  const n = Number(nth);
  const numbered = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\d`);
  const keysOf = (e: Entry) => [...l.keys(e).whole, ...l.keys(e).heads];
  if (l.entries.some((e) => keysOf(e).some((k) => numbered.test(k)))) return null;
  const series = l.entries.filter((e) => keysOf(e).includes(base));
  if (n < 1 || series.length < Math.max(2, n)) return null;
  const byYear = series.map((e, i) => ({ e, i })).sort((a, b) => (a.e.item.year ?? 9999) - (b.e.item.year ?? 9999) || a.i - b.i);
  return byYear[n - 1].e;
};

/**
 * The first words of a title, when they name one title: "Shawshank", "Raiders", "Close Encounters" (every
 * title they start goes on the same way); not "Star" (Star Wars, Star Trek) nor "Jurassic" (Park, World).
 */
const byOpening: ResolveStep = (l, q) => {
  const key = titleKey(q.norm);
  if (!/\p{L}{4,}/u.test(key)) return null;
  const found = l.entries.filter((e) => l.keys(e).whole[0]?.startsWith(`${key} `));
  const next = new Set(found.map((e) => l.keys(e).whole[0].slice(key.length + 1).split(' ')[0]));
  return next.size === 1 ? pick(found, q, l.popularity) : null;
};

/** The readings that need no guessing about what was typed; an abbreviation's expansion is read by these. */
const STRICT: readonly [TitleMatchKind, ResolveStep][] = [
  ['exact', byName],
  ['alias', byAlias],
  ['number', byNumber],
  ['subtitle', bySubtitle],
  ['number', bySeries],
];

/** A short name from the table ("LOTR", "T2", "hp 3" = "harry potter 3"). */
const byAbbreviation: ResolveStep = (l, q) => {
  const expansion = expandAbbreviation(q.norm);
  if (!expansion) return null;
  const eq = { ...readTitleQuery(expansion), ...(q.year !== undefined ? { year: q.year } : {}) };
  for (const [, step] of STRICT) {
    const e = step(l, eq);
    if (e) return e;
  }
  return null;
};

/** Initials typed in capitals, 3 letters or more ("BTTF", "SOTL", "BTTF2"): a title with those initials. */
const byInitials: ResolveStep = (l, q) => {
  const typed = splitTitleYear(l.typed).title.replace(/[.\s]/g, '');
  if (!/^[A-Z]{3,6}\d{0,2}$/.test(typed)) return null;
  const token = typed.toLowerCase();
  return pick(l.entries.filter((e) => l.keys(e).initials.includes(token)), q, l.popularity);
};

/** The best search hit, when it is a near spelling or a prefix covering most of it; loose word matches are refused. */
const bySpelling: ResolveStep = (l, q) => {
  const best = ranked(l.entries, q, new Set())[0]?.e;
  if (!best) return null;
  const d = editDistance(q.norm, best.norm, 3);
  if (d <= Math.max(1, Math.floor(q.norm.length / 6))) return best;
  if (best.norm.startsWith(q.norm) && q.norm.length >= best.norm.length * 0.6) return best;
  return null;
};

/**
 * How `match` reads a typed title, most certain first; the first step that answers wins. A step that finds
 * several items picks by `pick` (year asked for, popularity, catalog order).
 */
const RESOLVE_STEPS: readonly [TitleMatchKind, ResolveStep][] = [
  ...STRICT.slice(0, 2),
  ['abbreviation', byAbbreviation],
  ...STRICT.slice(2),
  ['subtitle', byOpening],
  ['spelling', bySpelling],
  ['abbreviation', byInitials],
];

/** The readings autocomplete tries (spelling is what search itself does). */
const SEARCH_STEPS = RESOLVE_STEPS.filter(([how]) => how !== 'spelling');
/** Readings that plain search does not find by itself: autocomplete puts their item first. */
const PROMOTED = new Set<TitleMatchKind>(['number', 'subtitle', 'abbreviation']);

/**
 * Title lookup for autocomplete and for typed titles: prefix, word-prefix, substring, then typo-tolerant.
 * Built once per catalog version; `popularity` (the scope's, read at each lookup) breaks ties.
 */
export class TitleIndex {
  private entries: Entry[];
  private readonly popularity?: Popularity;

  constructor(items: CatalogItem[], o: TitleIndexOptions = {}) {
    this.popularity = o.popularity;
    this.entries = items.map((item) => {
      const norm = normaliseTitle(item.title);
      return { item, norm, bare: norm.replace(ARTICLE, ''), words: norm.split(' ').filter(Boolean), aliases: aliasesOf(item.title, norm) };
    });
  }

  /** The same index with another scope's popularity: the entries are shared, not built again. */
  withPopularity(popularity?: Popularity): TitleIndex {
    const t = new TitleIndex([], { popularity });
    t.entries = this.entries;
    return t;
  }

  /**
   * Best matches first; `boost` ids (e.g. the user's history) come first within a tier. A title that only a
   * looser reading finds ("T2", "Star Wars", "Harry Potter 3") comes first. When no title has every word, the
   * nearest titles (`nearest`: most words, then popularity), so that "Termnator 9" still offers the Terminators.
   */
  search(query: string, limit = 25, boost: Set<string> = new Set()): CatalogItem[] {
    const q = readTitleQuery(query);
    if (!q.norm) return this.entries.filter((e) => boost.has(e.item.id)).slice(0, limit).map((e) => e.item);
    const found = ranked(this.entries, q, boost).slice(0, limit).map((x) => x.e.item);
    const read = this.read(query, q, SEARCH_STEPS, this.popularity);
    if (read && PROMOTED.has(read.how)) return [read.item, ...found.filter((i) => i.id !== read.item.id)].slice(0, limit);
    return found.length ? found : nearest(this.entries, q, limit, this.popularity).map((e) => e.item);
  }

  /**
   * The item a typed title names and how it was read ("Heat (1995)", "heat", "the matrx", "T2", "LOTR",
   * "the godfather part 2", "Harry Potter 3"), or null when nothing fits well.
   */
  match(text: string, o: TitleIndexOptions = {}): TitleMatch | null {
    const q = readTitleQuery(text);
    if (!q.norm) return null;
    return this.read(text, q, o.asWritten ? SEARCH_STEPS : RESOLVE_STEPS, o.popularity ?? this.popularity);
  }

  /** `match` without saying how. */
  resolve(text: string, o: TitleIndexOptions = {}): CatalogItem | null {
    return this.match(text, o)?.item ?? null;
  }

  private read(typed: string, q: TitleQuery, steps: readonly [TitleMatchKind, ResolveStep][], popularity?: Popularity): TitleMatch | null {
    const l: Lookup = { entries: this.entries, keys: (e) => (e.keys ??= titleKeys(e.item.title)), popularity, typed };
    for (const [how, step] of steps) {
      const e = step(l, q);
      if (e) return { item: e.item, how };
    }
    return null;
  }
}
