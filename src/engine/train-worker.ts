/**
 * The training worker: receives a scope's TrainingInput, trains every model (the same code as inline
 * training) and posts back their states, transferring the typed arrays. Started by TrainPool; one job at
 * a time. Its import graph is the models only (no store, no Discord, no logger).
 */
import { parentPort } from 'node:worker_threads';
import { scopeModelsToState, trainFromInput, transferables, type ScopeModelsState, type TrainingInput } from './scope-models.js';

export interface TrainRequest {
  id: number;
  input: TrainingInput;
}

export type TrainReply = { id: number; ok: true; state: ScopeModelsState; ms: number } | { id: number; ok: false; error: string };

const port = parentPort;
if (!port) throw new Error('train-worker.ts runs only as a worker thread');

port.on('message', (req: TrainRequest) => {
  const t0 = performance.now();
  let reply: TrainReply;
  try {
    const state = scopeModelsToState(trainFromInput(req.input));
    reply = { id: req.id, ok: true, state, ms: performance.now() - t0 };
  } catch (err) {
    reply = { id: req.id, ok: false, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
  }
  port.postMessage(reply, reply.ok ? transferables(reply.state) : []);
});
