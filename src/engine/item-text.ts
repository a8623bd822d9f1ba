/**
 * Item text from outside the catalog: overviews TMDB returned (cached in the store) join the text an item is
 * embedded from and what the LLM sees of it. They are merged in memory when the engine loads a catalog, and
 * again as more arrive (`ItemTextRefresher`: after `every` new ones, or `delayMs` after the first one not yet
 * taken in), re-embedding only the items whose text changed. Nothing here fetches: answers never wait on TMDB.
 * Without a source (no TMDB key) none of this is wired and items keep their own text.
 */
import { CoreExtras } from './core-extras.js';
import { itemText, withoutOverview, type CatalogItem, type ItemId } from '../domain/item.js';
import type { Embedder } from '../embed/types.js';
import { errorMessage } from '../kit/index.js';
import type { Logger } from '../log.js';
import { TitleIndex, type Popularity } from '../catalog/titles.js';
import { VectorIndex } from '../recsys/index/vector-index.js';
import type { CatalogRepo } from '../store/index.js';
import type { CatalogVersion } from '../store/types.js';
import type { Engines } from './engines.js';
import { vectorsFor } from './catalog-vectors.js';
import { embedInBatches, type ScopeCatalog } from './scope-catalog.js';

/** What the store holds now for these items (no fetching): item id -> overview. */
export interface ItemTextSource {
  overviews(items: readonly CatalogItem[]): Promise<Map<ItemId, string>>;
}

/** Longest overview embedded (TMDB's are rarely longer; the LLM sees a shorter cut, see `toBrief`). */
export const OVERVIEW_MAX_CHARS = 1_000;

/**
 * The items with the source's overviews merged in (one no longer cached is dropped): the same array when
 * nothing changes or there is no source. A store failure leaves the items as they are (logged).
 */
export async function withItemText(items: CatalogItem[], source: ItemTextSource | undefined, logger?: Logger): Promise<CatalogItem[]> {
  if (!source || !items.length) return items;
  try {
    return mergeOverviews(items, await source.overviews(items));
  } catch (e) {
    logger?.warn({ err: errorMessage(e) }, 'cached overviews unreadable: items keep their own text');
    return items;
  }
}

/** `items` with these overviews (item id -> text; trimmed, cut at OVERVIEW_MAX_CHARS): the same array when none changes. */
export function mergeOverviews(items: CatalogItem[], found: ReadonlyMap<ItemId, string>): CatalogItem[] {
  let changed = false;
  const out = items.map((it) => {
    const ov = found.get(it.id)?.trim().slice(0, OVERVIEW_MAX_CHARS) || undefined;
    if (ov === it.overview) return it;
    changed = true;
    return ov ? { ...withoutOverview(it), overview: ov } : withoutOverview(it);
  });
  return changed ? out : items;
}

/**
 * A stored catalog version with the cached overviews merged in, for `buildScopeCatalog`. Stored vectors are of
 * the text the items had when it was written: those of items carrying an overview now are embedded again
 * (the cached remote embedder makes repeats free). If that fails, the version goes without stored vectors
 * (the build embeds it all, falling back to the local embedder as it does).
 */
export async function versionWithItemText(
  v: CatalogVersion | null,
  source: ItemTextSource | undefined,
  d: { embedder: Embedder; logger: Logger },
): Promise<CatalogVersion | null> {
  if (!v || !source) return v;
  const items = await withItemText(v.items, source, d.logger);
  if (items === v.items) return v;
  if (!v.vectors || v.pointer.embedModel !== d.embedder.model || v.vectors.length !== items.length) return { ...v, items };
  const todo = items.flatMap((it, i) => (it.overview ? [i] : []));
  try {
    const fresh = await embedInBatches(d.embedder, todo.map((i) => itemText(items[i])));
    const vectors = v.vectors.slice();
    todo.forEach((i, k) => (vectors[i] = fresh[k]));
    return { ...v, items, vectors };
  } catch (e) {
    d.logger.warn({ err: errorMessage(e) }, 'embedding overviews failed: the catalog is embedded again');
    return { ...v, items, vectors: null };
  }
}

/**
 * The loaded catalog with the overviews cached now, or undefined when no item's text changed. Only the items
 * whose text changed are embedded (`vectorsFor`; the cached remote embedder makes repeats free); the live
 * index is updated in place (readers see each item's new vector with its new text), or rebuilt when the
 * embedder changed (a fallback catalog meets the remote one again).
 */
export async function refreshCatalogText(
  cur: ScopeCatalog,
  source: ItemTextSource,
  d: { embedder: Embedder; logger: Logger; popularity?: Popularity },
): Promise<ScopeCatalog | undefined> {
  const items = await withItemText(cur.items, source, d.logger);
  if (items === cur.items) return undefined;
  const { embedder, vectors, embedded } = await vectorsFor(d, items, cur, () => {});
  let index = cur.index;
  // a shared index (other servers' catalog too, catalog-share.ts) is never changed in place: copied instead
  if (!cur.sharedKey && index.model === embedder.model && index.size === items.length) {
    const at = new Map(items.map((it, i) => [it.id, i]));
    index.upsert(embedded, embedded.map((id) => vectors[at.get(id)!]));
  } else {
    index = new VectorIndex({ model: embedder.model, dims: embedder.dims, initialCapacity: Math.max(16, items.length) });
    index.upsert(items.map((i) => i.id), vectors);
  }
  d.logger.debug({ version: cur.version, embedded: embedded.length }, 'catalog took in new overviews');
  return { ...cur, items, byId: new Map(items.map((i) => [i.id, i])), index, embedder, titles: new TitleIndex(items, { popularity: d.popularity }), sharedKey: undefined, extras: new CoreExtras() };
}

/** A catalog repository whose `load` merges the cached overviews in: what the engine loads catalogs through. */
export function catalogsWithItemText(
  catalogs: Pick<CatalogRepo, 'load'>,
  source: ItemTextSource,
  d: { embedder: Embedder; logger: Logger },
): Pick<CatalogRepo, 'load'> {
  return { load: async (scope) => versionWithItemText(await catalogs.load(scope), source, d) };
}

export interface RefresherOptions {
  engines: Pick<Engines, 'loadedCatalogs' | 'setCatalog' | 'markDirty' | 'popularity'>;
  source: ItemTextSource;
  embedder: Embedder;
  logger: Logger;
  /** Refresh at once after this many new overviews (default 500: a starter catalog trickling in refreshes ~20 times). */
  every?: number;
  /** Otherwise this long after the first one not yet taken in (default 60 s). */
  delayMs?: number;
}

/**
 * Batches "an overview was cached" notes into few refreshes of the loaded catalogs, one at a time. A refresh
 * swaps in the catalog with its new texts and keeps the models (same version; they retrain in the background),
 * so answers never wait for it.
 */
export class ItemTextRefresher {
  private pending = 0;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private closed = false;

  constructor(private readonly o: RefresherOptions) {}

  note(n = 1): void {
    if (this.closed) return;
    this.pending += n;
    if (this.running) return; // picked up when the running refresh ends
    if (this.pending >= (this.o.every ?? 500)) this.fire();
    else if (!this.timer) {
      this.timer = setTimeout(() => this.fire(), this.o.delayMs ?? 60_000);
      this.timer.unref();
    }
  }

  /** `items` with the overviews cached now (an upload embeds them once, with the rest). */
  withText(items: CatalogItem[]): Promise<CatalogItem[]> {
    return withItemText(items, this.o.source, this.o.logger);
  }

  /** Takes in what is pending now, and waits for it (tests, benches). */
  async flushNow(): Promise<void> {
    while (this.running) await this.running;
    if (this.pending > 0) this.fire();
    await this.running;
  }

  /** Merges the overviews cached now into one scope's loaded catalog (`was`); true when its text changed. */
  async refresh(scope: string, was: Promise<ScopeCatalog>): Promise<boolean> {
    const { engines } = this.o;
    const next = await refreshCatalogText(await was, this.o.source, { ...this.o, popularity: engines.popularity(scope) });
    // an upload, merge, removal or eviction meanwhile replaced the catalog: that one is newer, keep it
    if (!next || this.closed || engines.loadedCatalogs().find(([s]) => s === scope)?.[1] !== was) return false;
    engines.setCatalog(scope, next, true);
    engines.markDirty(scope);
    return true;
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private fire(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.closed || this.running) return;
    this.pending = 0;
    this.running = (async () => {
      for (const [scope, was] of this.o.engines.loadedCatalogs()) {
        if (this.closed) return;
        await this.refresh(scope, was).catch((e: unknown) => this.o.logger.warn({ scope, err: errorMessage(e) }, 'taking in new overviews failed'));
      }
    })().finally(() => {
      this.running = undefined;
      if (this.pending > 0) this.note(0);
    });
  }
}
