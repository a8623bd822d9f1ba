/**
 * Which catalogs' item vectors the training worker holds: the pool's record (WorkerVectorShelf) and the
 * worker's store (WorkerVectorStore) agree job by job, so a job names vectors the worker has, or carries them.
 */
import { describe, expect, it } from 'vitest';
import type { ItemVectors } from '../../../src/engine/scope-models.js';
import { WorkerVectorShelf, WorkerVectorStore, type VectorsSource } from '../../../src/engine/train-vectors.js';

/** Vectors of `rows` x 4 dims (16 bytes a row, 1 byte of hasVector a row), filled with `fill`. */
const vectorsOf = (rows: number, fill: number): ItemVectors => ({ vectors: new Float32Array(rows * 4).fill(fill), hasVector: new Uint8Array(rows).fill(1) });

function source(key: string | undefined, rows: number, fill: number): VectorsSource & { collected: number } {
  const s = { key, collected: 0, collect: () => (s.collected++, vectorsOf(rows, fill)) };
  return s;
}

/** A job posted and received: what the worker trains with. */
function post(shelf: WorkerVectorShelf, store: WorkerVectorStore, src: VectorsSource): { vectors: ItemVectors; carried: boolean } {
  const { wire, drop } = shelf.wire(src);
  return { vectors: store.resolve(structuredClone(wire), drop), carried: wire.vectors !== undefined };
}

describe('training vectors kept in the worker by catalog content key', () => {
  it('GIVEN two trainings of the same catalog THEN the vectors are collected and sent once, and the second trains with the same ones', () => {
    const shelf = new WorkerVectorShelf(1_000);
    const store = new WorkerVectorStore();
    const a = source('cat-a', 10, 0.5);
    const first = post(shelf, store, a);
    const second = post(shelf, store, a);
    expect(first.carried).toBe(true);
    expect(second.carried).toBe(false);
    expect(a.collected).toBe(1);
    expect(shelf.sent).toBe(1);
    expect(Array.from(second.vectors.vectors)).toEqual(Array.from(first.vectors.vectors));
  });

  it('GIVEN more catalogs than the byte budget THEN the least recently used is dropped in the worker too, and sent again when needed', () => {
    const shelf = new WorkerVectorShelf(400); // 170 bytes a catalog of 10 rows: two fit
    const store = new WorkerVectorStore();
    const [a, b, c] = [source('a', 10, 1), source('b', 10, 2), source('c', 10, 3)];
    post(shelf, store, a);
    post(shelf, store, b);
    post(shelf, store, a); // a is now more recent than b
    post(shelf, store, c); // b goes
    expect(store.size).toBe(2);
    expect(post(shelf, store, a).carried).toBe(false);
    const again = post(shelf, store, b);
    expect(again.carried).toBe(true);
    expect(again.vectors.vectors[0]).toBe(2);
    expect(store.size).toBe(2);
  });

  it('GIVEN a catalog the engine forgot THEN the worker drops its vectors with the next message and the next training sends them again', () => {
    const shelf = new WorkerVectorShelf(1_000);
    const store = new WorkerVectorStore();
    const a = source('a', 10, 1);
    post(shelf, store, a);
    shelf.forget('a');
    store.drop(shelf.take());
    expect(store.size).toBe(0);
    expect(post(shelf, store, a).carried).toBe(true);
  });

  it('GIVEN a catalog without a key, or heavier than the budget THEN its vectors go with every job and are not kept', () => {
    const shelf = new WorkerVectorShelf(100);
    const store = new WorkerVectorStore();
    expect([post(shelf, store, source(undefined, 2, 1)).carried, post(shelf, store, source(undefined, 2, 1)).carried]).toEqual([true, true]);
    const big = source('big', 10, 1); // 170 bytes > 100
    expect([post(shelf, store, big).carried, post(shelf, store, big).carried]).toEqual([true, true]);
    expect(store.size).toBe(0);
  });

  it('GIVEN a worker that restarted THEN the pool sends the vectors again', () => {
    const shelf = new WorkerVectorShelf(1_000);
    const a = source('a', 10, 1);
    post(shelf, new WorkerVectorStore(), a);
    shelf.reset();
    expect(post(shelf, new WorkerVectorStore(), a).carried).toBe(true);
  });

  it('GIVEN a job naming vectors the worker does not hold THEN it fails instead of training without them', () => {
    expect(() => new WorkerVectorStore().resolve({ key: 'nope' }, [])).toThrow(/holds no item vectors/);
  });
});
