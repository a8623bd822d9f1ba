/**
 * `npm run bench -- memory [--items 50000] [--dims 768] [--queries 100] [--no-engine]`
 *
 * 1. Vectors: bytes per item and recall@10 against exact float32 search for float32 (VectorIndex, JS and
 *    WebAssembly SIMD kernels), float16 and int8 (QuantizedIndex), over clustered vectors (engine-search's
 *    data), with the search p50 of each (all in one run, so their ratio holds under load).
 * 2. Engine weight: the starter catalog's engine (catalog, indexes, models) as `estimateBytes` weighs it (what
 *    ENGINE_MEMORY_MB is counted in) against what the heap and buffers grew by when it loaded (after a scope of
 *    other items warmed what all scopes share); then a further server on the same catalog, which shares its
 *    catalog core (engine/catalog-share.ts) and adds only its own models.
 */
import { Engines } from '../src/engine/engines.js';
import { PriorLoader } from '../src/engine/prior.js';
import { createLocalEmbedder } from '../src/embed/semantic/factory.js';
import { createLogger } from '../src/log.js';
import { QuantizedIndex, type Precision } from '../src/recsys/index/quantized-index.js';
import type { SearchIndex } from '../src/recsys/index/types.js';
import { VectorIndex } from '../src/recsys/index/vector-index.js';
import { mulberry32 } from '../src/recsys/models/rng.js';
import { DEFAULT_STARTER } from '../src/services.js';
import { CatalogRepo, createStore, ProfileRepo } from '../src/store/index.js';
import { parseCatalog } from '../src/catalog/parse.js';
import { makeData } from './engine-search.js';

const MB = 2 ** 20;

function arg(args: string[], name: string, def: number): number {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
}

/**
 * Heap plus typed-array buffers now, after full GCs when node runs with --expose-gc: three, 200 ms apart, since
 * buffers are freed after the GC that finds them dead (one GC alone still counted ~24 MB of dead buffers).
 */
async function used(): Promise<number> {
  for (let k = 0; k < 3; k++) {
    (globalThis as { gc?: () => void }).gc?.();
    await new Promise((r) => setTimeout(r, 200));
  }
  const m = process.memoryUsage();
  return m.heapUsed + m.external; // external holds typed-array buffers and WebAssembly memories
}

interface Row { precision: Precision | 'float32' | 'float32-wasm' | 'float16-js'; bytesPerItem: number; measuredBytesPerItem: number; recallAt10: number; p50Ms: number }

async function benchVectors(n: number, dims: number, nq: number): Promise<Row[]> {
  const flat = makeData(n, dims, 42 + n);
  const ids = Array.from({ length: n }, (_, i) => `i${i}`);
  const vecs = Array.from({ length: n }, (_, i) => flat.subarray(i * dims, (i + 1) * dims));
  const rand = mulberry32(49);
  const queries = Array.from({ length: nq }, () => Float32Array.from(vecs[Math.floor(rand() * n)], (x) => x + (rand() * 2 - 1) * 0.5));
  const rows: Row[] = [];
  let truth: string[][] = [];
  const keep: SearchIndex[] = []; // every index stays alive, so each one's growth is its own
  for (const precision of ['float32', 'float32-wasm', 'float16', 'float16-js', 'int8'] as const) {
    const before = await used();
    const index: SearchIndex & { upsert(ids: string[], v: Float32Array[]): void } =
      precision === 'float32' || precision === 'float32-wasm'
        ? new VectorIndex({ model: 'bench', dims, initialCapacity: n, kernel: precision === 'float32' ? 'js' : 'wasm' })
        : new QuantizedIndex({ model: 'bench', dims, precision: precision === 'int8' ? 'int8' : 'float16', kernel: precision === 'float16-js' ? 'js' : 'auto', initialCapacity: n });
    index.upsert(ids, vecs);
    keep.push(index);
    const measured = (await used()) - before;
    const times: number[] = [];
    const results = queries.map((q) => {
      const t0 = performance.now();
      const hits = index.search(q, 10);
      times.push(performance.now() - t0);
      return hits.map((h) => h.id);
    });
    if (precision === 'float32') truth = results;
    const hit = results.reduce((s, r, i) => s + r.filter((id) => truth[i].includes(id)).length, 0);
    const vectorBytes = precision.startsWith('float32') ? 4 * dims : precision.startsWith('float16') ? 2 * dims : dims + 4;
    rows.push({ precision, bytesPerItem: vectorBytes, measuredBytesPerItem: measured / n, recallAt10: hit / (nq * 10), p50Ms: times.sort((a, b) => a - b)[Math.floor(nq / 2)] });
  }
  return rows;
}

interface EngineWeight { items: number; estimateMb: number; measuredMb: number; nextEstimateMb: number; nextMeasuredMb: number }

async function benchEngineWeight(): Promise<EngineWeight> {
  const store = await createStore('memory://');
  const catalogs = new CatalogRepo(store);
  const { readFile } = await import('node:fs/promises');
  const parsed = parseCatalog(new Uint8Array(await readFile(DEFAULT_STARTER)), { filename: 'starter-movies.csv', limits: { maxItems: 1_000_000 } });
  if (parsed.errors.length) throw new Error('starter catalog does not parse');
  // 'warm' has other items (no shared catalog core with the others); 'bench' and 'next' both hold the starter catalog
  await catalogs.write('warm', parsed.items.slice(0, 500).map((it) => ({ ...it, id: `w-${it.id}` })), null, { updatedBy: 'bench', source: 'upload' });
  for (const scope of ['bench', 'next']) await catalogs.write(scope, parsed.items, null, { updatedBy: 'bench', source: 'starter' });
  const prior = new PriorLoader(undefined, createLogger('silent'));
  await prior.get(); // shared by every scope: loaded before measuring
  const embedder = createLocalEmbedder('semantic');
  await embedder.embed(['warm up the word vectors']);
  const engines = new Engines({ catalogs, profiles: new ProfileRepo(store), embedder, logger: createLogger('silent'), trainInWorker: false, prior });
  // A first scope warms what every scope shares (embedder caches, the prior's lookups, compiled code).
  await engines.catalog('warm');
  await engines.models('warm');
  const held = engines.memory.calculatedSize;
  const before = await used();
  await engines.catalog('bench');
  await engines.models('bench');
  const measured = (await used()) - before;
  const one = engines.memory.calculatedSize;
  // a second server on the same catalog: its own models and versions only (the catalog core is shared)
  const beforeNext = await used();
  await engines.catalog('next');
  await engines.models('next');
  const out = {
    items: parsed.items.length, estimateMb: (one - held) / MB, measuredMb: measured / MB,
    nextEstimateMb: (engines.memory.calculatedSize - one) / MB, nextMeasuredMb: ((await used()) - beforeNext) / MB,
  };
  engines.close();
  await store.close();
  return out;
}

export async function benchMemory(args: string[] = []): Promise<void> {
  const n = arg(args, 'items', 50_000);
  const dims = arg(args, 'dims', 768);
  const nq = arg(args, 'queries', 100);
  const gc = typeof (globalThis as { gc?: unknown }).gc === 'function';
  console.log(`\nvectors: ${n} x ${dims}, ${nq} queries, recall@10 against exact float32${gc ? '' : ' (measured bytes without --expose-gc: noisy)'}`);
  const rows = await benchVectors(n, dims, nq);
  console.table(rows.map((r) => ({
    precision: r.precision,
    'bytes/item (vector)': r.bytesPerItem,
    'bytes/item (measured)': Math.round(r.measuredBytesPerItem),
    [`MB for ${n}`]: ((r.bytesPerItem * n) / MB).toFixed(1),
    'recall@10': r.recallAt10.toFixed(4),
    'p50 ms': r.p50Ms.toFixed(2),
  })));
  if (!args.includes('--no-engine')) {
    const w = await benchEngineWeight();
    console.log('\nstarter catalog engine (catalog, vector and title indexes, models), and each further server on it:');
    console.table([
      { server: 'first', items: w.items, 'estimate MB (ENGINE_MEMORY_MB counts this)': w.estimateMb.toFixed(1), 'measured MB (heap + buffers)': w.measuredMb.toFixed(1) },
      { server: 'each further', items: w.items, 'estimate MB (ENGINE_MEMORY_MB counts this)': w.nextEstimateMb.toFixed(1), 'measured MB (heap + buffers)': w.nextMeasuredMb.toFixed(1) },
    ]);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchMemory(process.argv.slice(2));
