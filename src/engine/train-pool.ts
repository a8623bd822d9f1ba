import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../log.js';
import type { Scope } from '../domain/profile.js';
import { transferables, type ScopeModelsState, type TrainingData } from './scope-models.js';
import { WorkerVectorShelf, type VectorsSource } from './train-vectors.js';
import type { TrainReply, TrainRequest } from './train-worker.js';

/**
 * Starts the training worker next to this file. From sources (`.ts`: `npm start`, tsx, vitest) the worker
 * first registers tsx's ESM hooks (`tsx/esm/api` register(), resolved from here so the working directory
 * does not matter), then imports `train-worker.ts`: on Node 20, `execArgv: ['--import', 'tsx']` does not
 * reach a worker's own module loading. From `dist/` (`npm run build`) it runs `train-worker.js` directly.
 */
export function spawnTrainWorker(): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./train-worker.js', here), { execArgv: [] });
  const target = new URL('./train-worker.ts', here).href;
  const code = `import(${JSON.stringify(tsxEsmApi(here))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(target)}); });`;
  return new Worker(code, { eval: true, execArgv: [] });
}

/** File URL of tsx's ESM API (its package `exports['./esm/api'].import`). */
function tsxEsmApi(from: string): string {
  const require = createRequire(from);
  const pkgPath = require.resolve('tsx/package.json');
  const pkg = require(pkgPath) as { exports?: Record<string, { import?: { default?: string } } | string> };
  const entry = pkg.exports?.['./esm/api'];
  const rel = typeof entry === 'object' ? entry.import?.default : undefined;
  if (!rel) throw new Error('tsx has no ESM API export (tsx 4 expected)');
  return pathToFileURL(path.join(path.dirname(pkgPath), rel)).href;
}

export class TrainPoolUnavailableError extends Error {
  override readonly name = 'TrainPoolUnavailableError';
}

export interface TrainPoolOptions {
  logger: Logger;
  /** Starts a worker (tests inject broken ones). Default `spawnTrainWorker`. */
  spawn?: () => Worker;
  /** After this many crashes or failed starts in a row the pool gives up: every job then rejects at once. */
  maxFailures?: number;
  /** Bytes of catalogs' item vectors the worker keeps between jobs (train-vectors.ts). Default 64 MB. */
  vectorBytes?: number;
}

interface Job {
  id: number;
  scope: Scope;
  input: TrainingData;
  vectors: VectorsSource;
  promise: Promise<ScopeModelsState>;
  resolve: (s: ScopeModelsState) => void;
  reject: (e: Error) => void;
}

/**
 * One training worker per process, started on the first job, FIFO over jobs, one job running at a time.
 * A job for a scope that already has one waiting (not started) replaces that one's input and shares its
 * result. The worker is unref'd while idle (never keeps the process alive) and ref'd while a job runs
 * (so a caller awaiting the result is not cut off by the process exiting). A crash or failed start
 * rejects the running job (the caller trains inline) and the next job starts a fresh worker, until
 * `maxFailures` in a row.
 *
 * Item vectors (the same for every training over the same catalog content, ~24 MB for the starter
 * catalog) cross to the worker once per catalog content key and stay there (`WorkerVectorShelf`, within
 * `vectorBytes`); later jobs over that catalog send only the key, and collect no vectors.
 */
export class TrainPool {
  private worker?: Worker;
  private readonly queue: Job[] = [];
  private current?: Job;
  private nextId = 1;
  private failures = 0;
  private disabled = false;
  private closed = false;
  private readonly spawn: () => Worker;
  /** Which catalogs' vectors the worker holds. */
  readonly vectors: WorkerVectorShelf;

  constructor(private readonly o: TrainPoolOptions) {
    this.spawn = o.spawn ?? spawnTrainWorker;
    this.vectors = new WorkerVectorShelf(o.vectorBytes);
  }

  /** False once closed or given up after repeated failures. */
  get available(): boolean {
    return !this.closed && !this.disabled;
  }

  /** Trains in the worker. Rejects when the worker fails (crash, start failure, training error) or the pool closes. */
  train(scope: Scope, input: TrainingData, vectors: VectorsSource): Promise<ScopeModelsState> {
    if (!this.available) {
      const why = this.closed ? 'training pool closed' : 'training worker disabled after repeated failures';
      return Promise.reject(new TrainPoolUnavailableError(why));
    }
    const waiting = this.queue.find((j) => j.scope === scope);
    if (waiting) {
      waiting.input = input;
      waiting.vectors = vectors;
      return waiting.promise;
    }
    let resolve!: Job['resolve'];
    let reject!: Job['reject'];
    const promise = new Promise<ScopeModelsState>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    this.queue.push({ id: this.nextId++, scope, input, vectors, promise, resolve, reject });
    this.pump();
    return promise;
  }

  /** The catalog with this content key left the engine: the worker drops its vectors (now, or with the next job). */
  forget(key: string): void {
    this.vectors.forget(key);
    const drop = this.vectors.take();
    if (!this.worker || drop.length === 0) return;
    try {
      this.worker.postMessage({ kind: 'drop', keys: drop } satisfies TrainRequest);
    } catch {
      // the worker is failing: the next one starts empty
    }
  }

  /** Terminates the worker; running and waiting jobs reject. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const w = this.worker;
    this.worker = undefined;
    const err = new TrainPoolUnavailableError('training pool closed');
    this.current?.reject(err);
    this.current = undefined;
    for (const j of this.queue.splice(0)) j.reject(err);
    if (w) await w.terminate().catch(() => undefined);
  }

  private pump(): void {
    if (this.current || this.queue.length === 0 || !this.available) return;
    const w = this.worker ?? this.start();
    if (!w) return;
    const job = this.queue.shift()!;
    this.current = job;
    w.ref();
    let sending: string | undefined;
    try {
      const { wire, drop } = this.vectors.wire(job.vectors);
      if (wire.vectors) sending = wire.key;
      const req: TrainRequest = { kind: 'train', id: job.id, input: job.input, vectors: wire, drop };
      w.postMessage(req, transferables([job.input, wire.vectors]));
    } catch (err) {
      if (sending !== undefined) this.vectors.forget(sending); // not delivered: the worker does not hold them
      this.current = undefined;
      job.reject(asError(err));
      this.idle(w);
      this.pump();
    }
  }

  private start(): Worker | undefined {
    let w: Worker;
    try {
      w = this.spawn();
    } catch (err) {
      this.failed(undefined, asError(err));
      return undefined;
    }
    w.unref();
    w.on('message', (reply: TrainReply) => this.onReply(w, reply));
    w.on('error', (err) => this.failed(w, err));
    w.on('messageerror', (err) => this.failed(w, err));
    w.on('exit', (code) => this.failed(w, new Error(`training worker exited with code ${code}`)));
    this.worker = w;
    return w;
  }

  private onReply(w: Worker, reply: TrainReply): void {
    if (w !== this.worker || reply.id !== this.current?.id) return;
    const job = this.current;
    this.current = undefined;
    this.failures = 0;
    if (reply.ok) job.resolve(reply.state);
    else job.reject(new Error(`training failed in the worker: ${reply.error}`));
    this.idle(w);
    this.pump();
  }

  private idle(w: Worker): void {
    if (!this.current) w.unref();
  }

  /** The worker died or could not start: reject the running job, count it, maybe give up, go on. */
  private failed(w: Worker | undefined, err: Error): void {
    if (this.closed || (w && w !== this.worker)) return;
    this.worker = undefined;
    this.vectors.reset();
    if (w) void w.terminate().catch(() => undefined);
    this.failures++;
    const maxFailures = this.o.maxFailures ?? 3;
    this.o.logger.warn({ err, failures: this.failures }, 'training worker failed');
    const job = this.current;
    this.current = undefined;
    job?.reject(err);
    if (this.failures >= maxFailures) {
      this.disabled = true;
      this.o.logger.warn({ failures: this.failures }, 'training worker disabled: training inline from now on');
      const gone = new TrainPoolUnavailableError('training worker disabled after repeated failures');
      for (const j of this.queue.splice(0)) j.reject(gone);
      return;
    }
    this.pump();
  }
}

function asError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}
