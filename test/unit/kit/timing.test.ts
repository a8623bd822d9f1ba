import { describe, expect, it } from 'vitest';
import { deadline, mapLimit, settleWithin, sleep, withTimeout } from '../../../src/kit/index.js';
import { retry } from '../../../src/kit/retry.js';
import { describeError } from '../../../src/kit/errors.js';

describe('timers', () => {
  it('GIVEN a deadline that is done THEN its timer is cleared', () => {
    const before = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const d = deadline(60_000);
    expect(process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length).toBe(before + 1);
    d.done();
    expect(process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length).toBe(before);
  });

  it('GIVEN an aborted sleep THEN it rejects at once', async () => {
    const c = new AbortController();
    const p = sleep(60_000, c.signal);
    c.abort(new Error('stop'));
    await expect(p).rejects.toThrow('stop');
  });

  it('GIVEN a limit of 2 THEN at most 2 run at once and order is kept', async () => {
    let live = 0;
    let peak = 0;
    const out = await mapLimit([1, 2, 3, 4, 5], 2, async (x) => {
      peak = Math.max(peak, ++live);
      await new Promise((r) => setImmediate(r));
      live--;
      return x * 10;
    });
    expect(out).toEqual([10, 20, 30, 40, 50]);
    expect(peak).toBe(2);
  });
});

describe('withTimeout', () => {
  it('GIVEN work slower than the timeout THEN it rejects with a TimeoutError (described as "timeout") and aborts the work', async () => {
    let seen: AbortSignal | undefined;
    const e = await withTimeout((s) => ((seen = s), new Promise(() => {})), 20).catch((x: unknown) => x);
    expect(describeError(e)).toBe('timeout');
    expect(seen?.aborted).toBe(true);
  });

  it('GIVEN the parent aborts THEN it rejects with the parent reason', async () => {
    const c = new AbortController();
    const p = withTimeout(() => new Promise(() => {}), 60_000, c.signal);
    c.abort(new Error('interaction expired'));
    await expect(p).rejects.toThrow('interaction expired');
  });

  it('GIVEN work that settles THEN no timer is left', async () => {
    const before = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    await expect(withTimeout(async () => 7, 60_000)).resolves.toBe(7);
    expect(process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length).toBe(before);
  });
});

describe('settleWithin', () => {
  it('GIVEN work slower than the limit THEN it rejects with the given error', async () => {
    await expect(settleWithin(new Promise(() => {}), 20, () => new Error('no answer after 20 ms'))).rejects.toThrow('no answer after 20 ms');
  });

  it('GIVEN work that fails first THEN its own error comes through and no timer is left', async () => {
    const before = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    await expect(settleWithin(Promise.reject(new Error('disk full')), 60_000, () => new Error('late'))).rejects.toThrow('disk full');
    await expect(settleWithin(Promise.resolve(7), 60_000, () => new Error('late'))).resolves.toBe(7);
    expect(process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length).toBe(before);
  });
});

describe('retry', () => {
  const always = { shouldRetry: () => true };

  it('GIVEN the signal aborts during a backoff THEN it rejects at once with the last error and makes no further attempt', async () => {
    const c = new AbortController();
    let calls = 0;
    const t0 = Date.now();
    setTimeout(() => c.abort(new Error('deadline')), 20);
    const p = retry(async () => Promise.reject(new Error(`fail ${++calls}`)), always, { retries: 3, baseDelayMs: 10_000, random: () => 1 }, c.signal);
    await expect(p).rejects.toThrow('fail 1');
    expect(Date.now() - t0).toBeLessThan(2_000);
    expect(calls).toBe(1);
  });

  it('GIVEN jitter THEN each wait is 50-100% of the exponential backoff, never above the cap', async () => {
    for (const r of [0, 0.5, 1]) {
      const waits: number[] = [];
      await retry(async () => Promise.reject(new Error('x')), always, { retries: 4, baseDelayMs: 100, maxDelayMs: 500, random: () => r, sleep: async (ms) => void waits.push(ms) }).catch(() => undefined);
      const full = [100, 200, 400, 500];
      waits.forEach((w, i) => {
        expect(w).toBeGreaterThanOrEqual(full[i] / 2);
        expect(w).toBeLessThanOrEqual(full[i]);
      });
      expect(waits).toHaveLength(4);
    }
  });
});
