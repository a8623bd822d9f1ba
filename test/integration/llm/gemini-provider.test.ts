import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { createBreaker } from '../../../src/llm/breaker.js';
import { createGeminiProvider } from '../../../src/llm/gemini.js';
import { LlmError, type GenerateRequest } from '../../../src/llm/types.js';
import { skewWallClock } from '../../helpers/wall-clock.js';
import { startGeminiEmulator, type GeminiEmulator } from '../../emulators/gemini.js';
import { fastRetry, geminiFor } from './harness.js';

let emu: GeminiEmulator;
beforeAll(async () => {
  emu = await startGeminiEmulator();
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const req: GenerateRequest = {
  use: 'test',
  system: 'answer in JSON',
  messages: [{ role: 'user', text: 'hello' }],
  schema: { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] },
};

async function failure(p: Promise<unknown>): Promise<LlmError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(LlmError);
    return e as LlmError;
  }
  throw new Error('expected a failure');
}

describe('Gemini provider through the real SDK', () => {
  it('GIVEN a JSON answer THEN text, usage and finish reason come back, and the request carries schema and system', async () => {
    emu.reply({ json: { ok: true } });
    const r = await geminiFor(emu).generate(req);
    expect(JSON.parse(r.text)).toEqual({ ok: true });
    expect(r.usage.promptTokens).toBeGreaterThan(0);
    expect(r.usage.outputTokens).toBeGreaterThan(0);
    expect(r.finishReason).toBe('STOP');
    const body = emu.requests[0].body as { generationConfig: Record<string, unknown> };
    expect(emu.requests[0].model).toBe('gemini-test');
    expect(body.generationConfig.responseMimeType).toBe('application/json');
    expect(body.generationConfig.responseSchema).toEqual(req.schema);
    expect(emu.requests[0].system).toBe('answer in JSON');
  });

  it('GIVEN a wrong key THEN the call fails as auth without retrying and the error does not contain the key', async () => {
    const p = createGeminiProvider({ apiKey: 'wrong-key-abcdef', baseUrl: emu.url, retry: fastRetry() });
    const e = await failure(p.generate(req));
    expect(e.kind).toBe('auth');
    expect(emu.counts.generateContent).toBe(1);
    expect(e.message).not.toContain('wrong-key-abcdef');
  });

  it('GIVEN a 429 with RetryInfo "1s" THEN the provider waits the server delay and succeeds on retry', async () => {
    const delays: number[] = [];
    emu.fault({ kind: '429', retryDelay: '1s' });
    emu.reply({ json: { ok: true } });
    const r = await geminiFor(emu, { retry: fastRetry(delays) }).generate(req);
    expect(JSON.parse(r.text)).toEqual({ ok: true });
    expect(delays).toEqual([1000]);
    expect(emu.counts.generateContent).toBe(2);
  });

  it('GIVEN 429 every time THEN it gives up after the retries as rate-limit, with the delay in the error', async () => {
    emu.fault({ kind: '429', retryDelay: '2.5s' }, 3);
    const e = await failure(geminiFor(emu).generate(req));
    expect(e.kind).toBe('rate-limit');
    expect(e.retryAfterMs).toBe(2500);
    expect(emu.counts.generateContent).toBe(3);
  });

  it.each([
    ['500', 'server'],
    ['503', 'server'],
    ['not-json', 'server'],
  ] as const)('GIVEN a %s on every attempt THEN it retries, then fails as %s', async (kind, expected) => {
    emu.fault({ kind }, 3);
    const delays: number[] = [];
    const e = await failure(geminiFor(emu, { retry: fastRetry(delays) }).generate(req));
    expect(e.kind).toBe(expected);
    expect(emu.counts.generateContent).toBe(3);
    expect(delays).toHaveLength(2);
  });

  it('GIVEN one 503 THEN the second attempt answers', async () => {
    emu.fault({ kind: '503' });
    emu.reply({ json: { ok: true } });
    expect(JSON.parse((await geminiFor(emu).generate(req)).text)).toEqual({ ok: true });
  });

  it.each([
    ['safety', 'blocked'],
    ['blocked-prompt', 'blocked'],
    ['empty', 'empty'],
  ] as const)('GIVEN a %s answer THEN it fails as %s without retrying', async (kind, expected) => {
    emu.fault({ kind });
    const e = await failure(geminiFor(emu).generate(req));
    expect(e.kind).toBe(expected);
    expect(emu.counts.generateContent).toBe(1);
  });

  it('GIVEN a slow answer THEN the call times out through its own signal and leaves no timer behind', async () => {
    const before = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    emu.fault({ kind: 'slow', ms: 10_000 });
    const e = await failure(geminiFor(emu, { timeoutMs: 100 }).generate(req));
    expect(e.kind).toBe('timeout');
    await new Promise((r) => setImmediate(r));
    const after = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    expect(after).toBeLessThanOrEqual(before);
  });

  it('GIVEN the caller aborts THEN the call stops at once', async () => {
    emu.fault({ kind: 'slow', ms: 10_000 });
    const ctrl = new AbortController();
    const p = geminiFor(emu).generate({ ...req, signal: ctrl.signal });
    setTimeout(() => ctrl.abort(), 20);
    const e = await failure(p);
    expect(e.kind).toBe('timeout');
  });

  it('GIVEN repeated failures THEN the breaker opens and later calls make no request until the cooldown ends', async () => {
    const clock = skewWallClock();
    onTestFinished(() => clock.restore());
    const breaker = createBreaker({ threshold: 2, cooldownMs: 60_000 });
    const p = geminiFor(emu, { breaker, retry: { ...fastRetry(), retries: 0 } });
    emu.fault({ kind: '500' }, 2);
    await failure(p.generate(req));
    await failure(p.generate(req));
    expect(breaker.state()).toBe('open');
    const e = await failure(p.generate(req));
    expect(e.kind).toBe('circuit-open');
    expect(emu.counts.generateContent).toBe(2);
    clock.advance(60_000);
    emu.reply({ json: { ok: true } });
    await p.generate(req);
    expect(breaker.state()).toBe('closed');
    expect(emu.counts.generateContent).toBe(3);
  });

  it('GIVEN texts to embed THEN they go in batches of at most 100 at the configured size', async () => {
    const texts = Array.from({ length: 250 }, (_, i) => `item ${i}`);
    const r = await geminiFor(emu, { embedModel: 'embed-test', embedDims: 768 }).embed(texts);
    expect(r.requests).toBe(3);
    expect(emu.counts.batchEmbedContents).toBe(3);
    expect(r.vectors).toHaveLength(250);
    expect(r.vectors[0]).toHaveLength(768);
    const first = emu.requests[0].body as { requests: { outputDimensionality: number; model: string }[] };
    expect(first.requests).toHaveLength(100);
    expect(first.requests[0].outputDimensionality).toBe(768);
    expect(emu.requests[0].model).toBe('embed-test');
  });

  it('GIVEN a prompt THEN countTokens asks the server', async () => {
    const n = await geminiFor(emu).countTokens({ system: 'sys', messages: [{ role: 'user', text: 'x'.repeat(400) }] });
    expect(n).toBeGreaterThanOrEqual(100);
    expect(emu.counts.countTokens).toBe(1);
  });
});
