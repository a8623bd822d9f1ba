/**
 * Profile store speed per backend: write and read ops/s and p50/p99 latency over 1,000 users,
 * medians of 5 runs. Args: --users N --runs N --ops N --concurrency N. Redis when REDIS_URL is set.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createStore } from '../src/store/create.js';
import { ProfileRepo } from '../src/store/profiles.js';

interface RunResult { writeOps: number; writeP50: number; writeP99: number; readOps: number; readP50: number; readP99: number }

function arg(args: string[], name: string, dflt: number): number {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Runs `n` ops with `conc` in flight; returns ops/s and per-op latencies (ms). */
async function timed(n: number, conc: number, op: (i: number) => Promise<unknown>): Promise<{ opsPerSec: number; lat: number[] }> {
  const lat: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: conc }, async () => {
      while (next < n) {
        const i = next++;
        const t = performance.now();
        await op(i);
        lat.push(performance.now() - t);
      }
    }),
  );
  const secs = (performance.now() - start) / 1000;
  return { opsPerSec: n / secs, lat: lat.sort((a, b) => a - b) };
}

async function runOnce(url: string, users: number, ops: number, conc: number): Promise<RunResult> {
  const store = await createStore(url, { namespace: `bench${randomBytes(4).toString('hex')}` });
  try {
    const repo = new ProfileRepo(store);
    const scope = '100200300';
    // Seed every user so reads hit real profiles (20 history entries, 10 ratings each).
    await timed(users, 16, async (u) => {
      for (let k = 0; k < 20; k += 1) await repo.appendHistory(scope, `u${u}`, `i${(u * 7 + k) % 5000}`, k);
      for (let k = 0; k < 10; k += 1) await repo.setRating(scope, `u${u}`, `i${(u * 3 + k) % 5000}`, ((k % 10) + 1) / 2);
    });
    const w = await timed(ops, conc, (i) =>
      i % 2 === 0 ? repo.setRating(scope, `u${i % users}`, `w${i}`, 4) : repo.appendHistory(scope, `u${i % users}`, `w${i}`),
    );
    const r = await timed(ops, conc, (i) => repo.get(scope, `u${(i * 7919) % users}`));
    const leftover: string[] = [];
    for await (const k of store.keys('')) leftover.push(k);
    await store.deleteMany(leftover);
    return { writeOps: w.opsPerSec, writeP50: pct(w.lat, 50), writeP99: pct(w.lat, 99), readOps: r.opsPerSec, readP50: pct(r.lat, 50), readP99: pct(r.lat, 99) };
  } finally {
    await store.close();
  }
}

export async function benchStore(args: string[]): Promise<void> {
  const users = arg(args, 'users', 1000);
  const runs = arg(args, 'runs', 5);
  const ops = arg(args, 'ops', 2000);
  const conc = arg(args, 'concurrency', 8);
  const dir = mkdtempSync(path.join(tmpdir(), 'tastemaker-bench-'));
  const backends: [string, string][] = [['memory', 'memory://'], ['sqlite', `sqlite://${path.join(dir, 'bench.sqlite')}`]];
  if (process.env.REDIS_URL) backends.push(['redis', process.env.REDIS_URL]);
  else console.info('redis: skipped (set REDIS_URL=redis://127.0.0.1:6379 to include it)');
  console.info(`profile store: ${users} users, ${ops} writes (rating/history mixed) then ${ops} reads, ${conc} in flight, median of ${runs} runs`);
  const rows: Record<string, string>[] = [];
  try {
    for (const [name, url] of backends) {
      const results: RunResult[] = [];
      for (let i = 0; i < runs; i += 1) results.push(await runOnce(url, users, ops, conc));
      const m = (k: keyof RunResult) => median(results.map((x) => x[k]));
      rows.push({
        backend: name,
        'write ops/s': m('writeOps').toFixed(0),
        'write p50 ms': m('writeP50').toFixed(2),
        'write p99 ms': m('writeP99').toFixed(2),
        'read ops/s': m('readOps').toFixed(0),
        'read p50 ms': m('readP50').toFixed(2),
        'read p99 ms': m('readP99').toFixed(2),
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.table(rows);
}
