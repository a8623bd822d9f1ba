import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startDiscordEmulator } from '../emulators/discord/index.js';

const ENTRY = fileURLToPath(new URL('../../src/index.ts', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const dir = mkdtempSync(join(tmpdir(), 'tastemaker-entry-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `npm start`'s entry as a real process, pointed at the emulator only through DISCORD_API_URL. */
describe('npm start with a DISCORD_TOKEN', () => {
  it('GIVEN the token and DISCORD_API_URL of the emulator THEN the bot logs in, answers /help, stops on SIGTERM, and never logs the token', async () => {
    const emu = await startDiscordEmulator();
    const child = spawn(process.execPath, ['--import', TSX, ENTRY], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', HOME: dir, DISCORD_TOKEN: emu.token, DISCORD_API_URL: emu.apiUrl, STORE_URL: 'memory://', LOG_LEVEL: 'debug' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let logs = '';
    child.stdout.on('data', (d: Buffer) => (logs += d.toString()));
    child.stderr.on('data', (d: Buffer) => (logs += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      await emu.waitForReady(20_000).catch((e: unknown) => {
        throw new Error(`${String(e)}\n${logs}`);
      });
      const help = await emu.interact({ type: 'command', name: 'help', user: { id: 'admin', username: 'admin' }, guildId: 'g1', channelId: 'c1' });
      await help.settled();
      expect(JSON.stringify(help.final())).toContain('/recommend');
      expect(help.callbacks[0]?.data?.allowed_mentions).toEqual({ parse: [] });
      // The bot registers nothing on start-up: that is `npm run deploy-commands`.
      expect(emu.log.some((c) => c.method === 'PUT' && c.path.includes('/commands'))).toBe(false);
    } finally {
      child.kill('SIGTERM');
      const code = await exited;
      await emu.close();
      expect(code, logs).toBe(0);
    }
    expect(logs).toContain('bot started');
    expect(logs).not.toContain(emu.token);
  });
});
