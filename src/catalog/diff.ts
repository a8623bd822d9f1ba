/**
 * Comparing catalog versions by id (for the upload summary and to re-embed only what changed), and
 * merging an upload into the current catalog (merge mode: incoming items replace or add, none removed).
 */
import type { CatalogItem } from '../domain/item.js';

export type ItemField = keyof CatalogItem;

export interface ItemChange {
  before: CatalogItem;
  after: CatalogItem;
  /** Fields whose value differs (missing, empty list and empty object count as the same). */
  fields: ItemField[];
}

export interface CatalogDiff {
  added: CatalogItem[];
  updated: ItemChange[];
  removed: CatalogItem[];
  unchanged: CatalogItem[];
}

const FIELDS: ItemField[] = ['title', 'description', 'tags', 'year', 'url', 'imageUrl', 'extra'];

function sameValue(a: unknown, b: unknown): boolean {
  const empty = (v: unknown) =>
    v === undefined || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && Object.keys(v).length === 0);
  if (empty(a) && empty(b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && !Array.isArray(a) && !Array.isArray(b)) {
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    const ka = Object.keys(ra);
    return ka.length === Object.keys(rb).length && ka.every((k) => Object.hasOwn(rb, k) && ra[k] === rb[k]);
  }
  return a === b;
}

/** Fields that differ between two versions of an item (the id is not compared). */
export function changedFields(a: CatalogItem, b: CatalogItem): ItemField[] {
  return FIELDS.filter((f) => !sameValue(a[f], b[f]));
}

function byId(items: readonly CatalogItem[]): Map<string, CatalogItem> {
  const map = new Map<string, CatalogItem>();
  for (const item of items) if (!map.has(item.id)) map.set(item.id, item);
  return map;
}

/** Items matched by id; for repeated ids the first occurrence counts. Lists keep the input order. */
export function diffCatalogs(oldItems: readonly CatalogItem[], newItems: readonly CatalogItem[]): CatalogDiff {
  const before = byId(oldItems);
  const after = byId(newItems);
  const diff: CatalogDiff = { added: [], updated: [], removed: [], unchanged: [] };
  for (const item of after.values()) {
    const prev = before.get(item.id);
    if (!prev) {
      diff.added.push(item);
      continue;
    }
    const fields = changedFields(prev, item);
    if (fields.length === 0) diff.unchanged.push(item);
    else diff.updated.push({ before: prev, after: item, fields });
  }
  for (const item of before.values()) if (!after.has(item.id)) diff.removed.push(item);
  return diff;
}

/**
 * Merge mode: every incoming item replaces the current item with its id or is appended; current
 * items not in the upload stay. Order: current order (with replacements in place), then new items.
 */
export function mergeCatalogs(current: readonly CatalogItem[], incoming: readonly CatalogItem[]): CatalogItem[] {
  const next = byId(incoming);
  const seen = new Set<string>();
  const out: CatalogItem[] = [];
  for (const item of current) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    out.push(next.get(item.id) ?? item);
  }
  for (const item of next.values()) if (!seen.has(item.id)) out.push(item);
  return out;
}
