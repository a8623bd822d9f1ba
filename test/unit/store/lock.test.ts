import { describe, expect, it } from 'vitest';
import { KeyedLock } from '../../../src/kit/index.js';
import { update } from '../../../src/store/lock.js';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('update', () => {
  it('GIVEN 100 concurrent increments through update THEN none is lost', async () => {
    const map = new Map<string, unknown>();
    const kv = {
      get: async <T>(k: string) => {
        await tick();
        return map.get(k) as T | undefined;
      },
      set: async (k: string, v: unknown) => {
        await tick();
        map.set(k, v);
      },
    };
    const lock = new KeyedLock();
    await Promise.all(Array.from({ length: 100 }, () => update<number>(kv, lock, 'n', (c) => (c ?? 0) + 1)));
    expect(map.get('n')).toBe(100);
  });

  it('GIVEN fn returns undefined THEN nothing is written and the current value is returned', async () => {
    const map = new Map<string, unknown>([['k', 5]]);
    let writes = 0;
    const kv = { get: async <T>(k: string) => map.get(k) as T, set: async () => void (writes += 1) };
    expect(await update<number>(kv, new KeyedLock(), 'k', () => undefined)).toBe(5);
    expect(writes).toBe(0);
  });
});
