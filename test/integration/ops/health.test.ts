import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/log.js';
import { checkHealth } from '../../../src/ops/health.js';
import { PromMetrics } from '../../../src/ops/prom-metrics.js';
import { startOpsServer, type OpsServer } from '../../../src/ops/server.js';
import { startOps, type Ops } from '../../../src/ops/start.js';
import { createStore } from '../../../src/store/index.js';

const logger = createLogger('silent');
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

async function serve(o: { gateway?: string | null; probeStore: () => Promise<unknown>; storeTimeoutMs?: number; metrics?: PromMetrics }): Promise<OpsServer> {
  const metrics = o.metrics ?? new PromMetrics({ shard: '0', processMetrics: false });
  const server = await startOpsServer({
    port: 0,
    health: () => checkHealth({ gateway: () => o.gateway ?? null, probeStore: o.probeStore, storeTimeoutMs: o.storeTimeoutMs }),
    scrape: () => metrics.scrape(),
    logger,
  });
  open.push(server);
  return server;
}

const get = (s: { port: number }, path: string, init?: RequestInit) => fetch(`http://127.0.0.1:${s.port}${path}`, init);

/** A port that was free a moment ago (the config takes 1-65535, not 0). */
async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const { port } = srv.address() as AddressInfo;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

describe('GET /healthz', () => {
  it('GIVEN the gateway is ready and the store answers THEN 200 with status ok', async () => {
    const store = await createStore('memory://');
    open.push(store);
    const s = await serve({ probeStore: () => store.get('ops:health') });
    const r = await get(s, '/healthz');
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ status: 'ok', gateway: 'ready', store: 'ok', reasons: [] });
  });

  it('GIVEN the store is down (closed) THEN 503 with the store named as the reason, and the failure is counted in /metrics', async () => {
    const metrics = new PromMetrics({ shard: '0', processMetrics: false });
    const store = await createStore('memory://', { metrics });
    await store.close();
    const s = await serve({ probeStore: () => store.get('ops:health'), metrics });
    const r = await get(s, '/healthz');
    expect(r.status).toBe(503);
    const body = (await r.json()) as { status: string; reasons: string[]; gateway: string };
    expect(body.status).toBe('unavailable');
    expect(body.gateway).toBe('ready');
    expect(body.reasons).toEqual([expect.stringMatching(/^store: .*closed/)]);
    expect(await (await get(s, '/metrics')).text()).toMatch(/^tastemaker_store_errors_total\{op="get",code="store.closed",shard="0"\} 1$/m);
  });

  it('GIVEN a store that never answers THEN 503 once the probe gives up, not a hung request', async () => {
    const s = await serve({ probeStore: () => new Promise(() => undefined), storeTimeoutMs: 50 });
    const r = await get(s, '/healthz');
    expect(r.status).toBe(503);
    expect(((await r.json()) as { reasons: string[] }).reasons).toEqual(['store: no answer after 50 ms']);
  });

  it('GIVEN the gateway is not ready THEN 503 with the gateway named as the reason', async () => {
    const s = await serve({ gateway: 'reconnecting (shard 0: Connecting)', probeStore: async () => undefined });
    const r = await get(s, '/healthz');
    expect(r.status).toBe(503);
    expect(await r.json()).toMatchObject({ status: 'unavailable', gateway: 'reconnecting (shard 0: Connecting)', store: 'ok' });
  });

  it('GIVEN another path or method THEN 404 or 405, and HEAD /healthz answers without a body', async () => {
    const s = await serve({ probeStore: async () => undefined });
    expect((await get(s, '/')).status).toBe(404);
    expect((await get(s, '/healthz', { method: 'POST' })).status).toBe(405);
    const head = await get(s, '/healthz', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('the operations port from the configuration', () => {
  it('GIVEN no METRICS_PORT THEN nothing is opened and nothing is measured', async () => {
    const ops = await startOps(parseConfig({}), logger);
    expect(ops.address).toBeUndefined();
    expect(ops.metrics).toBeUndefined();
  });

  it('GIVEN METRICS_PORT alone THEN it binds to 127.0.0.1 and says 503 "logging in" until the bot is watched, then 200', async () => {
    const port = await freePort();
    const config = parseConfig({ METRICS_PORT: String(port) });
    expect(config.METRICS_HOST).toBe('127.0.0.1');
    const ops: Ops = await startOps(config, logger);
    open.push(ops);
    expect(ops.address).toEqual({ host: '127.0.0.1', port });
    const before = await get({ port }, '/healthz');
    expect(before.status).toBe(503);
    expect(((await before.json()) as { reasons: string[] }).reasons).toEqual(['gateway: logging in']);
    ops.watch({ gateway: () => null, probeStore: async () => undefined, engineScopes: () => 2 });
    expect((await get({ port }, '/healthz')).status).toBe(200);
    expect(await (await get({ port }, '/metrics')).text()).toMatch(/^tastemaker_engine_scopes\{shard="0"\} 2$/m);
  });

  it('GIVEN a METRICS_PORT that is not a port THEN the configuration is refused, naming the variable', () => {
    expect(() => parseConfig({ METRICS_PORT: '99999' })).toThrow(/METRICS_PORT must be a port from 1 to 65535/);
    expect(() => parseConfig({ SHUTDOWN_GRACE_S: '-1' })).toThrow(/SHUTDOWN_GRACE_S/);
  });
});
