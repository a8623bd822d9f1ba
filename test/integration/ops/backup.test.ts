import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { backupSqlite } from '../../../scripts/backup.js';
import { createStore } from '../../../src/store/index.js';

const SCRIPT = fileURLToPath(new URL('../../../scripts/backup.ts', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const dir = mkdtempSync(join(tmpdir(), 'tastemaker-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runScript(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, SCRIPT, ...args], { cwd: dir, env: { PATH: process.env.PATH ?? '', HOME: dir, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe('npm run backup (SQLite)', () => {
  it('GIVEN a writer busy on the store WHEN it is backed up THEN the writer never fails, and the copy opens with everything written before the backup', async () => {
    const db = join(dir, 'live.sqlite');
    const store = await createStore(`sqlite://${db}`);
    for (let k = 0; k < 300; k++) await store.set(`profile:g1:u${k}`, { ratings: { [`ml-${k}`]: 4 } });
    let stop = false;
    let writes = 0;
    const writer = (async () => {
      while (!stop) await store.set(`usage:g1:w${writes++}`, { calls: writes });
    })();
    try {
      await store.set('marker:before-backup', 'here');
      // The writer is running (a rejected write would fail `await writer` below: the backup must not block it).
      while (writes < 20) await new Promise((r) => setImmediate(r));
      const r = await backupSqlite(db, join(dir, 'copy.sqlite'));
      expect(r.rows).toBeGreaterThanOrEqual(301);
      await store.set('marker:after-backup', 'late');
      stop = true;
      await writer;
    } finally {
      stop = true;
      await writer.catch(() => undefined);
      await store.close();
    }
    const copy = await createStore(`sqlite://${join(dir, 'copy.sqlite')}`);
    try {
      expect(await copy.get('marker:before-backup')).toBe('here');
      expect(await copy.get('marker:after-backup')).toBeUndefined();
      expect(await copy.get('profile:g1:u299')).toEqual({ ratings: { 'ml-299': 4 } });
      let profiles = 0;
      for await (const _ of copy.keys('profile:g1:')) profiles++;
      expect(profiles).toBe(300);
    } finally {
      await copy.close();
    }
  });

  it('GIVEN the script with STORE_URL THEN it writes the copy and says so; it refuses to overwrite; for Redis it explains BGSAVE and appendonly', async () => {
    const db = join(dir, 'cli.sqlite');
    const store = await createStore(`sqlite://${db}`);
    await store.set('profile:g1:u1', { ratings: {} });
    await store.close();
    const out = join(dir, 'cli-copy.sqlite');
    const r = await runScript(['--out', out], { STORE_URL: `sqlite://${db}` });
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('integrity ok');
    expect(existsSync(out)).toBe(true);
    const again = await runScript(['--out', out], { STORE_URL: `sqlite://${db}` });
    expect(again.code).toBe(1);
    expect(again.out).toContain('never overwrites');
    const redis = await runScript([], { STORE_URL: 'redis://127.0.0.1:1' });
    expect(redis.code).toBe(2);
    expect(redis.out).toMatch(/BGSAVE/);
    expect(redis.out).toMatch(/appendonly/);
  }, 60_000);
});
