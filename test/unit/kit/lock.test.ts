import { describe, expect, it } from 'vitest';
import { KeyedLock } from '../../../src/kit/index.js';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('KeyedLock', () => {
  it('GIVEN many callers of one key THEN they run one at a time in call order', async () => {
    const lock = new KeyedLock();
    const order: number[] = [];
    let inside = 0;
    let maxInside = 0;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        lock.withLock('k', async () => {
          inside += 1;
          maxInside = Math.max(maxInside, inside);
          await tick();
          order.push(i);
          inside -= 1;
        }),
      ),
    );
    expect(maxInside).toBe(1);
    expect(order).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('GIVEN two keys THEN they do not wait for each other', async () => {
    const lock = new KeyedLock();
    let release!: () => void;
    const blocker = lock.withLock('a', () => new Promise<void>((r) => (release = r)));
    const other = await lock.withLock('b', async () => 'ran');
    expect(other).toBe('ran');
    release();
    await blocker;
  });

  it('GIVEN a holder that throws THEN the error reaches its caller, the next caller runs, and no entry is left', async () => {
    const lock = new KeyedLock();
    const failing = lock.withLock('k', async () => {
      throw new Error('boom');
    });
    const next = lock.withLock('k', async () => 'next');
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('next');
    expect(lock.size).toBe(0);
  });

  it('GIVEN every holder has released THEN no key entry is left behind', async () => {
    const lock = new KeyedLock();
    await Promise.all(Array.from({ length: 50 }, (_, i) => lock.withLock(`k${i % 5}`, tick)));
    expect(lock.size).toBe(0);
  });
});
