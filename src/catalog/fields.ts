/**
 * Column and key names: which header or JSON key means which item field. Names are compared after
 * lowercasing and removing spaces, underscores, hyphens and dots ("Movie ID" = "movie_id" = "movieId").
 * When several columns name the same field, the one with the earlier alias wins ("title" before
 * "name", "year" before "release_date"); the others are kept as extra columns. Tag columns merge.
 */

export type FieldKey = 'id' | 'title' | 'description' | 'tags' | 'year' | 'url' | 'image';

export const ALIASES: Record<FieldKey, readonly string[]> = {
  id: ['id', 'itemid', 'movieid', 'sku'],
  title: ['title', 'name'],
  description: ['description', 'overview', 'plot', 'summary', 'synopsis'],
  tags: ['tags', 'tag', 'genres', 'genre', 'keywords', 'categories', 'category'],
  year: ['year', 'releaseyear', 'releasedate', 'date'],
  url: ['url', 'link', 'homepage'],
  image: ['image', 'imageurl', 'poster', 'posterurl', 'thumbnail'],
};

/** At most this many unrecognised columns/keys are kept per item, ... */
export const MAX_EXTRA_FIELDS = 20;
/** ... and their names are cut to this many characters. */
export const MAX_EXTRA_NAME = 64;

const LOOKUP = new Map<string, { field: FieldKey; rank: number }>();
for (const [field, names] of Object.entries(ALIASES) as [FieldKey, readonly string[]][]) {
  names.forEach((name, rank) => LOOKUP.set(name, { field, rank }));
}

export function normaliseKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[\s_\-.]+/gu, '');
}

export function fieldOf(name: string): { field: FieldKey; rank: number } | undefined {
  return LOOKUP.get(normaliseKey(name));
}

/** A value as found in the file, with the column or key it came from. */
export interface RawField {
  column: string;
  /** A string for CSV; any JSON value for JSON. */
  value: unknown;
}

/** One data row before validation. */
export interface RawRow {
  row: number;
  /** CSV: the line where the row starts. */
  line?: number;
  fields: Partial<Record<FieldKey, RawField[]>>;
  extra: RawField[];
  /** JSON: keys beyond the extra fields kept (repeated or over MAX_EXTRA_FIELDS), counted, with the first names. */
  ignored?: { count: number; names: string[] };
}

/** Where each column of a header goes. */
export interface ColumnPlan {
  /** Per column index: a field, 'extra', or 'skip'. */
  targets: (FieldKey | 'extra' | 'skip')[];
  /** Column display names (trimmed; empty names become "column N"). */
  names: string[];
  /** Duplicate fields demoted to extra: [kept, demoted]. */
  demoted: [string, string][];
  /** Extra columns dropped because there were too many. */
  dropped: string[];
}

/** Decides, once per header, where each column goes. */
export function planColumns(header: string[]): ColumnPlan {
  const names = header.map((h, i) => h.trim().replace(/^\ufeff/, '') || `column ${i + 1}`);
  const targets: ColumnPlan['targets'] = names.map(() => 'extra');
  const best = new Map<FieldKey, { index: number; rank: number }>();
  names.forEach((name, index) => {
    const hit = fieldOf(name);
    if (!hit) return;
    if (hit.field === 'tags') {
      targets[index] = 'tags';
      return;
    }
    const cur = best.get(hit.field);
    if (!cur || hit.rank < cur.rank) best.set(hit.field, { index, rank: hit.rank });
  });
  const demoted: [string, string][] = [];
  names.forEach((name, index) => {
    const hit = fieldOf(name);
    if (!hit || hit.field === 'tags') return;
    const win = best.get(hit.field)!;
    if (win.index === index) targets[index] = hit.field;
    else demoted.push([names[win.index], name]);
  });
  const dropped: string[] = [];
  const seenExtra = new Set<string>();
  targets.forEach((t, i) => {
    if (t !== 'extra') return;
    const key = names[i].slice(0, MAX_EXTRA_NAME);
    if (seenExtra.has(key) || seenExtra.size >= MAX_EXTRA_FIELDS) {
      targets[i] = 'skip';
      dropped.push(names[i]);
    } else seenExtra.add(key);
  });
  return { targets, names, demoted, dropped };
}
