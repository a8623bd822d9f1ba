/**
 * A small OpenAI-compatible emulator (as Ollama, vLLM or LM Studio serve it): `POST /v1/chat/completions` and
 * `POST /v1/embeddings` on 127.0.0.1, optional Bearer key, scripted answers and a few faults.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fakeEmbedding } from './gemini.js';
import { answerDelay } from './delay.js';

export type OpenAiFault = { kind: '429'; retryAfterS?: number } | { kind: '500' | 'empty' | 'filter' } | { kind: 'slow'; ms: number };
export type OpenAiAnswer = string | { json: unknown };

export interface OpenAiRequest {
  path: string;
  body: Record<string, unknown>;
  prompt: string;
}

export async function startOpenAiEmulator(opts: { apiKey?: string; dims?: number; rejectJsonSchema?: boolean; latencyMs?: number } = {}) {
  const dims = opts.dims ?? 384;
  const counts = { chat: 0, embeddings: 0, rejectedJsonSchema: 0 };
  const requests: OpenAiRequest[] = [];
  const answers: OpenAiAnswer[] = [];
  const faults: OpenAiFault[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const state = { responder: null as ((r: OpenAiRequest) => OpenAiAnswer) | null };

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    if (res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  const wait = answerDelay(timers);

  async function handle(req: IncomingMessage, res: ServerResponse, raw: string) {
    const path = req.url ?? '';
    if (opts.apiKey && req.headers.authorization !== `Bearer ${opts.apiKey}`) {
      return send(res, 401, { error: { message: 'Incorrect API key provided.', type: 'invalid_request_error', code: 'invalid_api_key' } });
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return send(res, 400, { error: { message: 'invalid JSON', type: 'invalid_request_error' } });
    }
    const format = (body.response_format as { type?: string } | undefined)?.type;
    if (opts.rejectJsonSchema && format === 'json_schema') {
      counts.rejectedJsonSchema++;
      return send(res, 400, { error: { message: "response_format type 'json_schema' is not supported", type: 'invalid_request_error' } });
    }
    const fault = faults.shift();
    if (!(await wait(opts.latencyMs ?? 0, res))) return;
    if (fault?.kind === 'slow' && !(await wait(fault.ms, res))) return;
    if (fault?.kind === '429') return send(res, 429, { error: { message: 'Rate limit reached', type: 'requests' } }, { 'retry-after': String(fault.retryAfterS ?? 1) });
    if (fault?.kind === '500') return send(res, 500, { error: { message: 'internal error', type: 'server_error' } });

    if (req.method === 'POST' && path === '/v1/embeddings') {
      counts.embeddings++;
      const input = Array.isArray(body.input) ? (body.input as string[]) : [String(body.input)];
      requests.push({ path, body, prompt: input.join('\n') });
      return send(res, 200, {
        object: 'list',
        data: input.map((t, index) => ({ object: 'embedding', index, embedding: fakeEmbedding(t, dims) })),
        model: body.model,
        usage: { prompt_tokens: input.join(' ').length >> 2, total_tokens: input.join(' ').length >> 2 },
      });
    }
    if (req.method === 'POST' && path === '/v1/chat/completions') {
      counts.chat++;
      const messages = (body.messages as { content: string }[]) ?? [];
      const prompt = messages.map((m) => m.content).join('\n');
      const r: OpenAiRequest = { path, body, prompt };
      requests.push(r);
      const a = fault?.kind === 'empty' ? '' : answers.length ? answers.shift()! : state.responder ? state.responder(r) : { json: {} };
      const content = typeof a === 'string' ? a : JSON.stringify(a.json);
      return send(res, 200, {
        id: `chatcmpl-${counts.chat}`,
        object: 'chat.completion',
        created: 1_700_000_000,
        model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: fault?.kind === 'filter' ? 'content_filter' : 'stop' }],
        usage: { prompt_tokens: Math.ceil(prompt.length / 4), completion_tokens: Math.ceil(content.length / 4), total_tokens: 0 },
      });
    }
    return send(res, 404, { error: { message: `unknown path ${path}` } });
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => void handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    requests,
    reply: (...a: OpenAiAnswer[]) => void answers.push(...a),
    respond: (fn: ((r: OpenAiRequest) => OpenAiAnswer) | null) => void (state.responder = fn),
    fault: (f: OpenAiFault, times = 1) => {
      for (let i = 0; i < times; i++) faults.push(f);
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
export type OpenAiEmulator = Awaited<ReturnType<typeof startOpenAiEmulator>>;
