/**
 * The training worker keeps each catalog's item vectors (by the catalog's content key): the first training
 * of a catalog sends them, later ones (a retrain, another server on the same catalog) send only the key, and
 * the models are the same as trained inline with the vectors at hand. Real worker thread, local embedder.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Worker } from 'node:worker_threads';
import type { Profile } from '../../../src/domain/profile.js';
import { createLocalEmbedder } from '../../../src/embed/local.js';
import { Engines } from '../../../src/engine/engines.js';
import { CatalogRepo, createStore, ProfileRepo, type Store } from '../../../src/store/index.js';
import { shareCatalog } from '../../../src/engine/catalog-share.js';
import { buildScopeCatalog, type ScopeCatalog } from '../../../src/engine/scope-catalog.js';
import { collectItemVectors, collectTrainingData, collectTrainingInput, scopeModelsToState, trainFromInput } from '../../../src/engine/scope-models.js';
import { spawnTrainWorker, TrainPool } from '../../../src/engine/train-pool.js';
import type { TrainRequest } from '../../../src/engine/train-worker.js';
import { createLogger } from '../../../src/log.js';
import { mulberry32 } from '../../../src/recsys/models/rng.js';

const ITEMS = Array.from({ length: 300 }, (_, i) => ({ id: `f-${i}`, title: `Film ${i}`, description: `a story number ${i % 17} of a night ${i % 5}`, tags: ['drama'] }));

function profiles(seed: number): { userId: string; profile: Profile }[] {
  const rng = mulberry32(seed);
  return Array.from({ length: 30 }, (_, u) => {
    const ratings: Profile['ratings'] = {};
    for (let k = 0; k < 15; k++) ratings[ITEMS[Math.floor(rng() * ITEMS.length)].id] = { value: 0.5 + Math.floor(rng() * 10) / 2, at: 1_000 + k };
    const history = Object.keys(ratings).map((itemId, k) => ({ itemId, at: 1_000 + k }));
    return { userId: `u${u}`, profile: { history, ratings, notInterested: [], preferences: {}, updatedAt: 0 } };
  });
}

async function sharedCatalog(): Promise<ScopeCatalog> {
  const version = { pointer: { version: 1, itemCount: ITEMS.length, chunkCount: 1, embedModel: null, dims: 0, updatedBy: 'admin', updatedAt: 0, source: 'upload' }, items: ITEMS, vectors: null };
  const parts = new Map<string, object>();
  return shareCatalog({ core: () => undefined, keep: (k, c) => void parts.set(k, c) }, await buildScopeCatalog(version, createLocalEmbedder()));
}

/** A model state without its timings (how long training took differs run to run; nothing else may). */
function model(state: unknown): unknown {
  if (ArrayBuffer.isView(state) || state === null || typeof state !== 'object') return state;
  if (state instanceof Map) return new Map([...state].map(([k, v]) => [k, model(v)]));
  if (Array.isArray(state)) return state.map(model);
  return Object.fromEntries(Object.entries(state).filter(([k]) => k !== 'trainingTimeMs').map(([k, v]) => [k, model(v)]));
}

let pool: TrainPool | undefined;
let engines: Engines | undefined;
let store: Store | undefined;
afterEach(async () => {
  await pool?.close();
  engines?.close();
  await store?.close();
  pool = engines = store = undefined;
});

/** A pool over the real worker that records, per train job, whether it carried vectors. */
function recordingSpawn(carried: boolean[]): () => Worker {
  return () => {
    const w = spawnTrainWorker();
    const post = w.postMessage.bind(w);
    w.postMessage = (req: TrainRequest, transfer?: readonly ArrayBuffer[]) => {
      if (req.kind === 'train') carried.push(req.vectors.vectors !== undefined);
      post(req, transfer);
    };
    return w;
  };
}

function recordingPool(): { pool: TrainPool; carried: boolean[] } {
  const carried: boolean[] = [];
  pool = new TrainPool({ logger: createLogger('silent'), spawn: recordingSpawn(carried) });
  return { pool, carried };
}

/** Engines training every job in the (recorded) worker, over servers on the same catalog, each with rated items. */
async function enginesOn(servers: string[]): Promise<{ engines: Engines; carried: boolean[] }> {
  store = await createStore('memory://');
  const catalogs = new CatalogRepo(store);
  const profiles = new ProfileRepo(store);
  for (const g of servers) {
    await catalogs.write(g, ITEMS, null, { updatedBy: 'admin', source: 'upload' });
    for (let k = 0; k < 5; k++) await profiles.setRating(g, `u${k}`, ITEMS[k * 7].id, 4, k);
  }
  const carried: boolean[] = [];
  engines = new Engines({ catalogs, profiles, embedder: createLocalEmbedder(), logger: createLogger('silent'), inlineMaxWork: 0, spawnWorker: recordingSpawn(carried) });
  return { engines, carried };
}

describe('training worker: item vectors sent once per catalog', () => {
  it('GIVEN two servers training on the same catalog THEN the second job sends no vectors and both models equal inline training with the vectors', async () => {
    const cat = await sharedCatalog();
    expect(cat.sharedKey).toBeDefined();
    const { pool, carried } = recordingPool();
    const src = { key: cat.sharedKey, collect: () => collectItemVectors(cat) };
    for (const [scope, seed] of [['a', 1], ['b', 2], ['a', 3]] as const) {
      const ps = profiles(seed);
      const viaWorker = await pool.train(scope, collectTrainingData(ps, cat, 5_000), src);
      const inline = scopeModelsToState(trainFromInput(collectTrainingInput(ps, cat, 5_000)));
      expect(model(viaWorker)).toEqual(model(inline));
    }
    expect(carried).toEqual([true, false, false]);
    expect(pool.vectors.sent).toBe(1);
  });

  it('GIVEN the engine forgot the catalog THEN the next training sends the vectors again and still trains the same models', async () => {
    const cat = await sharedCatalog();
    const { pool, carried } = recordingPool();
    const src = { key: cat.sharedKey, collect: () => collectItemVectors(cat) };
    const ps = profiles(4);
    await pool.train('a', collectTrainingData(ps, cat, 5_000), src);
    pool.forget(cat.sharedKey!);
    const again = await pool.train('a', collectTrainingData(ps, cat, 5_000), src);
    expect(carried).toEqual([true, true]);
    expect(model(again)).toEqual(model(scopeModelsToState(trainFromInput(collectTrainingInput(ps, cat, 5_000)))));
  });

  it('GIVEN two servers on the same catalog and a retrain THEN only the first training sends the vectors', async () => {
    const { engines, carried } = await enginesOn(['a', 'b']);
    await engines.models('a');
    await engines.models('b');
    await engines.train('a');
    expect(carried).toEqual([true, false, false]);
  });

  it('GIVEN a catalog core claimed for a merge in place THEN its trainings send their vectors and the worker does not keep them', async () => {
    const { engines, carried } = await enginesOn(['a']);
    await engines.models('a');
    expect(engines.claimIndex('a', await engines.catalog('a'))).toBe(true);
    await engines.train('a');
    await engines.train('a');
    expect(carried).toEqual([true, true, true]);
  });
});
