import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const ENTRY = fileURLToPath(new URL('../../src/index.ts', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

interface Run { code: number | null; stdout: string; stderr: string }

/**
 * Starts `node --import tsx src/index.ts` in `cwd` with exactly `vars` (plus PATH/HOME), never the test's own
 * environment, so a developer's shell or `.env` cannot change the outcome. stdin is closed.
 */
function start(cwd: string, vars: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, ENTRY], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: cwd, ...vars },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 25_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'tastemaker-start-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('start-up with a bad configuration', () => {
  it('GIVEN several bad values and secrets in the environment THEN it exits 1 with one message naming each variable and no secret', async () => {
    const secrets = { GEMINI_API_KEY: 'secret-xyz-123', DISCORD_TOKEN: 'abc-not-a-token-secret-456' };
    const r = await start(tempDir(), { ...secrets, LOG_LEVEL: 'loud', LLM_TIMEOUT_MS: 'soon', STORE_URL: 'ftp://nowhere' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Tastemaker cannot start: 4 configuration problems');
    for (const v of ['LOG_LEVEL', 'LLM_TIMEOUT_MS', 'STORE_URL', 'DISCORD_TOKEN']) expect(r.stderr).toMatch(new RegExp(`^  - ${v} `, 'm'));
    expect(r.stderr).toContain('.env');
    expect(r.stderr.match(/cannot start/g)).toHaveLength(1);
    for (const s of Object.values(secrets)) {
      expect(r.stderr).not.toContain(s);
      expect(r.stdout).not.toContain(s);
    }
    expect(r.stderr).not.toContain('unexpected error');
  });

  it('GIVEN a .env file with bad values THEN they are reported, and the real environment wins over .env', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.env'), 'LOG_LEVEL=loud\nLLM_MAX_HISTORY=9999\nOPENAI_API_KEY=sk-dotenv-secret-789\nLLM_PROVIDER=openai\n');
    const r = await start(dir, { LOG_LEVEL: 'debug' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^  - LLM_MAX_HISTORY /m);
    expect(r.stderr).toMatch(/^  - OPENAI_BASE_URL /m);
    expect(r.stderr).not.toMatch(/^  - LOG_LEVEL /m);
    expect(r.stderr).not.toContain('sk-dotenv-secret-789');
  });
});
