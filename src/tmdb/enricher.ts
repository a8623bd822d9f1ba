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
import { parseImageConfig, parseMovie, pickSearchResult } from './parse.js';
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
}

type Cached<T> = { v: T } | { missing: true };

export class TmdbEnricher {
  private readonly inflight = new Map<string, Promise<unknown>>();
  /** Films seen in this process (from the cache or TMDB), for synchronous facts in the filters. */
  private readonly known = new LRUCache<number, TmdbMovie>({ max: 50_000 });
  /** Title searches that found a film: search key -> TMDB id. */
  private readonly found = new LRUCache<string, number>({ max: 50_000 });
  private readonly prefetched = new Set<string>();
  private images?: Promise<ImageConfig | undefined>;
  private off = false;

  constructor(private readonly o: EnricherOptions) {}

  /** False once TMDB refused the key: callers show no cards. */
  get enabled(): boolean {
    return !this.off;
  }

  /** Cards for `items` in `region`: cached ones at once, fetched ones that arrive within `waitMs`. */
  async cards(items: CatalogItem[], region: string, waitMs = 1_500): Promise<Map<string, ItemCard>> {
    const out = new Map<string, ItemCard>();
    if (this.off || !items.length) return out;
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
   * need, so that later answers find it cached. Once per `key` (a catalog version) in this process.
   */
  prefetch(key: string, items: () => CatalogItem[]): void {
    if (this.off || this.prefetched.has(key)) return;
    this.prefetched.add(key);
    void (async () => {
      for (const item of items()) {
        if (this.off) return;
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
      if (movie) this.known.set(movie.tmdbId, movie);
      return movie;
    } catch (e) {
      this.failed(e, item);
      return undefined;
    }
  }

  private failed(e: unknown, item: CatalogItem): void {
    if (e instanceof TmdbAuthError) {
      if (!this.off) this.o.logger.error(`${e.message}; cards and overviews from TMDB are off until the bot restarts with a working key`);
      this.off = true;
      return;
    }
    this.o.logger.debug({ item: item.id, err: errorMessage(e) }, 'TMDB lookup failed; the item is shown without a card');
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

  private imageConfig(): Promise<ImageConfig | undefined> {
    this.images ??= this.cached<ImageConfig>('tmdb:configuration', async () => parseImageConfig(await this.o.api.get('/configuration'))).catch(
      (e: unknown) => {
        this.images = undefined; // try again next time
        if (e instanceof TmdbAuthError) throw e;
        return undefined;
      },
    );
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
