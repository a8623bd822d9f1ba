import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorMessage } from '../kit/index.js';
import type { Logger } from '../log.js';
import type { HealthReport } from './health.js';

export interface OpsServerOptions {
  /** 0 picks a free port (tests). */
  port: number;
  /** Default 127.0.0.1: nothing outside the machine (or container) reaches it unless told. */
  host?: string;
  health(): Promise<HealthReport>;
  scrape(): Promise<{ contentType: string; body: string }>;
  logger: Logger;
}

export interface OpsServer {
  host: string;
  port: number;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, type: string, body: string, head: boolean): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
  res.end(head ? undefined : body);
}

/**
 * The operations port: `GET /healthz` (200 when ready, 503 with the reasons otherwise, JSON either way) and
 * `GET /metrics` (Prometheus text). Read-only, no other routes, no request body read.
 */
export async function startOpsServer(o: OpsServerOptions): Promise<OpsServer> {
  const host = o.host ?? '127.0.0.1';
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://ops.invalid').pathname;
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) return send(res, 405, 'text/plain', 'method not allowed\n', false);
    if (path === '/healthz') {
      const h = await o.health();
      const body = JSON.stringify({ status: h.ok ? 'ok' : 'unavailable', gateway: h.gateway, store: h.store, reasons: h.reasons });
      return send(res, h.ok ? 200 : 503, 'application/json', `${body}\n`, head);
    }
    if (path === '/metrics') {
      const m = await o.scrape();
      return send(res, 200, m.contentType, m.body, head);
    }
    send(res, 404, 'text/plain', 'not found: try /healthz or /metrics\n', head);
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      o.logger.warn({ err: errorMessage(e) }, 'ops endpoint failed');
      if (!res.headersSent) send(res, 500, 'text/plain', 'internal error\n', false);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address() as AddressInfo;
  o.logger.info({ host: addr.address, port: addr.port }, 'health and metrics on /healthz and /metrics');
  return {
    host: addr.address,
    port: addr.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
