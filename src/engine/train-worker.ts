/**
 * The training worker: receives a scope's training data, trains every model (the same code as inline
 * training) and posts back their states, transferring the typed arrays. Started by TrainPool; one job at
 * a time. Catalogs' item vectors arrive once per content key and are kept until the pool says to drop them
 * (train-vectors.ts). Its import graph is the models only (no store, no Discord, no logger).
 */
import { parentPort } from 'node:worker_threads';
import { scopeModelsToState, trainFromInput, transferables, type ScopeModelsState, type TrainingData } from './scope-models.js';
import { WorkerVectorStore, type VectorsWire } from './train-vectors.js';

export type TrainRequest =
  | { kind: 'train'; id: number; input: TrainingData; vectors: VectorsWire; drop: string[] }
  | { kind: 'drop'; keys: string[] };

export type TrainReply = { id: number; ok: true; state: ScopeModelsState; ms: number } | { id: number; ok: false; error: string };

const port = parentPort;
if (!port) throw new Error('train-worker.ts runs only as a worker thread');
const store = new WorkerVectorStore();

port.on('message', (req: TrainRequest) => {
  if (req.kind === 'drop') {
    store.drop(req.keys);
    return;
  }
  const t0 = performance.now();
  let reply: TrainReply;
  let kept: ArrayBufferLike[] = [];
  try {
    const vectors = store.resolve(req.vectors, req.drop);
    kept = [vectors.vectors.buffer, vectors.hasVector.buffer];
    const state = scopeModelsToState(trainFromInput({ ...req.input, ...vectors }));
    reply = { id: req.id, ok: true, state, ms: performance.now() - t0 };
  } catch (err) {
    reply = { id: req.id, ok: false, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
  }
  // the kept vectors stay here even if a state referenced them (then they are copied, not moved)
  port.postMessage(reply, reply.ok ? transferables(reply.state).filter((b) => !kept.includes(b)) : []);
});
