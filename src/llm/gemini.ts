import { GoogleGenerativeAI, type Content, type ModelParams, type RequestOptions, type ResponseSchema } from '@google/generative-ai';
import { toBreaker, type Breaker, type BreakerOptions } from './breaker.js';
import { readAnswer, toLlmError } from './gemini-errors.js';
import { withRetry, type RetryOptions } from './retry.js';
import { deadline } from '../kit/index.js';
import type { ChatMessage, GenerateRequest, GenerateResult, LlmProvider } from './types.js';

export interface GeminiProviderOptions {
  apiKey: string;
  model?: string;
  embedModel?: string;
  embedDims?: number;
  /** GEMINI_BASE_URL (e.g. an emulator); passed as `baseUrl` to every model. */
  baseUrl?: string;
  /** Per attempt (default 20 s), enforced with an AbortSignal, never with the SDK's timer. */
  timeoutMs?: number;
  retry?: RetryOptions;
  breaker?: Breaker | BreakerOptions;
  clock?: () => number;
}

/** Texts per batchEmbedContents request (the API's limit). */
export const GEMINI_EMBED_BATCH = 100;

function contents(messages: ChatMessage[]): Content[] {
  return messages.map((m) => ({ role: m.role, parts: [{ text: m.text }] }));
}

/** Gemini through @google/generative-ai: JSON answers against a schema, batched embeddings, token counts. */
export function createGeminiProvider(opts: GeminiProviderOptions): LlmProvider {
  const key = opts.apiKey;
  const modelName = opts.model ?? 'gemini-2.5-flash';
  const embedModel = opts.embedModel ?? 'gemini-embedding-001';
  const embedDims = opts.embedDims ?? 768;
  const timeoutMs = opts.timeoutMs ?? 20_000;
  const clock = opts.clock ?? Date.now;
  const breaker = toBreaker(opts.breaker);
  const sdk = new GoogleGenerativeAI(key);
  // no `timeout` here: the SDK would start a timer that outlives the call
  const requestOptions: RequestOptions = opts.baseUrl ? { baseUrl: opts.baseUrl.replace(/\/+$/, '') } : {};
  const model = (params: ModelParams) => sdk.getGenerativeModel(params, requestOptions);

  /** One attempt under its own deadline; the SDK only sees our signal. */
  async function attempt<T>(outer: AbortSignal | undefined, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const d = deadline(timeoutMs, outer);
    try {
      return await run(d.signal);
    } catch (e) {
      throw toLlmError(e, key, d.timedOut());
    } finally {
      d.done();
    }
  }

  return {
    name: 'gemini',
    model: modelName,
    embedModel,
    embedDims,

    async generate(req: GenerateRequest): Promise<GenerateResult> {
      const m = model({
        model: modelName,
        systemInstruction: req.system,
        generationConfig: {
          responseMimeType: 'application/json',
          // our JsonSchema is the subset Gemini documents; the SDK's type is a stricter union of the same shapes
          responseSchema: req.schema as unknown as ResponseSchema,
          ...(req.temperature !== undefined ? { temperature: req.temperature } : {}),
          ...(req.maxOutputTokens !== undefined ? { maxOutputTokens: req.maxOutputTokens } : {}),
        },
      });
      const started = clock();
      return withRetry(
        () =>
          attempt(req.signal, async (signal) => {
            const { response } = await m.generateContent({ contents: contents(req.messages) }, { signal });
            const { text, finishReason } = readAnswer(response);
            // thinking models bill their thoughts as output; the SDK's type predates `thoughtsTokenCount`
            const u = response.usageMetadata as (typeof response.usageMetadata & { thoughtsTokenCount?: number }) | undefined;
            return {
              text,
              finishReason,
              usage: { promptTokens: u?.promptTokenCount ?? 0, outputTokens: (u?.candidatesTokenCount ?? 0) + (u?.thoughtsTokenCount ?? 0) },
              latencyMs: clock() - started,
            };
          }),
        breaker,
        opts.retry,
        req.signal,
      );
    },

    async embed(texts, o = {}) {
      const m = model({ model: embedModel });
      const vectors: Float32Array[] = [];
      let requests = 0;
      for (let i = 0; i < texts.length; i += GEMINI_EMBED_BATCH) {
        const chunk = texts.slice(i, i + GEMINI_EMBED_BATCH);
        const out = await withRetry(
          () =>
            attempt(o.signal, (signal) => {
              requests++;
              return m.batchEmbedContents(
                {
                  requests: chunk.map((t) => ({
                    content: { role: 'user', parts: [{ text: t }] },
                    // sent as-is to the API; the SDK's type predates outputDimensionality
                    outputDimensionality: embedDims,
                  })) as unknown as { content: Content }[],
                },
                { signal },
              );
            }),
          breaker,
          opts.retry,
          o.signal,
        );
        if (!Array.isArray(out.embeddings) || out.embeddings.length !== chunk.length) {
          throw toLlmError(new SyntaxError('embedding count mismatch'), key, false);
        }
        for (const e of out.embeddings) vectors.push(Float32Array.from(e.values));
      }
      return { vectors, requests };
    },

    async countTokens(req) {
      const m = model({ model: modelName, systemInstruction: req.system });
      const r = await withRetry(
        () => attempt(undefined, (signal) => m.countTokens({ contents: contents(req.messages) }, { signal })),
        breaker,
        opts.retry,
      );
      return r.totalTokens;
    },
  };
}
