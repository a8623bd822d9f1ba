/**
 * METRICS_PORT with SHARDS: each shard process serves on METRICS_PORT + its shard id (the id discord.js's
 * ShardingManager puts in SHARDS), and a port that is taken is one log line, not a crash.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:net';
import { pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/log.js';
import { opsPort, startOps, type Ops } from '../../../src/ops/start.js';

const silent = createLogger('silent');
const open: Ops[] = [];
const blockers: Server[] = [];
afterEach(async () => {
  for (const o of open.splice(0)) await o.close();
  for (const b of blockers.splice(0)) await new Promise<void>((r) => b.close(() => r()));
});

const listen = async (port: number): Promise<Server> => {
  const srv = createServer();
  await new Promise<void>((resolve, reject) => {
    srv.once('error', reject);
    srv.listen(port, '127.0.0.1', () => resolve());
  });
  return srv;
};

/** A base port whose next port is free too, a moment ago. */
async function twoFreePorts(): Promise<number> {
  for (let i = 0; i < 20; i++) {
    const a = await listen(0);
    const base = (a.address() as AddressInfo).port;
    const b = await listen(base + 1).catch(() => undefined);
    await new Promise<void>((r) => a.close(() => r()));
    if (b) {
      await new Promise<void>((r) => b.close(() => r()));
      if (base < 65_535) return base;
    }
  }
  throw new Error('no two consecutive free ports');
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

/**
 * Starts `ops-process.ts` as its own Node process with the environment discord.js's ShardingManager gives
 * shard `id`, and resolves with the address it printed (null: it serves nothing) and its log lines.
 */
function shardProcess(id: number, metricsPort: number): Promise<{ address: { port: number } | null; log: string[] }> {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const script = new URL('./ops-process.ts', import.meta.url).pathname;
  const env = { PATH: process.env.PATH, ...shardEnv(id), METRICS_PORT: String(metricsPort), LOG_LEVEL: 'info', STORE_URL: 'memory://' };
  const child = spawn(process.execPath, ['--import', tsx, script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const log: string[] = [];
  child.stderr?.on('data', (b: Buffer) => log.push(...b.toString().split('\n').filter(Boolean)));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (b: Buffer) => {
      out += b.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ ...(JSON.parse(line) as { address: { port: number } | null }), log });
    });
    child.once('exit', (code) => reject(new Error(`shard ${id} process exited (${code}) before it started: ${log.join('\n')}`)));
  });
}

const shardEnv = (id: number): NodeJS.ProcessEnv => ({ SHARDING_MANAGER: 'true', SHARDS: String(id), SHARD_COUNT: '2' });

describe('the health and metrics port with several shards', () => {
  it('GIVEN one process (no shard manager) THEN it serves on METRICS_PORT itself; shard N serves on METRICS_PORT + N', () => {
    expect(opsPort(9464, {})).toBe(9464);
    expect(opsPort(9464, { SHARDS: '3' })).toBe(9464);
    expect(opsPort(9464, shardEnv(0))).toBe(9464);
    expect(opsPort(9464, shardEnv(3))).toBe(9467);
  });

  it('GIVEN shards 0 and 1 with the same METRICS_PORT THEN both serve /metrics, each on its own port and with its own shard label', async () => {
    const base = await twoFreePorts();
    const config = parseConfig({ METRICS_PORT: String(base), LOG_LEVEL: 'silent' });
    const shard0 = await startOps(config, silent, shardEnv(0));
    open.push(shard0);
    const shard1 = await startOps(config, silent, shardEnv(1));
    open.push(shard1);
    expect(shard0.address?.port).toBe(base);
    expect(shard1.address?.port).toBe(base + 1);
    for (const [ops, id] of [[shard0, '0'], [shard1, '1']] as const) {
      const res = await fetch(`http://127.0.0.1:${ops.address?.port}/metrics`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain(`tastemaker_shard_info{shard="${id}"} 1`);
    }
  });

  it('GIVEN the port is already taken THEN startOps resolves without a port or metrics and logs one error line that names the port', async () => {
    const base = await twoFreePorts();
    blockers.push(await listen(base + 1));
    const lines: string[] = [];
    const logger = createLogger('info', { write: (s: string) => void lines.push(s) });
    const ops = await startOps(parseConfig({ METRICS_PORT: String(base), LOG_LEVEL: 'silent' }), logger, shardEnv(1));
    open.push(ops);
    expect(ops.address).toBeUndefined();
    expect(ops.metrics).toBeUndefined();
    const errors = lines.map((l) => JSON.parse(l) as { level: number; port: number; code: string; msg: string }).filter((l) => l.level >= 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ port: base + 1, code: 'EADDRINUSE' });
    expect(errors[0].msg).toMatch(/METRICS_PORT/);
  });
});

describe('two shard processes on one machine', () => {
  it('GIVEN two processes with shard ids 0 and 1 and one METRICS_PORT THEN both stay up and serve /healthz and /metrics', async () => {
    const base = await twoFreePorts();
    const [zero, one] = await Promise.all([shardProcess(0, base), shardProcess(1, base)]);
    expect([zero.address?.port, one.address?.port]).toEqual([base, base + 1]);
    for (const [port, id] of [[base, '0'], [base + 1, '1']] as const) {
      expect(await (await fetch(`http://127.0.0.1:${port}/metrics`)).text()).toContain(`tastemaker_shard_info{shard="${id}"} 1`);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(503); // "logging in": no bot here
    }
    expect(children.every((c) => c.exitCode === null)).toBe(true);
  }, 60_000);
});
