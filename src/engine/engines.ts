import type { Scope } from '../domain/profile.js';
import type { EnginesOptions } from './engines-options.js';
import type { ScopeCatalog } from './scope-catalog.js';
import { buildSharedCatalog, coreOf, shareCatalog, type CatalogCore, type CatalogShelf } from './catalog-share.js';
import { collectItemVectors, collectTrainingData, scopeModelsFromState, trainFromInput, trainingWork, type ScopeModels } from './scope-models.js';
import { TrainPool } from './train-pool.js';
import type { VectorsSource } from './train-vectors.js';
import { blendScopeModels } from './scope-factory.js';
import { DEFAULT_ENGINE_MEMORY_BYTES, ScopeCache, type WeighedSlot } from './scope-cache.js';

export type { EnginesOptions } from './engines-options.js';

interface Slot extends WeighedSlot {
  catalog?: Promise<ScopeCatalog>;
  /** The last trained models: what commands read, replaced in one assignment when a retrain finishes. */
  models?: ScopeModels;
  /** The training now running, and at most one waiting behind it (later requests join the waiting one). */
  running?: Promise<ScopeModels>;
  queued?: Promise<ScopeModels>;
  /** The catalog once `catalog` resolved (weighed with the models: `bytes`, scope-cache.ts). */
  loaded?: ScopeCatalog;
}

/**
 * Per-scope engine state: the catalog (loaded once per version) and the collaborative models (trained
 * from the server's profiles, retrained debounced after changes, in the background).
 *
 * Where training runs: in one worker thread per process (TrainPool), so the event loop keeps answering
 * commands while it runs; the main thread only collects the members' data (typed arrays, transferred; item
 * vectors go once per catalog content, train-vectors.ts) and rebuilds the models from their states. Small jobs (`trainingWork` < `inlineMaxWork`: ratings plus, once there is a
 * rating, every catalog item with a vector, since the text prior is fitted over all of them) train inline,
 * where they take a few ms. If the worker crashes or cannot start, that job trains inline (warning logged).
 *
 * Commands read the last trained models and never wait for a retrain; only the first use of a scope (or of
 * a new catalog version) waits for its training, in the worker unless small.
 */
export class Engines {
  /** Scopes in memory within `maxBytes` (scope-cache.ts); a training running in a dropped slot finishes there. */
  private readonly slots: ScopeCache<Slot>;
  private readonly clock: () => number;
  private closed = false;
  private pool?: TrainPool;

  constructor(private readonly o: EnginesOptions) {
    this.clock = o.clock ?? Date.now;
    this.slots = new ScopeCache<Slot>(o.maxBytes ?? DEFAULT_ENGINE_MEMORY_BYTES, o.logger, [o.embedder], (bytes) => ({ bytes }), (key) => this.pool?.forget(key));
  }

  private slot(scope: Scope): Slot {
    let s = this.slots.use(scope); // now the most recently used
    if (!s) {
      s = {};
      this.slots.set(scope, s);
    }
    return s;
  }

  /** Catalogs in memory (loaded or loading), least recently used first; does not mark their scopes used. */
  loadedCatalogs(): [Scope, Promise<ScopeCatalog>][] { return [...this.slots.entries()].reverse().flatMap(([k, s]): [Scope, Promise<ScopeCatalog>][] => (s.catalog ? [[k, s.catalog]] : [])); }
  /** How many scopes are held in memory now. */
  get size(): number {
    return this.slots.scopes;
  }

  /** Where this scope finds and keeps shared catalog cores (catalog-share.ts). */
  private shelf(scope: Scope): CatalogShelf {
    return { core: (key) => this.slots.part<CatalogCore>(key), keep: (key, core) => this.slots.hold(scope, key, core) };
  }

  /** What the scopes held weigh together (`calculatedSize`, bytes) and whether one is held (`has`, not a use). */
  get memory(): Pick<ScopeCache<Slot>, 'calculatedSize' | 'has'> {
    return this.slots;
  }

  async catalog(scope: Scope): Promise<ScopeCatalog> {
    const s = this.slot(scope);
    if (!s.catalog) {
      const p = this.o.catalogs.load(scope).then((v) => buildSharedCatalog(v, this.o.embedder, this.shelf(scope), { logger: this.o.logger, popularity: this.popularity(scope) }));
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

  /** Keeps a catalog that finished loading (unless another one replaced it meanwhile) and weighs the scope. */
  private loadedCatalog(scope: Scope, s: Slot, p: Promise<ScopeCatalog>, c: ScopeCatalog): void {
    if (s.catalog !== p) return;
    if (c.sharedKey) this.slots.hold(scope, c.sharedKey, coreOf(c)); // the part weighs once, for every scope on it
    else this.slots.release(scope);
    this.slots.weigh(scope, s, [(s.loaded = c), s.models], c.embedder);
  }

  /** Drops the loaded catalog (after an upload, merge, removal or clear) and retrains against the new one. */
  invalidateCatalog(scope: Scope): void {
    const s = this.slot(scope);
    s.catalog = undefined;
    s.models = undefined;
    s.loaded = undefined;
    this.slots.release(scope);
  }

  /**
   * Whether the scope may change catalog `c`'s index in place (a merge upserting into it): yes when `c` is
   * its own, or a shared core no other scope ever held, which is then no longer shared; otherwise copy.
   */
  claimIndex(scope: Scope, c: ScopeCatalog): boolean {
    return !c.sharedKey || this.slots.claim(scope, c.sharedKey);
  }

  /** Sets the loaded catalog directly (after an upload the service already has it in memory; `keepModels`: same version, new texts). */
  setCatalog(scope: Scope, c: ScopeCatalog, keepModels = false): void {
    const s = this.slot(scope);
    c = shareCatalog(this.shelf(scope), c, this.popularity(scope)); // the core of an equal catalog, if held
    s.catalog = Promise.resolve(c);
    if (!keepModels) s.models = undefined;
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
    const data = collectTrainingData(profiles, cat, started);
    let m: ScopeModels | undefined;
    let where = 'inline';
    if (this.o.trainInWorker !== false && trainingWork(data) >= (this.o.inlineMaxWork ?? 5_000)) {
      try {
        const job = this.trainPool().train(scope, data, this.vectorsOf(cat));
        const state = await (this.o.holdWorkerResult ? this.o.holdWorkerResult(scope, job) : job);
        m = scopeModelsFromState(state, this.clock());
        where = 'worker';
      } catch (err) {
        if (this.closed) throw err;
        this.o.logger.warn({ err, scope }, 'training in the worker failed; training inline');
        where = 'inline-fallback';
      }
    }
    // the data's arrays went to the worker (transferred): collect again for an inline fallback
    m ??= trainFromInput({ ...(where === 'inline' ? data : collectTrainingData(profiles, cat, started)), ...collectItemVectors(cat) }, this.clock);
    if (this.o.prior) {
      const loaded = await this.o.prior.get();
      if (loaded) this.slots.shared.add(loaded).add(loaded.prior); // every scope's: weighs 0
      m = blendScopeModels(m, profiles, cat, loaded?.prior);
    }
    this.o.logger.debug({ scope, ratings: m.ratingCount, ms: this.clock() - started, where }, 'trained scope models');
    if (!this.closed) this.slots.weigh(scope, s, [s.loaded, (s.models = m)]); // after close() nothing is replaced
    return m;
  }

  /**
   * The catalog's item vectors for the worker (collected only when it lacks them). The content key counts
   * while the core is still shared when the job is posted: one claimed for a merge in place (`claimIndex`)
   * sends its vectors with the job, not kept.
   */
  private vectorsOf(cat: ScopeCatalog): VectorsSource {
    const slots = this.slots;
    return {
      get key() {
        return cat.sharedKey && slots.part<CatalogCore>(cat.sharedKey)?.index === cat.index ? cat.sharedKey : undefined;
      },
      collect: () => collectItemVectors(cat),
    };
  }

  private trainPool(): TrainPool {
    this.pool ??= new TrainPool({ logger: this.o.logger, spawn: this.o.spawnWorker, vectorBytes: this.o.workerVectorBytes });
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
