import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config.js';
import { createCachedEmbedder, createMemoryEmbeddingCache } from '../../../src/embed/cached.js';
import { createGeminiEmbedder } from '../../../src/embed/gemini.js';
import { createOpenAiEmbedder } from '../../../src/embed/openai.js';
import { createProvider } from '../../../src/llm/create.js';
import { createOpenAiProvider } from '../../../src/llm/openai.js';
import { LlmError } from '../../../src/llm/types.js';
import { startGeminiEmulator, type GeminiEmulator } from '../../emulators/gemini.js';
import { startOpenAiEmulator, type OpenAiEmulator } from '../../emulators/openai.js';
import { ctx, fastRetry, geminiFor, ids, movies, usesFor } from './harness.js';

let gem: GeminiEmulator;
let oai: OpenAiEmulator;
beforeAll(async () => {
  gem = await startGeminiEmulator();
  oai = await startOpenAiEmulator({ apiKey: 'sk-local-123456', rejectJsonSchema: true });
});
afterAll(async () => {
  await gem.close();
  await oai.close();
});

const convo = { request: 'crime', history: [], candidates: movies, offlineOrder: ids, count: 2 };

describe('OpenAI-compatible provider', () => {
  it('GIVEN a server without json_schema THEN it falls back to json_object once and the use works', async () => {
    const p = createOpenAiProvider({ baseUrl: `${oai.url}/v1`, model: 'llama3.1', apiKey: 'sk-local-123456', retry: fastRetry() });
    const { uses } = usesFor(p);
    oai.reply({ json: { picks: [{ id: 'm4', reason: 'r' }] } }, { json: { rating: 4, why: 'w' } });
    const r = await uses.conversation(ctx(), convo);
    expect(r.ok && r.value.picks.map((x) => x.id)).toEqual(['m4', 'm1']);
    await uses.predict(ctx(), { ratings: [], target: movies[0] });
    const formats = oai.requests.filter((q) => q.path === '/v1/chat/completions').map((q) => (q.body.response_format as { type: string }).type);
    expect(oai.counts.rejectedJsonSchema).toBe(1);
    expect(formats).toEqual(['json_object', 'json_object']);
  });

  it('GIVEN a wrong key THEN the use fails as llm-failed and nothing retries', async () => {
    const before = oai.counts.chat;
    const p = createOpenAiProvider({ baseUrl: oai.url, model: 'm', apiKey: 'sk-wrong-000000', retry: fastRetry() });
    const r = await usesFor(p).uses.predict(ctx(), { ratings: [], target: movies[0] });
    expect(r).toMatchObject({ ok: false, reason: 'llm-failed' });
    expect(oai.counts.chat).toBe(before);
  });

  it('GIVEN a 429 with Retry-After THEN the wait honours it and the retry answers', async () => {
    const delays: number[] = [];
    const p = createOpenAiProvider({ baseUrl: oai.url, model: 'm', apiKey: 'sk-local-123456', retry: fastRetry(delays) });
    oai.fault({ kind: '429', retryAfterS: 2 });
    oai.reply({ json: { ok: 1 } });
    const r = await p.generate({ use: 't', system: 's', messages: [{ role: 'user', text: 'x' }], schema: { type: 'object' } });
    expect(JSON.parse(r.text)).toEqual({ ok: 1 });
    expect(delays).toEqual([2000]);
  });

  it('GIVEN an empty or filtered answer THEN it is a typed failure', async () => {
    const p = createOpenAiProvider({ baseUrl: oai.url, model: 'm', apiKey: 'sk-local-123456', retry: fastRetry() });
    const req = { use: 't', system: 's', messages: [{ role: 'user' as const, text: 'x' }], schema: { type: 'object' as const } };
    oai.fault({ kind: 'empty' });
    await expect(p.generate(req)).rejects.toMatchObject({ kind: 'empty' });
    oai.fault({ kind: 'filter' });
    oai.reply('{}');
    await expect(p.generate(req)).rejects.toBeInstanceOf(LlmError);
  });

  it('GIVEN texts THEN the OpenAI embedder learns the size and normalises', async () => {
    const p = createOpenAiProvider({ baseUrl: oai.url, model: 'm', embedModel: 'nomic', apiKey: 'sk-local-123456' });
    const e = createOpenAiEmbedder(p);
    const [v] = await e.embed(['hello']);
    expect(e.dims).toBe(384);
    expect(e.model).toBe('openai:nomic:384');
    expect(Math.hypot(...v)).toBeCloseTo(1, 5);
  });
});

describe('createProvider', () => {
  it('GIVEN LLM_PROVIDER=none or no key THEN there is no provider', () => {
    expect(createProvider(parseConfig({}))).toBeNull();
    expect(createProvider(parseConfig({ LLM_PROVIDER: 'none', GEMINI_API_KEY: 'k' }))).toBeNull();
  });

  it('GIVEN a Gemini key and base URL THEN the provider talks to that URL', async () => {
    const p = createProvider(parseConfig({ GEMINI_API_KEY: gem.apiKey, GEMINI_BASE_URL: gem.url, GEMINI_MODEL: 'gm' }), { retry: fastRetry() });
    expect(p?.name).toBe('gemini');
    gem.reply({ json: { ok: true } });
    await p!.generate({ use: 't', system: 's', messages: [{ role: 'user', text: 'x' }], schema: { type: 'object' } });
    expect(gem.requests.at(-1)?.model).toBe('gm');
  });

  it('GIVEN LLM_PROVIDER=openai THEN the OpenAI-compatible provider is built', () => {
    const p = createProvider(parseConfig({ LLM_PROVIDER: 'openai', OPENAI_BASE_URL: oai.url, OPENAI_MODEL: 'llama3.1' }));
    expect(p?.name).toBe('openai');
  });
});

describe('embeddings through Gemini and the cache', () => {
  it('GIVEN 1,050 texts THEN the Gemini embedder makes 11 requests of 768-dim unit vectors with a stable model id', async () => {
    gem.reset();
    const e = createGeminiEmbedder(geminiFor(gem, { embedModel: 'gemini-embedding-001', embedDims: 768 }));
    expect(e.model).toBe('gemini:gemini-embedding-001:768');
    const texts = Array.from({ length: 1050 }, (_, i) => `text ${i}`);
    const vs = await e.embed(texts);
    expect(vs).toHaveLength(1050);
    expect(vs[7]).toHaveLength(768);
    expect(Math.hypot(...vs[7])).toBeCloseTo(1, 5);
    expect(gem.counts.batchEmbedContents).toBe(11);
    const again = await e.embed(['text 7']);
    expect(Array.from(again[0])).toEqual(Array.from(vs[7]));
  });

  it('GIVEN a catalog embedded once THEN re-embedding it costs no request and a changed item costs one', async () => {
    gem.reset();
    const cache = createMemoryEmbeddingCache();
    const e = createCachedEmbedder(createGeminiEmbedder(geminiFor(gem)), cache);
    const texts = Array.from({ length: 300 }, (_, i) => `item ${i}`);
    const first = await e.embed([...texts, texts[0]]);
    expect(e.stats()).toEqual({ requests: 3, cached: 0, embedded: 300 });
    expect(Array.from(first[300])).toEqual(Array.from(first[0]));
    await e.embed(texts);
    expect(e.stats()).toEqual({ requests: 3, cached: 300, embedded: 300 });
    await e.embed([...texts.slice(1), 'item 0 (edited)']);
    expect(e.stats()).toMatchObject({ requests: 4, embedded: 301 });
    expect(gem.counts.batchEmbedContents).toBe(4);
  });

  it('GIVEN a failing embedding service THEN the error is typed (the caller falls back to the local embedder)', async () => {
    gem.reset();
    gem.fault({ kind: '503' }, 3, ['batchEmbedContents']);
    const e = createGeminiEmbedder(geminiFor(gem));
    await expect(e.embed(['a'])).rejects.toMatchObject({ kind: 'server' });
  });
});
