import type { Worker } from 'node:worker_threads';
import type { Embedder } from '../embed/types.js';
import type { Logger } from '../log.js';
import type { CatalogRepo, ProfileRepo } from '../store/index.js';
import type { Scope } from '../domain/profile.js';
import type { PriorLoader } from './prior.js';
import type { ScopeModelsState } from './scope-models.js';

/** What `Engines` is built from (engines.ts). */
export interface EnginesOptions {
  catalogs: Pick<CatalogRepo, 'load'>;
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
  /** Bytes of catalogs' item vectors the training worker keeps between jobs (train-vectors.ts). Default 64 MB. */
  workerVectorBytes?: number;
  /**
   * Test hook: gets each worker training's pending result as soon as the job is handed to the worker, and
   * returns what the engine awaits instead (a test holds it back to order events deterministically). The new
   * models are built and swapped in only once the returned promise resolves. Default: the result as is.
   */
  holdWorkerResult?: (scope: Scope, result: Promise<ScopeModelsState>) => Promise<ScopeModelsState>;
  /**
   * Bytes for the scopes kept loaded (catalog, indexes, models; scope-cache.ts); beyond it the least recently
   * used are dropped and reload on their next use. Default 400 MB (ENGINE_MEMORY_MB).
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
