import { describe, expect, it } from 'vitest';
import { createLocalEmbedder } from '../../src/embed/local.js';

const dot = (a: Float32Array, b: Float32Array): number => a.reduce((s, x, i) => s + x * b[i], 0);

describe('local embedder', () => {
  it('GIVEN the same text in different batches THEN it gets the identical vector (stateless)', async () => {
    const e = createLocalEmbedder();
    const [a] = await e.embed(['A heist thriller in Los Angeles']);
    const [, b] = await createLocalEmbedder().embed(['something else entirely', 'A heist thriller in Los Angeles']);
    expect(Array.from(a)).toEqual(Array.from(b));
  });

  it('GIVEN default options THEN vectors are 512-dim, L2-normalised and the model id names the dims', async () => {
    const e = createLocalEmbedder();
    expect(e.model).toBe('local-hash-v1-512');
    const [v] = await e.embed(['Toy Story. Animation, Children, Comedy']);
    expect(v.length).toBe(512);
    expect(Math.sqrt(dot(v, v))).toBeCloseTo(1, 5);
    expect(createLocalEmbedder({ dims: 128 }).model).toBe('local-hash-v1-128');
  });

  it('GIVEN two texts about the same thing THEN they are closer than an unrelated text', async () => {
    const [a, b, c] = await createLocalEmbedder().embed([
      'space opera with robots and laser battles',
      'robots fight laser battles in a space opera',
      'a quiet romantic comedy set in a Paris bakery',
    ]);
    expect(dot(a, b)).toBeGreaterThan(dot(a, c) + 0.3);
  });

  it('GIVEN a misspelt word THEN character n-grams keep it close to the right spelling', async () => {
    const [a, b, c] = await createLocalEmbedder().embed(['terminator', 'terminater', 'casablanca']);
    expect(dot(a, b)).toBeGreaterThan(dot(a, c));
  });

  it('GIVEN empty text THEN the vector is all zeros rather than NaN', async () => {
    const [v] = await createLocalEmbedder().embed(['']);
    expect(Array.from(v).every((x) => x === 0)).toBe(true);
  });

  it('GIVEN an aborted signal THEN embed rejects', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(createLocalEmbedder().embed(['x'], { signal: ac.signal })).rejects.toThrow();
  });
});
