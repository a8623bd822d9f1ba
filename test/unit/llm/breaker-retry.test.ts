import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBreaker } from '../../../src/llm/breaker.js';
import { withRetry } from '../../../src/llm/retry.js';
import { BreakerOpenError } from '../../../src/kit/index.js';
import { LlmError } from '../../../src/llm/types.js';
import { skewWallClock } from '../../helpers/wall-clock.js';

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
  let clock: ReturnType<typeof skewWallClock>;
  beforeEach(() => {
    clock = skewWallClock();
  });
  afterEach(() => clock.restore());

  it('GIVEN threshold failures THEN open; after cooldown one trial; its failure reopens', async () => {
    const b = createBreaker({ threshold: 3, cooldownMs: 1000 });
    let runs = 0;
    const fail = () => b.execute(async () => (runs++, Promise.reject(new LlmError('server', 'x'))));
    const ok = () => b.execute(async () => (runs++, 'ok'));
    await expect(fail()).rejects.toMatchObject({ kind: 'server' });
    await expect(fail()).rejects.toMatchObject({ kind: 'server' });
    expect(b.state()).toBe('closed');
    await expect(fail()).rejects.toMatchObject({ kind: 'server' });
    expect(b.state()).toBe('open');
    await expect(ok()).rejects.toBeInstanceOf(BreakerOpenError);
    expect(runs).toBe(3);
    clock.advance(1000);
    let failTrial!: () => void;
    const trial = b.execute(() => new Promise((_resolve, reject) => (failTrial = () => reject(new LlmError('server', 'x')))));
    expect(b.state()).toBe('half-open');
    await expect(ok()).rejects.toBeInstanceOf(BreakerOpenError);
    expect(runs).toBe(3);
    failTrial();
    await expect(trial).rejects.toMatchObject({ kind: 'server' });
    expect(b.state()).toBe('open');
    await expect(ok()).rejects.toBeInstanceOf(BreakerOpenError);
    clock.advance(1000);
    await expect(ok()).resolves.toBe('ok');
    expect(b.state()).toBe('closed');
    expect(runs).toBe(4);
  });

  it('GIVEN the breaker is open THEN a call is refused as circuit-open, saying when it retries, without running', async () => {
    const b = createBreaker({ threshold: 1, cooldownMs: 30_000 });
    await expect(withRetry(async () => Promise.reject(new LlmError('server', 'x')), b, { ...noWait([]), retries: 0 })).rejects.toMatchObject({ kind: 'server' });
    let ran = false;
    const e = await withRetry(async () => (ran = true), b, noWait([])).catch((x: unknown) => x);
    expect(e).toMatchObject({ kind: 'circuit-open', message: expect.stringMatching(/paused.*retrying in 30 s/) });
    expect(ran).toBe(false);
  });

  it('GIVEN a neutral answer (blocked) between failures THEN the count starts again', async () => {
    const b = createBreaker({ threshold: 2 });
    const fail = (kind: LlmError['kind']) => b.execute(async () => Promise.reject(new LlmError(kind, 'x'))).catch(() => undefined);
    await fail('server');
    await fail('blocked');
    await fail('server');
    expect(b.state()).toBe('closed');
    await fail('server');
    expect(b.state()).toBe('open');
  });
});
