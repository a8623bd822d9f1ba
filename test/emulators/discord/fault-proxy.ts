/**
 * Fault injection for the Discord REST API: an HTTP proxy on 127.0.0.1 in front of the emulator that answers
 * chosen requests with a 429 (with Discord's rate-limit headers and body) or a 5xx, a given number of times,
 * and forwards everything else unchanged. The bot is pointed at it with DISCORD_API_URL; the gateway is not
 * proxied (discord.js gets the emulator's gateway URL from GET /gateway/bot). Kept apart from the emulator so
 * that it composes with any of its versions.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FaultRule {
  method: string;
  /** Tested against the path after /api/v10 (e.g. /webhooks/1/tok/messages/@original). */
  path: RegExp;
  status: 429 | 500 | 502 | 503;
  /** How many matching requests get the fault (default 1; Infinity for all). */
  times?: number;
  /** 429 only: seconds in `retry-after`, `x-ratelimit-reset-after` and the body's `retry_after` (default 1). */
  retryAfterS?: number;
  /** 429 only: a global limit (`x-ratelimit-global: true`). */
  global?: boolean;
}

export interface ProxiedCall {
  method: string;
  path: string;
  status: number;
  injected: boolean;
  at: number;
}

export interface FaultProxy {
  /** Base for DISCORD_API_URL: `http://127.0.0.1:PORT/api`. */
  apiUrl: string;
  log: ProxiedCall[];
  inject(rule: FaultRule): void;
  clear(): void;
  close(): Promise<void>;
}

const HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'host', 'content-encoding']);

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** `target`: the emulator's base URL (`http://127.0.0.1:PORT`). */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const rules: (FaultRule & { left: number })[] = [];
  const log: ProxiedCall[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const raw = await body(req);
      const method = (req.method ?? 'GET').toUpperCase();
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const path = decodeURIComponent(url.pathname.replace(/^\/api\/v\d+/, ''));
      const rule = rules.find((r) => r.left > 0 && r.method === method && r.path.test(path));
      if (rule) {
        rule.left--;
        const after = rule.retryAfterS ?? 1;
        const headers: Record<string, string> =
          rule.status === 429
            ? {
                'retry-after': String(Math.ceil(after)), 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '0',
                'x-ratelimit-reset': ((Date.now() + after * 1000) / 1000).toFixed(3), 'x-ratelimit-reset-after': after.toFixed(3),
                'x-ratelimit-bucket': 'fault-proxy', 'x-ratelimit-scope': rule.global ? 'global' : 'user', ...(rule.global ? { 'x-ratelimit-global': 'true' } : {}),
              }
            : {};
        const payload = rule.status === 429
          ? { message: 'You are being rate limited.', retry_after: after, global: !!rule.global, code: 0 }
          : { message: `${rule.status}: injected server error`, code: 0 };
        log.push({ method, path, status: rule.status, injected: true, at: Date.now() });
        res.writeHead(rule.status, { ...headers, 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
        return;
      }
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k, v]) => !HOP.has(k) && typeof v === 'string') as [string, string][]);
      const up = await fetch(`${target}${url.pathname}${url.search}`, { method, headers, body: raw.length && method !== 'GET' && method !== 'HEAD' ? raw : undefined });
      const out = Buffer.from(await up.arrayBuffer());
      log.push({ method, path, status: up.status, injected: false, at: Date.now() });
      const back: Record<string, string> = {};
      up.headers.forEach((v, k) => {
        if (!HOP.has(k)) back[k] = v;
      });
      res.writeHead(up.status, { ...back, 'content-length': String(out.byteLength) });
      res.end(out);
    })().catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `fault proxy: ${String(e)}`, code: 0 }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/api`,
    log,
    inject: (rule) => rules.push({ ...rule, left: rule.times ?? 1 }),
    clear: () => void rules.splice(0),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
