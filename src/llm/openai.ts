import { scrubSecrets } from '../log.js';
import { toBreaker, type Breaker, type BreakerOptions } from './breaker.js';
import { withRetry, type RetryOptions } from './retry.js';
import { deadline, errorMessage } from '../kit/index.js';
import { LlmError, type GenerateRequest, type GenerateResult, type LlmProvider } from './types.js';

export interface OpenAiProviderOptions {
  /** Server root, e.g. http://127.0.0.1:11434 (a trailing /v1 is accepted). */
  baseUrl: string;
  model: string;
  apiKey?: string;
  embedModel?: string;
  /**
   * Embedding size (OPENAI_EMBED_DIMS): reported up front, sent as `dimensions` while the server accepts it,
   * and checked on every answer. Left out (or 0): learnt from the first answer.
   */
  embedDims?: number;
  timeoutMs?: number;
  retry?: RetryOptions;
  breaker?: Breaker | BreakerOptions;
  fetch?: typeof globalThis.fetch;
  clock?: () => number;
  /** Texts per /v1/embeddings request (default 100). */
  embedBatch?: number;
}

interface ChatAnswer {
  choices?: { message?: { content?: string | null }; finish_reason?: string }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number };
}
interface EmbedAnswer {
  data?: { index?: number; embedding?: number[] }[];
}

/** Any OpenAI-compatible server (Ollama, vLLM, LM Studio, llama.cpp) over plain fetch. */
export function createOpenAiProvider(opts: OpenAiProviderOptions): LlmProvider {
  const root = opts.baseUrl.replace(/\/+$/, '').replace(/\/v1$/, '');
  const doFetch = opts.fetch ?? globalThis.fetch;
  const clock = opts.clock ?? Date.now;
  const timeoutMs = opts.timeoutMs ?? 20_000;
  const batch = opts.embedBatch ?? 100;
  const breaker = toBreaker(opts.breaker);
  const embedModel = opts.embedModel ?? opts.model;
  const wantDims = opts.embedDims !== undefined && opts.embedDims > 0 ? opts.embedDims : undefined;
  let embedDims = wantDims ?? 0;
  /** Set once the server refused `dimensions` (older models and servers); later requests leave it out. */
  let dimensionsUnsupported = false;
  /** Set once the server refused `json_schema`; later calls ask for `json_object` directly. */
  let schemaUnsupported = false;

  async function post<T>(path: string, body: unknown, outer?: AbortSignal): Promise<T> {
    const d = deadline(timeoutMs, outer);
    try {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (opts.apiKey) headers.authorization = `Bearer ${opts.apiKey}`;
      const res = await doFetch(`${root}${path}`, { method: 'POST', headers, body: JSON.stringify(body), signal: d.signal });
      const text = await res.text();
      if (!res.ok) {
        const msg = scrubSecrets(text.slice(0, 300), [opts.apiKey]);
        if (res.status === 401 || res.status === 403) throw new LlmError('auth', 'the API key was refused (check OPENAI_API_KEY)');
        if (res.status === 429) {
          const after = Number(res.headers.get('retry-after'));
          throw new LlmError('rate-limit', 'rate limited by the provider', Number.isFinite(after) && after > 0 ? after * 1000 : undefined);
        }
        if (res.status >= 500) throw new LlmError('server', `provider error ${res.status}`);
        throw new LlmError('bad-request', `request refused (${res.status}): ${msg}`);
      }
      try {
        return JSON.parse(text) as T;
      } catch {
        throw new LlmError('server', 'provider sent a response that is not JSON');
      }
    } catch (e) {
      if (e instanceof LlmError) throw e;
      if (d.timedOut()) throw new LlmError('timeout', 'the model did not answer in time');
      throw new LlmError('network', scrubSecrets(errorMessage(e), [opts.apiKey]));
    } finally {
      d.done();
    }
  }

  return {
    name: 'openai',
    model: opts.model,
    embedModel,
    get embedDims() {
      return embedDims;
    },

    async generate(req: GenerateRequest): Promise<GenerateResult> {
      const started = clock();
      const messages = [
        { role: 'system', content: req.system },
        ...req.messages.map((m) => ({ role: m.role === 'model' ? 'assistant' : 'user', content: m.text })),
      ];
      const body = (schema: boolean) => ({
        model: opts.model,
        messages,
        ...(req.temperature !== undefined ? { temperature: req.temperature } : {}),
        ...(req.maxOutputTokens !== undefined ? { max_tokens: req.maxOutputTokens } : {}),
        response_format: schema
          ? { type: 'json_schema', json_schema: { name: req.use.replace(/[^\w-]/g, '_'), schema: req.schema, strict: false } }
          : { type: 'json_object' },
      });
      const once = async (): Promise<ChatAnswer> => {
        if (!schemaUnsupported) {
          try {
            return await post<ChatAnswer>('/v1/chat/completions', body(true), req.signal);
          } catch (e) {
            if (!(e instanceof LlmError && e.kind === 'bad-request')) throw e;
            schemaUnsupported = true; // older servers know only json_object
          }
        }
        return post<ChatAnswer>('/v1/chat/completions', body(false), req.signal);
      };
      const a = await withRetry(once, breaker, opts.retry, req.signal);
      const choice = a.choices?.[0];
      const text = choice?.message?.content ?? '';
      const finishReason = choice?.finish_reason ?? 'unknown';
      if (finishReason === 'content_filter') throw new LlmError('blocked', 'the answer was blocked (content_filter)');
      if (!choice || text.trim() === '') throw new LlmError('empty', 'the model returned an empty answer');
      return {
        text,
        finishReason,
        usage: { promptTokens: a.usage?.prompt_tokens ?? 0, outputTokens: a.usage?.completion_tokens ?? 0 },
        latencyMs: clock() - started,
      };
    },

    async embed(texts, o = {}) {
      const vectors: Float32Array[] = [];
      let requests = 0;
      for (let i = 0; i < texts.length; i += batch) {
        const chunk = texts.slice(i, i + batch);
        const ask = (dims: number | undefined) => {
          requests++;
          return post<EmbedAnswer>('/v1/embeddings', { model: embedModel, input: chunk, ...(dims ? { dimensions: dims } : {}) }, o.signal);
        };
        const once = async (): Promise<EmbedAnswer> => {
          if (wantDims && !dimensionsUnsupported) {
            try {
              return await ask(wantDims);
            } catch (e) {
              if (!(e instanceof LlmError && e.kind === 'bad-request')) throw e;
              dimensionsUnsupported = true; // the answer's size is still checked below
            }
          }
          return ask(undefined);
        };
        const a = await withRetry(once, breaker, opts.retry, o.signal);
        const data = [...(a.data ?? [])].sort((x, y) => (x.index ?? 0) - (y.index ?? 0));
        if (data.length !== chunk.length) throw new LlmError('server', 'embedding count mismatch');
        for (const d of data) {
          const v = Float32Array.from(d.embedding ?? []);
          if (wantDims && v.length !== wantDims) {
            throw new LlmError(
              'bad-request',
              `the embedding model ${embedModel} returned ${v.length}-dimensional vectors, but OPENAI_EMBED_DIMS is ${wantDims}: set OPENAI_EMBED_DIMS=${v.length}`,
            );
          }
          vectors.push(v);
        }
      }
      if (vectors.length > 0 && embedDims === 0) embedDims = vectors[0].length;
      return { vectors, requests };
    },

    /** Estimate (OpenAI-compatible servers have no common count endpoint): ~4 characters a token. */
    async countTokens(req) {
      const chars = req.system.length + req.messages.reduce((n, m) => n + m.text.length, 0);
      return Math.ceil(chars / 4);
    },
  };
}
