/**
 * A private redis-server for the fault tests: on a free port, persisting every write (append-only file,
 * fsync always) in a temp folder, so that a stop and a start keep what was acknowledged. `skipReason` says
 * why the tests cannot run (no redis-server binary) instead of failing.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const redisBinary = spawnSync('redis-server', ['--version'], { encoding: 'utf8' }).status === 0 ? 'redis-server' : undefined;
export const redisSkipReason = redisBinary ? undefined : 'no redis-server binary on PATH (install redis to run the Redis fault tests)';

export async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as { port: number };
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

/** Resolves once the server answers PING. */
async function pinged(port: number, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = new Socket();
      s.once('error', () => resolve(false));
      s.connect(port, '127.0.0.1', () => s.write('PING\r\n'));
      s.once('data', (d) => {
        s.destroy();
        resolve(d.toString().startsWith('+PONG'));
      });
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`redis-server on port ${port} did not answer PING within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface TestRedis {
  url: string;
  start(): Promise<void>;
  /** SIGTERM: Redis flushes the append-only file and exits. */
  stop(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestRedis(): Promise<TestRedis> {
  if (!redisBinary) throw new Error(redisSkipReason);
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'tastemaker-redis-'));
  let proc: ChildProcess | undefined;
  const r: TestRedis = {
    url: `redis://127.0.0.1:${port}`,
    async start() {
      proc = spawn(redisBinary!, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', ''], { stdio: 'ignore' });
      await pinged(port);
    },
    async stop() {
      const p = proc;
      proc = undefined;
      if (!p || p.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        p.once('exit', () => resolve());
        p.kill('SIGTERM');
      });
    },
    async close() {
      await r.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await r.start();
  return r;
}
