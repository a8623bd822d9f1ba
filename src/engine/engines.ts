import type { Embedder } from '../embed/types.js';
import type { Logger } from '../log.js';
import type { CatalogRepo, ProfileRepo } from '../store/index.js';
import type { Scope } from '../domain/profile.js';
import type { Worker } from 'node:worker_threads';
import { LRUCache } from '../kit/index.js';
import { buildScopeCatalog, type ScopeCatalog } from './scope-catalog.js';
import { collectTrainingInput, scopeModelsFromState, trainFromInput, trainingWork, type ScopeModels, type ScopeModelsState } from './scope-models.js';
import { TrainPool } from './train-pool.js';
import { priorApplies, serverDataFromProfiles, withCommunityPrior, type PriorLoader } from './prior.js';
import { estimateBytes } from './engine-bytes.js';

/** Default memory for all scopes' engines together: room for them on a 1 GB VM beside Node and the prior. */
export const DEFAULT_ENGINE_MEMORY_BYTES = 400 * 1024 * 1024;
/** What an engine whose catalog has not loaded yet is taken to weigh. */
const EMPTY_SLOT_BYTES = 4096;

export interface EnginesOptions {
  catalogs: CatalogRepo;
  profiles: ProfileRepo;
  embedder: Embedder;
  logger: Logger;
  clock?: () => number;
  /** Wait this long after the last rating change before retraining. */
  retrainDelayMs?: number;
  /** Train in a worker thread (default true); false trains everything on the main thread. */
  trainInWorker?: boolean;
  /** Jobs smaller than this (`trainingWork`: ratings + items with vectors) train inline. Default 5,000. */
  inlineMaxWork?: number;
  /** Starts the training worker (tests inject broken ones). Default `spawnTrainWorker`. */
  spawnWorker?: () => Worker;
  /**
   * Test hook: gets each worker training's pending result as soon as the job is handed to the worker, and
   * returns what the engine awaits instead (a test holds it back to order events deterministically). The new
   * models are built and swapped in only once the returned promise resolves. Default: the result as is.
   */
  holdWorkerResult?: (scope: Scope, result: Promise<ScopeModelsState>) => Promise<ScopeModelsState>;
  /**
   * Memory for the scopes kept loaded (catalog, vector index, title index, models), in bytes as
   * `estimateBytes` weighs them; beyond it the least recently used scopes are dropped and reload from the
   * store on their next use. A single scope larger than this stays, alone. Default 400 MB (ENGINE_MEMORY_MB).
   */
  maxBytes?: number;
  /**
   * The starter catalog's community prior, loaded once on first use and shared by every scope. With it,
   * every scope's models are the prior (when its catalog is the starter one) blended with its own
   * interactions, and the cold-start order leans on quality and popularity; without it, models are the
   * server's own alone.
   */
  prior?: PriorLoader;
}

interface Slot {
  catalog?: Promise<ScopeCatalog>;
  /** The last trained models: what commands read, replaced in one assignment when a retrain finishes. */
  models?: ScopeModels;
  /** The training now running, and at most one waiting behind it (later requests join the waiting one). */
  running?: Promise<ScopeModels>;
  queued?: Promise<ScopeModels>;
  timer?: NodeJS.Timeout;
  /** The loaded catalog once `catalog` resolved, and what catalog and models weigh together (`estimateBytes`). */
  loaded?: ScopeCatalog;
  bytes?: number;
}

/**
 * Per-scope engine state: the catalog (loaded once per version) and the collaborative models (trained
 * from the server's profiles, retrained debounced after changes, in the background).
 *
 * Where training runs: in one worker thread per process (TrainPool), so the event loop keeps answering
 * commands while it runs; the main thread only collects the input (typed arrays, transferred) and rebuilds
 * the models from their states. Small jobs (`trainingWork` < `inlineMaxWork`: ratings plus, once there is a
 * rating, every catalog item with a vector, since the text prior is fitted over all of them) train inline,
 * where they take a few ms. If the worker crashes or cannot start, that job trains inline (warning logged).
 *
 * Commands read the last trained models and never wait for a retrain; only the first use of a scope (or of
 * a new catalog version) waits for its training, in the worker unless small.
 */
export class Engines {
  /**
   * Scopes in memory, in order of use (`get` refreshes, `peek` does not), bounded by their weight: lru-cache
   * drops the least recently used beyond `maxBytes`. A dropped scope's debounced retrain is cancelled (its
   * next use trains from the newest data anyway); a training already running finishes into the dropped slot.
   */
  private readonly slots: LRUCache<Scope, Slot>;
  private readonly maxBytes: number;
  private readonly clock: () => number;
  private closed = false;
  private pool?: TrainPool;
  /** Objects every scope shares (embedder, community prior): weighed as 0 in each scope. */
  private readonly shared = new Set<object>();

  constructor(private readonly o: EnginesOptions) {
    this.clock = o.clock ?? Date.now;
    this.maxBytes = o.maxBytes ?? DEFAULT_ENGINE_MEMORY_BYTES;
    this.shared.add(o.embedder);
    this.slots = new LRUCache<Scope, Slot>({
      maxSize: this.maxBytes,
      // A scope heavier than the whole budget is kept alone rather than reloaded on every use.
      sizeCalculation: (s) => Math.max(1, Math.min(this.maxBytes, s.bytes ?? EMPTY_SLOT_BYTES)),
      dispose: (s, scope, reason) => {
        if (reason !== 'evict') return;
        if (s.timer) clearTimeout(s.timer);
        s.timer = undefined;
        this.o.logger.debug({ scope, bytes: s.bytes }, 'engine dropped from memory (least recently used)');
      },
    });
  }

  private slot(scope: Scope): Slot {
    let s = this.slots.get(scope); // now the most recently used
    if (!s) {
      s = {};
      this.slots.set(scope, s);
    }
    return s;
  }

  /** Weighs the scope again (its catalog loaded or its models changed) so the cache's bound sees it. */
  private reweigh(scope: Scope, s: Slot): void {
    if (this.slots.peek(scope) !== s) return; // dropped meanwhile: nothing to account
    s.bytes = EMPTY_SLOT_BYTES + estimateBytes([s.loaded, s.models], { shared: this.shared });
    if (s.bytes > this.maxBytes) this.o.logger.warn({ scope, mb: Math.round(s.bytes / 2 ** 20), budgetMb: Math.round(this.maxBytes / 2 ** 20) }, 'one server engine exceeds ENGINE_MEMORY_MB: it is kept alone');
    // lru-cache recomputes a size only when the value changes: take it out and put it back (now most recent).
    this.slots.delete(scope);
    this.slots.set(scope, s);
  }

  /** How many scopes are held in memory now. */
  get size(): number {
    return this.slots.size;
  }

  /** What the scopes held now weigh together (bytes, as `estimateBytes` counts them). */
  get bytes(): number {
    return this.slots.calculatedSize;
  }

  /** Whether `scope` is in memory now (does not count as a use). */
  holds(scope: Scope): boolean {
    return this.slots.has(scope);
  }

  async catalog(scope: Scope): Promise<ScopeCatalog> {
    const s = this.slot(scope);
    if (!s.catalog) {
      const p = this.o.catalogs.load(scope).then((v) => buildScopeCatalog(v, this.o.embedder, { logger: this.o.logger, popularity: this.popularity(scope) }));
      s.catalog = p;
      p.then((c) => this.loadedCatalog(scope, s, p, c), () => undefined);
      s.catalog.catch(() => {
        if (this.slots.peek(scope) === s) s.catalog = undefined;
      });
    }
    return s.catalog;
  }

  /**
   * The scope's popularity as its last trained models have it (0 before any training; never waits for one):
   * what the title resolver breaks ties by ("Star Wars" -> the episode most members watched).
   */
  popularity(scope: Scope): (itemId: string) => number {
    return (itemId) => this.slots.peek(scope)?.models?.popularity.score(itemId) ?? 0;
  }

  /** Records a catalog that finished loading, unless another one replaced it meanwhile, and weighs the scope. */
  private loadedCatalog(scope: Scope, s: Slot, p: Promise<ScopeCatalog>, c: ScopeCatalog): void {
    if (s.catalog !== p) return;
    s.loaded = c;
    this.shared.add(c.embedder);
    this.reweigh(scope, s);
  }

  /** Drops the loaded catalog (after an upload, merge, removal or clear) and retrains against the new one. */
  invalidateCatalog(scope: Scope): void {
    const s = this.slot(scope);
    s.catalog = undefined;
    s.models = undefined;
    s.loaded = undefined;
  }

  /** Sets the loaded catalog directly (after an upload the service already has it in memory). */
  setCatalog(scope: Scope, c: ScopeCatalog): void {
    const s = this.slot(scope);
    s.catalog = Promise.resolve(c);
    s.models = undefined;
    this.loadedCatalog(scope, s, s.catalog, c);
  }

  async models(scope: Scope): Promise<ScopeModels> {
    const s = this.slot(scope);
    const cat = await this.catalog(scope);
    if (s.models && s.models.catalogVersion === cat.version) return s.models;
    // first use: share a training already running unless it was for an older catalog version
    const m = await (s.running ?? this.train(scope));
    return m.catalogVersion === cat.version ? m : this.train(scope);
  }

  /** Call after ratings or history change: retrains after `retrainDelayMs` of quiet, in the background. */
  markDirty(scope: Scope): void {
    if (this.closed) return;
    const s = this.slot(scope);
    if (!s.models && !s.running) return; // never trained: the first use trains with the new data anyway
    if (s.timer) clearTimeout(s.timer);
    s.timer = setTimeout(() => {
      s.timer = undefined;
      this.train(scope).catch((e: unknown) => this.onBackgroundError(scope, e));
    }, this.o.retrainDelayMs ?? 2_000);
    s.timer.unref();
  }

  /**
   * Trains from the data as it is now: starts at once, or, when a training of this scope is running,
   * after it (several requests meanwhile share that one follow-up, which reads the newest data).
   */
  train(scope: Scope): Promise<ScopeModels> {
    const s = this.slot(scope);
    if (!s.running) return this.start(scope, s);
    s.queued ??= s.running
      .catch(() => undefined)
      .then(() => {
        s.queued = undefined;
        return this.start(scope, s);
      });
    return s.queued;
  }

  private start(scope: Scope, s: Slot): Promise<ScopeModels> {
    const p: Promise<ScopeModels> = this.trainOnce(scope, s).finally(() => {
      if (s.running === p) s.running = undefined;
    });
    s.running = p;
    return p;
  }

  private async trainOnce(scope: Scope, s: Slot): Promise<ScopeModels> {
    if (this.closed) throw new Error('engines closed');
    const [cat, profiles] = await Promise.all([this.catalog(scope), this.o.profiles.all(scope)]);
    const started = this.clock();
    const input = collectTrainingInput(profiles, cat, started);
    let m: ScopeModels | undefined;
    let where = 'inline';
    if (this.o.trainInWorker !== false && trainingWork(input) >= (this.o.inlineMaxWork ?? 5_000)) {
      try {
        const job = this.trainPool().train(scope, input);
        const state = await (this.o.holdWorkerResult ? this.o.holdWorkerResult(scope, job) : job);
        m = scopeModelsFromState(state, this.clock());
        where = 'worker';
      } catch (err) {
        if (this.closed) throw err;
        this.o.logger.warn({ err, scope }, 'training in the worker failed; training inline');
        where = 'inline-fallback';
      }
    }
    // the input's arrays went to the worker (transferred): collect again for an inline fallback
    m ??= trainFromInput(where === 'inline' ? input : collectTrainingInput(profiles, cat, started), this.clock);
    if (this.o.prior) {
      const loaded = await this.o.prior.get();
      const ids = cat.items.map((i) => i.id);
      if (loaded) this.shared.add(loaded).add(loaded.prior);
      m = withCommunityPrior(m, loaded && priorApplies(loaded.prior, ids) ? loaded.prior : undefined, serverDataFromProfiles(profiles, ids));
    }
    this.o.logger.debug({ scope, ratings: m.ratingCount, ms: this.clock() - started, where }, 'trained scope models');
    if (!this.closed) {
      s.models = m; // after close(), a training that was running replaces nothing
      this.reweigh(scope, s);
    }
    return m;
  }

  private trainPool(): TrainPool {
    this.pool ??= new TrainPool({ logger: this.o.logger, spawn: this.o.spawnWorker });
    return this.pool;
  }

  private onBackgroundError(scope: Scope, e: unknown): void {
    if (!this.closed) this.o.logger.error({ err: e, scope }, 'background retrain failed');
  }

  /** Waits for pending retrains (tests, shutdown): a debounced one starts now. */
  async settle(scope: Scope): Promise<void> {
    const s = this.slots.peek(scope);
    if (!s) return;
    if (s.timer) {
      clearTimeout(s.timer);
      s.timer = undefined;
      this.train(scope).catch((e: unknown) => this.onBackgroundError(scope, e));
    }
    while (s.running || s.queued) await (s.queued ?? s.running)!.catch(() => undefined);
  }

  /** Stops retrains and the training worker; running trainings end without replacing models. */
  close(): void {
    this.closed = true;
    for (const s of this.slots.values()) if (s.timer) clearTimeout(s.timer);
    void this.pool?.close();
  }
}
