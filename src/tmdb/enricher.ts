/**
 * Cards for catalog items from TMDB, never blocking an answer: `cards()` returns what is cached at once,
 * starts fetches for the rest, waits for them at most `waitMs`, and lets the late ones land in the cache for
 * the next answer. Each film is fetched once however many ask (in-flight promises are shared), cached in
 * the store for `ttlMs` (a missing film or title for a tenth of it). A refused key turns TMDB off with one
 * log line; any other failure leaves that item without a card.
 */
import type { CatalogItem } from '../domain/item.js';
import { errorMessage, LRUCache } from '../kit/index.js';
import type { Logger } from '../log.js';
import { toCard } from './cards.js';
import { TmdbAuthError } from './client.js';
import { movieCacheKey, searchCacheKey, searchKey, tmdbIdOf } from './ids.js';
import { forRegions, movieBytes } from './memory.js';
import { parseImageConfig, parseMovie, pickSearchResult } from './parse.js';
import { catalogKey, PrefetchRuns } from './prefetch.js';
import type { ImageConfig, ItemCard, TmdbMovie } from './types.js';

export interface TmdbCache {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlMs?: number): Promise<void>;
}

export interface TmdbApi {
  get(path: string, query?: Record<string, string>): Promise<unknown>;
}

export interface EnricherOptions {
  api: TmdbApi;
  cache: TmdbCache;
  logger: Logger;
  ttlMs: number;
  language?: string;
  /** Regions whose providers stay in memory from the start (TMDB_REGION); US always, and every region asked. */
  regions?: string[];
  /** Byte limit of the films held in memory (default 32 MiB). */
  memoryBytes?: number;
}

type Cached<T> = { v: T } | { missing: true };

const IMAGES_KEY = 'tmdb:configuration';

export class TmdbEnricher {
  private readonly inflight = new Map<string, Promise<unknown>>();
  /** Films seen in this process (from the cache or TMDB), for synchronous facts in the filters. */
  private readonly known: LRUCache<number, TmdbMovie>;
  /** Title searches that found a film: search key -> TMDB id. */
  private readonly found = new LRUCache<string, number>({ max: 50_000 });
  private readonly runs = new PrefetchRuns();
  /** Regions whose providers are kept in memory: US, TMDB_REGION, and each region asked so far. */
  private regions: readonly string[];
  private images?: Promise<ImageConfig | undefined>;
  private off = false;

  constructor(private readonly o: EnricherOptions) {
    this.regions = [...new Set(['US', ...(o.regions ?? []).map((r) => r.toUpperCase())])];
    this.known = new LRUCache<number, TmdbMovie>({ maxSize: o.memoryBytes ?? 32 * 1024 * 1024, sizeCalculation: (m) => Math.max(1, movieBytes(m)) });
  }

  /** False once TMDB refused the key: callers show no cards. */
  get enabled(): boolean {
    return !this.off;
  }

  /** Cards for `items` in `region`: cached ones at once, fetched ones that arrive within `waitMs`. */
  async cards(items: CatalogItem[], region: string, waitMs = 1_500): Promise<Map<string, ItemCard>> {
    const out = new Map<string, ItemCard>();
    if (this.off || !items.length) return out;
    if (!this.regions.includes(region)) this.regions = [...this.regions, region];
    const work = Promise.all(
      items.map(async (item) => {
        const movie = await this.movieFor(item);
        if (movie) out.set(item.id, toCard(movie, await this.imageConfig(), region));
      }),
    );
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((r) => (timer = setTimeout(r, waitMs)));
    await Promise.race([work.catch(() => undefined), late]);
    clearTimeout(timer);
    return new Map(out);
  }

  /**
   * Fetches in the background, one at a time (a gentle trickle well inside TMDB's rate limits), what `items`
   * need, so that later answers find it cached. Once per catalog content in this process, whichever servers
   * share it; a newer catalog in the same `slot` (a server) stops the older one's run.
   */
  prefetch(slot: string, items: readonly CatalogItem[]): Promise<void> {
    const run = this.off ? undefined : this.runs.start(slot, catalogKey(items));
    if (!run) return Promise.resolve();
    return (async () => {
      for (const item of items) {
        if (this.off || run.stopped) return;
        await this.movieFor(item);
      }
    })();
  }

  /** The item's film if this process has seen it (no I/O): where it streams and its runtime, for filters. */
  seen(item: CatalogItem): TmdbMovie | undefined {
    const id = tmdbIdOf(item) ?? this.found.get(searchKey(item));
    return id === undefined ? undefined : this.known.get(id);
  }

  /** The item's film, from the cache or TMDB; undefined when it has none or TMDB failed. */
  async movieFor(item: CatalogItem): Promise<TmdbMovie | undefined> {
    if (this.off) return undefined;
    try {
      const id = tmdbIdOf(item) ?? (await this.searchId(item));
      if (id !== undefined && tmdbIdOf(item) === undefined) this.found.set(searchKey(item), id);
      const movie = id === undefined ? undefined : await this.movie(id);
      if (movie) this.known.set(movie.tmdbId, forRegions(movie, this.regions));
      return movie;
    } catch (e) {
      this.failed(e, item);
      return undefined;
    }
  }

  private failed(e: unknown, item?: CatalogItem): void {
    if (e instanceof TmdbAuthError) {
      if (!this.off) this.o.logger.error(`${e.message}; cards and overviews from TMDB are off until the bot restarts with a working key`);
      this.off = true;
      return;
    }
    this.o.logger.debug({ item: item?.id ?? 'configuration', err: errorMessage(e) }, 'TMDB lookup failed; the item is shown without a card');
  }

  private async movie(id: number): Promise<TmdbMovie | undefined> {
    return this.cached<TmdbMovie>(movieCacheKey(id), async () =>
      parseMovie(await this.o.api.get(`/movie/${id}`, { append_to_response: 'videos,watch/providers', language: this.o.language ?? 'en-US' })),
    );
  }

  private async searchId(item: CatalogItem): Promise<number | undefined> {
    return this.cached<number>(searchCacheKey(item), async () => {
      const query: Record<string, string> = { query: item.title, include_adult: 'false' };
      if (item.year) query.year = String(item.year);
      return pickSearchResult(await this.o.api.get('/search/movie', query), item.year);
    });
  }

  /**
   * The images configuration, shared by every card. Not remembered when it could not be had (no answer, an
   * answer without images): the next card asks again. A refused key turns TMDB off like any other lookup.
   */
  private imageConfig(): Promise<ImageConfig | undefined> {
    this.images ??= (async () => {
      const hit = await this.o.cache.get<Cached<ImageConfig>>(IMAGES_KEY);
      if (hit && 'v' in hit) return hit.v;
      const v = parseImageConfig(await this.o.api.get('/configuration'));
      if (v) await this.o.cache.set(IMAGES_KEY, { v } satisfies Cached<ImageConfig>, this.o.ttlMs);
      return v;
    })()
      .catch((e: unknown) => {
        this.failed(e);
        return undefined;
      })
      .then((v) => {
        if (!v) this.images = undefined; // try again next time
        return v;
      });
    return this.images;
  }

  /** Cache-aside with in-flight sharing; a missing answer is remembered for a tenth of the TTL. */
  private async cached<T>(key: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
    const hit = await this.o.cache.get<Cached<T>>(key);
    if (hit) return 'v' in hit ? hit.v : undefined;
    const running = this.inflight.get(key) as Promise<T | undefined> | undefined;
    if (running) return running;
    const p = (async () => {
      try {
        const v = await load();
        const entry: Cached<T> = v === undefined ? { missing: true } : { v };
        await this.o.cache.set(key, entry, v === undefined ? Math.max(1, Math.round(this.o.ttlMs / 10)) : this.o.ttlMs);
        return v;
      } finally {
        this.inflight.delete(key);
      }
    })();
    this.inflight.set(key, p);
    return p;
  }
}
