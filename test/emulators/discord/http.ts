/** HTTP side of the emulator: body parsing (JSON, multipart), auth, rate-limit headers, routing, log. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { EmulatorState } from './state.js';
import type { Json, RestCall, UploadedFile } from './types.js';
import { takeFault } from './faults.js';

export interface RouteContext {
  method: string; path: string; query: URLSearchParams; params: Record<string, string>;
  body: Json | undefined; files: UploadedFile[]; headers: IncomingMessage['headers'];
}
export interface RouteResult { status: number; body?: unknown }
export interface Route {
  method: string;
  /** Path pattern after /api/v10, `:name` segments capture. */
  pattern: string;
  /** Whether `Authorization: Bot <token>` is required (webhook/interaction routes use the token in the URL). */
  auth: boolean;
  handle(ctx: RouteContext): RouteResult | Promise<RouteResult>;
}

/** Thrown by handlers: answered as a Discord JSON error. */
export class DiscordHttpError extends Error {
  constructor(readonly status: number, readonly code: number, message: string) { super(message); }
}

interface CompiledRoute { route: Route; regex: RegExp; names: string[] }

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const source = route.pattern.split('/').map((seg) => {
    if (seg.startsWith(':')) { names.push(seg.slice(1)); return '([^/]+)'; }
    return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }).join('/');
  return { route, regex: new RegExp(`^${source}$`), names };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function parseBody(req: IncomingMessage): Promise<{ body: Json | undefined; files: UploadedFile[] }> {
  const raw = await readBody(req);
  if (raw.length === 0) return { body: undefined, files: [] };
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await new Request('http://emulator.invalid/', { method: 'POST', headers: { 'content-type': type }, body: raw }).formData();
    let body: Json | undefined;
    const files: UploadedFile[] = [];
    for (const [key, value] of form.entries()) {
      if (typeof value === 'string') { if (key === 'payload_json') body = JSON.parse(value) as Json; continue; }
      files.push({ name: value.name, bytes: new Uint8Array(await value.arrayBuffer()), contentType: value.type || undefined });
    }
    return { body, files };
  }
  return { body: JSON.parse(raw.toString('utf8')) as Json, files: [] };
}

function safeDecode(path: string): string {
  try { return decodeURIComponent(path); } catch { return path; }
}

function rateLimitHeaders(path: string, now: number): Record<string, string> {
  return {
    'x-ratelimit-limit': '50', 'x-ratelimit-remaining': '49', 'x-ratelimit-reset': ((now + 1000) / 1000).toFixed(3),
    'x-ratelimit-reset-after': '1.000', 'x-ratelimit-bucket': Buffer.from(path.replace(/\d{6,}/g, ':id')).toString('hex').slice(0, 32),
    'x-ratelimit-scope': 'user',
  };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  if (status === 204 || body === undefined) { res.writeHead(status === 200 ? 204 : status, headers); res.end(); return; }
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) });
  res.end(text);
}

export interface HttpOptions { state: EmulatorState; routes: Route[]; latencyMs: number }

export function createHttpServer({ state, routes, latencyMs }: HttpOptions): Server {
  const compiled = routes.map(compile);
  return createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, { message: `emulator error: ${String(err)}`, code: 0 }, {});
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const apiPrefix = /^\/api\/v\d+/;
    const isApi = apiPrefix.test(url.pathname);
    const rawPath = isApi ? url.pathname.replace(apiPrefix, '') || '/' : url.pathname;
    const path = safeDecode(rawPath);
    let parsed: { body: Json | undefined; files: UploadedFile[] };
    try { parsed = await parseBody(req); } catch { parsed = { body: undefined, files: [] }; }
    const entry: RestCall = { method, path, query: url.search.replace(/^\?/, ''), body: parsed.body, files: parsed.files, status: 0, at: state.clock() };
    state.log.push(entry);
    const headers = rateLimitHeaders(path, state.clock());
    const answer = (status: number, body?: unknown): void => { entry.status = status; send(res, status, body, headers); state.touch(); };
    if (latencyMs > 0) await new Promise((r) => setTimeout(r, latencyMs));

    if (!isApi) {
      const m = /^\/attachments\/([^/]+)\/[^/]+$/.exec(path);
      const att = m && method === 'GET' ? state.attachments.get(m[1]) : undefined;
      if (!att) { answer(404, { message: '404: Not Found', code: 0 }); return; }
      entry.status = 200;
      res.writeHead(200, { 'content-type': att.contentType, 'content-length': String(att.bytes.byteLength) });
      res.end(Buffer.from(att.bytes));
      state.touch();
      return;
    }
    const fault = takeFault(state, method, rawPath, parsed.body);
    if (fault) { answer(fault.status, { message: fault.message, code: fault.code }); return; }
    for (const c of compiled) {
      if (c.route.method !== method) continue;
      const m = c.regex.exec(rawPath);
      if (!m) continue;
      if (c.route.auth && req.headers.authorization !== `Bot ${state.token}`) { answer(401, { message: '401: Unauthorized', code: 0 }); return; }
      const params = Object.fromEntries(c.names.map((n, i) => [n, decodeURIComponent(m[i + 1])]));
      try {
        const result = await c.route.handle({ method, path, query: url.searchParams, params, body: parsed.body, files: parsed.files, headers: req.headers });
        answer(result.status, result.body);
      } catch (err) {
        if (err instanceof DiscordHttpError) answer(err.status, { message: err.message, code: err.code });
        else answer(500, { message: `emulator error: ${err instanceof Error ? err.message : String(err)}`, code: 0 });
      }
      return;
    }
    answer(404, { message: '404: Not Found', code: 0 });
  }
}
