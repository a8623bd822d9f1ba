import { describe, expect, it } from 'vitest';
import { createBreaker } from '../../../src/llm/breaker.js';
import { withRetry } from '../../../src/llm/retry.js';
import { deadline, mapLimit, sleep } from '../../../src/llm/timing.js';
import { LlmError } from '../../../src/llm/types.js';

const noWait = (delays: number[]) => ({ retries: 3, baseDelayMs: 100, maxDelayMs: 5000, sleep: async (ms: number) => void delays.push(ms), random: () => 1 });

describe('withRetry', () => {
  it('GIVEN two 5xx then success THEN it backs off exponentially and returns', async () => {
    const delays: number[] = [];
    let n = 0;
    const out = await withRetry(async () => (++n < 3 ? Promise.reject(new LlmError('server', 'x')) : 'ok'), createBreaker(), noWait(delays));
    expect(out).toBe('ok');
    expect(delays).toEqual([100, 200]);
  });

  it('GIVEN a server delay longer than the backoff THEN the server delay is waited, capped by maxDelayMs', async () => {
    const delays: number[] = [];
    let n = 0;
    await withRetry(async () => (++n === 1 ? Promise.reject(new LlmError('rate-limit', 'x', 60_000)) : 1), createBreaker(), noWait(delays));
    expect(delays).toEqual([5000]);
  });

  it.each(['auth', 'blocked', 'empty', 'bad-request', 'timeout'] as const)('GIVEN a %s error THEN it is not retried', async (kind) => {
    let n = 0;
    await expect(withRetry(async () => (n++, Promise.reject(new LlmError(kind, 'x'))), createBreaker(), noWait([]))).rejects.toMatchObject({ kind });
    expect(n).toBe(1);
  });

  it('GIVEN blocked answers THEN the breaker stays closed (they say nothing about the service)', async () => {
    const b = createBreaker({ threshold: 1 });
    await expect(withRetry(async () => Promise.reject(new LlmError('blocked', 'x')), b, noWait([]))).rejects.toBeTruthy();
    expect(b.state()).toBe('closed');
  });
});

describe('breaker', () => {
  it('GIVEN threshold failures THEN open; after cooldown one trial; its failure reopens', () => {
    let now = 0;
    const b = createBreaker({ threshold: 3, cooldownMs: 1000, clock: () => now });
    b.failure();
    b.failure();
    expect(b.tryPass()).toBe(true);
    b.failure();
    expect(b.tryPass()).toBe(false);
    now = 1000;
    expect(b.tryPass()).toBe(true);
    expect(b.tryPass()).toBe(false);
    b.failure();
    expect(b.state()).toBe('open');
    now = 2000;
    expect(b.tryPass()).toBe(true);
    b.success();
    expect(b.state()).toBe('closed');
  });
});

describe('timing helpers', () => {
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
