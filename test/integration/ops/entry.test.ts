/** `npm start`'s entry as a real process with METRICS_PORT: the composition root wires health and metrics. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startDiscordEmulator } from '../../emulators/discord/index.js';

const ENTRY = fileURLToPath(new URL('../../../src/index.ts', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const dir = mkdtempSync(join(tmpdir(), 'tastemaker-ops-entry-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const { port } = srv.address() as AddressInfo;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

/** Asks /healthz until it answers 200 (the gateway connects after the port opens), at most `tries` times. */
async function healthyWithin(url: string, tries: number): Promise<Response | undefined> {
  for (let k = 0; k < tries; k++) {
    const r = await fetch(url).catch(() => undefined);
    if (r?.status === 200) return r;
    await sleep(100);
  }
  return undefined;
}

describe('npm start with METRICS_PORT', () => {
  it('GIVEN METRICS_PORT THEN /healthz turns 200 once the bot is connected, /metrics counts a /help with the shard label, only 127.0.0.1 listens, and SIGTERM exits 0', async () => {
    const emu = await startDiscordEmulator();
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', TSX, ENTRY], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', HOME: dir, DISCORD_TOKEN: emu.token, DISCORD_API_URL: emu.apiUrl, STORE_URL: 'memory://', METRICS_PORT: String(port), LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let logs = '';
    child.stdout.on('data', (d: Buffer) => (logs += d.toString()));
    child.stderr.on('data', (d: Buffer) => (logs += d.toString()));
    const exited = new Promise<number | null>((r) => child.on('close', r));
    try {
      await emu.waitForReady(30_000).catch((e: unknown) => { throw new Error(`${String(e)}\n${logs}`); });
      const health = await healthyWithin(`http://127.0.0.1:${port}/healthz`, 100);
      expect(health, logs).toBeDefined();
      expect(await health?.json()).toEqual({ status: 'ok', gateway: 'ready', store: 'ok', reasons: [] });
      const help = await emu.interact({ type: 'command', name: 'help', user: { id: 'admin', username: 'admin' }, guildId: 'g1', channelId: 'c1' });
      await help.settled();
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(metrics).toMatch(/^tastemaker_interaction_duration_seconds_count\{shard="0",command="help",outcome="ok"\} 1$/m);
      expect(metrics).toMatch(/^tastemaker_shard_info\{shard="0"\} 1$/m);
      expect(metrics).toMatch(/^process_resident_memory_bytes\{shard="0"\} \d+/m);
      // /proc/net/tcp: the listening socket on that port is bound to 127.0.0.1 (0100007F), nothing else.
      const hex = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
      const rows = ['tcp', 'tcp6'].flatMap((f) => { try { return readFileSync(`/proc/net/${f}`, 'utf8').split('\n'); } catch { return []; } });
      const bound = rows.map((r) => r.trim().split(/\s+/)).filter((c) => c[3] === '0A' && c[1]?.endsWith(hex)).map((c) => c[1]);
      if (rows.length) expect(bound).toEqual([`0100007F${hex}`]);
    } finally {
      child.kill('SIGTERM');
      const code = await exited;
      await emu.close();
      expect(code, logs).toBe(0);
    }
    expect(logs).toContain('health and metrics on /healthz and /metrics');
    expect(logs).not.toContain(emu.token);
  }, 60_000);
});
