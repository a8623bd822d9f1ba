import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../../src/config.js';
import { createOpenAiEmbedder } from '../../../src/embed/openai.js';
import { createProvider } from '../../../src/llm/create.js';
import { LlmError } from '../../../src/llm/types.js';
import { VectorIndex } from '../../../src/recsys/index/vector-index.js';
import { fakeEmbedding } from '../../emulators/gemini.js';

/**
 * An OpenAI-compatible /v1/embeddings answered in-process (no socket): `size` gets the request's `dimensions`
 * (undefined when it names none) and returns the vectors' length; `refuseDimensions` answers 400 to a request
 * that names one, as older models do.
 */
function embeddingServer(o: { size: (dimensions: number | undefined) => number; refuseDimensions?: boolean }) {
  const bodies: Record<string, unknown>[] = [];
  const fetch: typeof globalThis.fetch = async (_url, init) => {
    const body = JSON.parse(String(init?.body)) as { input: string[]; dimensions?: number };
    bodies.push(body);
    if (o.refuseDimensions && body.dimensions !== undefined) {
      return new Response(JSON.stringify({ error: { message: 'This model does not support specifying dimensions.' } }), { status: 400 });
    }
    const n = o.size(body.dimensions);
    const data = body.input.map((t, index) => ({ object: 'embedding', index, embedding: fakeEmbedding(t, n) }));
    return new Response(JSON.stringify({ object: 'list', data }), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { fetch, bodies };
}

const env = { LLM_PROVIDER: 'openai', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1', OPENAI_MODEL: 'llama3.1', OPENAI_EMBED_MODEL: 'nomic-embed-text' };
const noRetry = { retries: 0 };

describe('OPENAI_EMBED_DIMS', () => {
  it('GIVEN nothing set THEN it is 768; GIVEN a value out of 8..8192 THEN the config is refused', () => {
    expect(parseConfig(env).OPENAI_EMBED_DIMS).toBe(768);
    expect(parseConfig({ ...env, OPENAI_EMBED_DIMS: '1024' }).OPENAI_EMBED_DIMS).toBe(1024);
    for (const bad of ['4', '9000', 'big']) {
      expect(() => parseConfig({ ...env, OPENAI_EMBED_DIMS: bad })).toThrow(ConfigError);
    }
  });

  it('GIVEN LLM_PROVIDER=openai with an embedding model THEN the embedder has its size and model id before any request', () => {
    const { fetch, bodies } = embeddingServer({ size: (d) => d ?? 384 });
    const e = createOpenAiEmbedder(createProvider(parseConfig(env), { fetch })!);
    expect(e.dims).toBe(768);
    expect(e.model).toBe('openai:nomic-embed-text:768');
    expect(() => new VectorIndex({ model: e.model, dims: e.dims })).not.toThrow();
    expect(bodies).toHaveLength(0);
  });

  it('GIVEN a server that honours `dimensions` THEN the configured size is asked for and returned', async () => {
    const { fetch, bodies } = embeddingServer({ size: (d) => d ?? 384 });
    const e = createOpenAiEmbedder(createProvider(parseConfig({ ...env, OPENAI_EMBED_DIMS: '256' }), { fetch })!);
    const [v] = await e.embed(['hello']);
    expect(v).toHaveLength(256);
    expect(Math.hypot(...v)).toBeCloseTo(1, 5);
    expect(bodies[0]).toMatchObject({ model: 'nomic-embed-text', dimensions: 256 });
    expect(e.model).toBe('openai:nomic-embed-text:256');
  });

  it('GIVEN a server that refuses `dimensions` THEN it is dropped once and later requests leave it out', async () => {
    const { fetch, bodies } = embeddingServer({ size: () => 768, refuseDimensions: true });
    const e = createOpenAiEmbedder(createProvider(parseConfig(env), { fetch, retry: noRetry })!);
    expect(await e.embed(['a'])).toHaveLength(1);
    expect(await e.embed(['b'])).toHaveLength(1);
    expect(bodies.map((b) => b.dimensions)).toEqual([768, undefined, undefined]);
  });

  it('GIVEN a model that returns another size THEN the error names both sizes', async () => {
    const { fetch } = embeddingServer({ size: () => 384 });
    const e = createOpenAiEmbedder(createProvider(parseConfig(env), { fetch, retry: noRetry })!);
    const err = await e.embed(['hello']).catch((x: unknown) => x);
    expect(err).toBeInstanceOf(LlmError);
    expect((err as LlmError).message).toMatch(/384/);
    expect((err as LlmError).message).toMatch(/768/);
    expect((err as LlmError).message).toMatch(/OPENAI_EMBED_DIMS=384/);
    expect(e.dims).toBe(768);
  });
});
