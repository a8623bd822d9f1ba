/**
 * A Gemini API emulator for tests and the bench: `POST /v1beta/models/{model}:{generateContent|embedContent|
 * batchEmbedContents|countTokens}` on 127.0.0.1 (random port), answering in Google's JSON shapes. The real
 * @google/generative-ai SDK talks to it through `baseUrl`.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerDelay } from './delay.js';

export type GeminiKind = 'generateContent' | 'embedContent' | 'batchEmbedContents' | 'countTokens';

export type GeminiFault =
  | { kind: '429'; retryDelay?: string }
  | { kind: '500' | '503' | 'invalid-key' | 'safety' | 'blocked-prompt' | 'empty' | 'malformed' | 'not-json' }
  | { kind: 'slow'; ms: number };

/** A scripted answer: raw text, a value sent as JSON text, or full control of the candidate. */
export type GeminiAnswer = string | { json: unknown } | { text: string; finishReason?: string };

export interface GeminiRequest {
  kind: GeminiKind;
  model: string;
  // parsed JSON request body as received (shape depends on kind)
  body: Record<string, unknown>;
  /** System instruction and all message texts of a generateContent request, joined. */
  prompt: string;
  system: string;
}

export interface GeminiEmulatorOptions {
  apiKey?: string;
  /** Added to every answer (the bench's fixed latency). */
  latencyMs?: number;
}

const tokensOf = (s: string) => Math.ceil(s.length / 4);

/** Deterministic unit-ish vector from the text (xorshift seeded by sha256): same text, same vector. */
export function fakeEmbedding(text: string, dims: number): number[] {
  const h = createHash('sha256').update(text).digest();
  let x = h.readUInt32LE(0) || 1;
  const out = new Array<number>(dims);
  for (let i = 0; i < dims; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = Math.round(((x / 0xffffffff) * 2 - 1) * 1e5) / 1e5;
  }
  return out;
}

function textsOf(content: unknown): string {
  const parts = (content as { parts?: { text?: string }[] } | undefined)?.parts ?? [];
  return parts.map((p) => p.text ?? '').join('');
}

export async function startGeminiEmulator(opts: GeminiEmulatorOptions = {}) {
  const apiKey = opts.apiKey ?? 'test-gemini-key-123456';
  const counts: Record<GeminiKind, number> = { generateContent: 0, embedContent: 0, batchEmbedContents: 0, countTokens: 0 };
  const requests: GeminiRequest[] = [];
  const answers: GeminiAnswer[] = [];
  const faults: { fault: GeminiFault; on: GeminiKind[] }[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const state = {
    latencyMs: opts.latencyMs ?? 0,
    responder: null as ((r: GeminiRequest) => GeminiAnswer) | null,
  };

  const wait = answerDelay(timers);

  const send = (res: ServerResponse, status: number, body: unknown) => {
    if (res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
  const error = (res: ServerResponse, code: number, status: string, message: string, details?: unknown[]) =>
    send(res, code, { error: { code, message, status, ...(details ? { details } : {}) } });

  function generateAnswer(req: GeminiRequest): GeminiAnswer {
    if (answers.length > 0) return answers.shift()!;
    if (state.responder) return state.responder(req);
    return { json: {} };
  }

  function candidate(text: string, finishReason = 'STOP') {
    return {
      content: { parts: [{ text }], role: 'model' },
      finishReason,
      index: 0,
      safetyRatings: [{ category: 'HARM_CATEGORY_DANGEROUS_CONTENT', probability: finishReason === 'SAFETY' ? 'HIGH' : 'NEGLIGIBLE' }],
    };
  }

  async function handle(req: IncomingMessage, res: ServerResponse, raw: string) {
    const m = /^\/v1beta\/models\/([^/:]+):(generateContent|embedContent|batchEmbedContents|countTokens)$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !m) return error(res, 404, 'NOT_FOUND', `unknown path ${req.method} ${req.url}`);
    const kind = m[2] as GeminiKind;
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return error(res, 400, 'INVALID_ARGUMENT', 'Invalid JSON payload received.');
    }
    counts[kind]++;
    const system = textsOf(body.systemInstruction);
    const contents = (body.contents as unknown[] | undefined) ?? [];
    const prompt = [system, ...contents.map(textsOf)].join('\n');
    const r: GeminiRequest = { kind, model: m[1], body, prompt, system };
    requests.push(r);
    const fi = faults.findIndex((f) => f.on.includes(kind));
    const fault = fi >= 0 ? faults.splice(fi, 1)[0].fault : null;
    if (!(await wait(state.latencyMs, res))) return;
    if (fault?.kind === 'slow' && !(await wait(fault.ms, res))) return;
    if (req.headers['x-goog-api-key'] !== apiKey || fault?.kind === 'invalid-key') {
      return error(res, 400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', [
        { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com', metadata: { service: 'generativelanguage.googleapis.com' } },
      ]);
    }
    if (fault?.kind === '429') {
      return error(res, 429, 'RESOURCE_EXHAUSTED', 'You exceeded your current quota, please check your plan and billing details.', [
        { '@type': 'type.googleapis.com/google.rpc.QuotaFailure', violations: [{ quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_requests' }] },
        { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: fault.retryDelay ?? '1s' },
      ]);
    }
    if (fault?.kind === '500') return error(res, 500, 'INTERNAL', 'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting');
    if (fault?.kind === '503') return error(res, 503, 'UNAVAILABLE', 'The model is overloaded. Please try again later.');
    if (fault?.kind === 'not-json') return send(res, 200, '<html>502 Bad Gateway</html>');

    if (kind === 'countTokens') {
      const g = (body.generateContentRequest ?? body) as Record<string, unknown>;
      const n = tokensOf([textsOf(g.systemInstruction), ...((g.contents as unknown[]) ?? []).map(textsOf)].join('\n'));
      return send(res, 200, { totalTokens: n, promptTokensDetails: [{ modality: 'TEXT', tokenCount: n }] });
    }
    if (kind === 'embedContent' || kind === 'batchEmbedContents') {
      const reqs = kind === 'embedContent' ? [body] : ((body.requests as Record<string, unknown>[]) ?? []);
      if (reqs.length > 100) return error(res, 400, 'INVALID_ARGUMENT', '* BatchEmbedContentsRequest.requests: at most 100 requests can be in one batch');
      const embeddings = reqs.map((q) => ({ values: fakeEmbedding(textsOf(q.content), Number(q.outputDimensionality ?? 3072)) }));
      return send(res, 200, kind === 'embedContent' ? { embedding: embeddings[0] } : { embeddings });
    }
    // generateContent
    const usage = (out: string) => ({ promptTokenCount: tokensOf(prompt), candidatesTokenCount: tokensOf(out), totalTokenCount: tokensOf(prompt) + tokensOf(out) });
    if (fault?.kind === 'blocked-prompt') {
      return send(res, 200, { promptFeedback: { blockReason: 'SAFETY', safetyRatings: [{ category: 'HARM_CATEGORY_HARASSMENT', probability: 'HIGH' }] }, usageMetadata: usage('') });
    }
    if (fault?.kind === 'empty') return send(res, 200, { candidates: [], usageMetadata: usage('') });
    if (fault?.kind === 'safety') return send(res, 200, { candidates: [{ ...candidate('', 'SAFETY'), content: { parts: [], role: 'model' } }], usageMetadata: usage('') });
    if (fault?.kind === 'malformed') return send(res, 200, { candidates: [candidate('{"picks": [{"id": "a", "reason": ')], usageMetadata: usage('{"picks"') });
    const a = generateAnswer(r);
    const text = typeof a === 'string' ? a : 'json' in a ? JSON.stringify(a.json) : a.text;
    const finish = typeof a === 'object' && 'finishReason' in a && a.finishReason ? a.finishReason : 'STOP';
    return send(res, 200, { candidates: [candidate(text, finish)], usageMetadata: usage(text), modelVersion: m[1] });
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks).toString('utf8')).catch((e: unknown) => error(res, 500, 'INTERNAL', String(e)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    counts,
    requests,
    /** Queues answers for the next generateContent requests. */
    reply(...a: GeminiAnswer[]) {
      answers.push(...a);
    },
    /** Answers generateContent requests once the queue is empty. */
    respond(fn: ((r: GeminiRequest) => GeminiAnswer) | null) {
      state.responder = fn;
    },
    /** Queues a fault for the next `times` requests of the given kinds (default generateContent). */
    fault(f: GeminiFault, times = 1, on: GeminiKind[] = ['generateContent']) {
      for (let i = 0; i < times; i++) faults.push({ fault: f, on });
    },
    setLatency(ms: number) {
      state.latencyMs = ms;
    },
    total: () => Object.values(counts).reduce((a, b) => a + b, 0),
    reset() {
      answers.length = 0;
      faults.length = 0;
      requests.length = 0;
      state.responder = null;
      for (const k of Object.keys(counts) as GeminiKind[]) counts[k] = 0;
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
export type GeminiEmulator = Awaited<ReturnType<typeof startGeminiEmulator>>;
