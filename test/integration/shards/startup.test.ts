import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startDiscordEmulator } from '../../emulators/discord/index.js';

const ENTRY = fileURLToPath(new URL('../../../src/index.ts', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const dir = mkdtempSync(join(tmpdir(), 'tastemaker-shards-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `npm start` with exactly `vars` (never the test's environment); stdin closed. */
function start(vars: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, ENTRY], { cwd: dir, env: { PATH: process.env.PATH ?? '', HOME: dir, ...vars }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 25_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

const TOKEN = 'MTAw.emu.dGVzdA';

describe('start-up with SHARDS on a store only one process may use', () => {
  it('GIVEN SHARDS=2 and STORE_URL=memory:// THEN it exits 1 with one message that asks for Redis', async () => {
    const r = await start({ DISCORD_TOKEN: TOKEN, SHARDS: '2', STORE_URL: 'memory://' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Tastemaker cannot start: 1 configuration problem');
    expect(r.stderr).toContain('SHARDS=2 needs STORE_URL=redis://host:port when more than one shard runs');
    expect(r.stderr).not.toContain(TOKEN);
  }, 30_000);

  it('GIVEN SHARDS=auto, Discord recommending 3 and the SQLite default THEN it exits 1 saying what Discord recommended and that Redis is needed', async () => {
    const emu = await startDiscordEmulator({ shards: 3 });
    try {
      const r = await start({ DISCORD_TOKEN: emu.token, DISCORD_API_URL: emu.apiUrl, SHARDS: 'auto', STORE_URL: `sqlite://${join(dir, 'db.sqlite')}` });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('SHARDS=auto (Discord recommends 3 shards) needs STORE_URL=redis://host:port');
      expect(r.stderr.split('\n').filter((l) => l.includes('needs STORE_URL'))).toHaveLength(1);
      expect(emu.sessions()).toEqual([]); // no shard was started
    } finally {
      await emu.close();
    }
  }, 30_000);
});
