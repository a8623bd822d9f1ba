import type { Embedder } from '../embed/types.js';
import type { Logger } from '../log.js';
import type { CatalogRepo, ProfileRepo } from '../store/index.js';
import type { Scope } from '../store/types.js';
import { buildScopeCatalog, type ScopeCatalog } from './scope-catalog.js';
import { trainScopeModels, type ScopeModels } from './scope-models.js';

export interface EnginesOptions {
  catalogs: CatalogRepo;
  profiles: ProfileRepo;
  embedder: Embedder;
  logger: Logger;
  clock?: () => number;
  /** Wait this long after the last rating change before retraining. */
  retrainDelayMs?: number;
}

interface Slot {
  catalog?: Promise<ScopeCatalog>;
  models?: ScopeModels;
  training?: Promise<ScopeModels>;
  timer?: NodeJS.Timeout;
}

/**
 * Per-scope engine state: the catalog (loaded once per version) and the collaborative models (trained
 * from the server's profiles, retrained debounced after changes, in the background). Commands read the
 * last trained models and never wait for a retrain; only the very first use of a scope trains inline.
 */
export class Engines {
  private readonly slots = new Map<Scope, Slot>();
  private readonly clock: () => number;
  private closed = false;

  constructor(private readonly o: EnginesOptions) {
    this.clock = o.clock ?? Date.now;
  }

  private slot(scope: Scope): Slot {
    let s = this.slots.get(scope);
    if (!s) this.slots.set(scope, (s = {}));
    return s;
  }

  async catalog(scope: Scope): Promise<ScopeCatalog> {
    const s = this.slot(scope);
    if (!s.catalog) {
      s.catalog = this.o.catalogs.load(scope).then((v) => buildScopeCatalog(v, this.o.embedder));
      s.catalog.catch(() => {
        if (this.slots.get(scope) === s) s.catalog = undefined;
      });
    }
    return s.catalog;
  }

  /** Drops the loaded catalog (after an upload, merge, removal or clear) and retrains against the new one. */
  invalidateCatalog(scope: Scope): void {
    const s = this.slot(scope);
    s.catalog = undefined;
    s.models = undefined;
  }

  /** Sets the loaded catalog directly (after an upload the service already has it in memory). */
  setCatalog(scope: Scope, c: ScopeCatalog): void {
    const s = this.slot(scope);
    s.catalog = Promise.resolve(c);
    s.models = undefined;
  }

  async models(scope: Scope): Promise<ScopeModels> {
    const s = this.slot(scope);
    const cat = await this.catalog(scope);
    if (s.models && s.models.catalogVersion === cat.version) return s.models;
    return this.train(scope);
  }

  /** Call after ratings or history change: retrains after `retrainDelayMs` of quiet, in the background. */
  markDirty(scope: Scope): void {
    if (this.closed) return;
    const s = this.slot(scope);
    if (!s.models) return; // not trained yet: the next use trains with the new data anyway
    if (s.timer) clearTimeout(s.timer);
    s.timer = setTimeout(() => {
      s.timer = undefined;
      this.train(scope).catch((e: unknown) => this.o.logger.error({ err: e, scope }, 'background retrain failed'));
    }, this.o.retrainDelayMs ?? 2_000);
    s.timer.unref();
  }

  /** Trains now (shared by concurrent callers). */
  train(scope: Scope): Promise<ScopeModels> {
    const s = this.slot(scope);
    if (s.training) return s.training;
    s.training = (async () => {
      const [cat, profiles] = await Promise.all([this.catalog(scope), this.o.profiles.all(scope)]);
      const started = this.clock();
      const m = trainScopeModels(profiles, cat, this.clock);
      this.o.logger.debug({ scope, ratings: m.ratingCount, ms: this.clock() - started }, 'trained scope models');
      s.models = m;
      return m;
    })().finally(() => {
      s.training = undefined;
    });
    return s.training;
  }

  /** Waits for pending retrains (tests, shutdown). */
  async settle(scope: Scope): Promise<void> {
    const s = this.slots.get(scope);
    if (s?.timer) {
      clearTimeout(s.timer);
      s.timer = undefined;
      await this.train(scope);
    }
    await s?.training;
  }

  close(): void {
    this.closed = true;
    for (const s of this.slots.values()) if (s.timer) clearTimeout(s.timer);
  }
}
