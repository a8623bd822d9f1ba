/**
 * The graceful stop of `npm start`'s entry as a real process (as in entry.test.ts), against the Discord emulator:
 * SIGTERM arrives while a catalog upload and a /recommend are in flight. Both are held at a point the test
 * controls (the upload's download, the /recommend's first answer to Discord) until the bot has logged that it
 * is stopping, so the signal lands mid-work every time, without sleeping.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { loadCommands } from '../../src/discord/loader.js';
import { MESSAGES } from '../../src/app/messages.js';
import { CatalogRepo, createStore } from '../../src/store/index.js';
import { startDiscordEmulator, type InteractionInput } from '../emulators/discord/index.js';
import { answered, E2E_ENV, listedTitles } from './harness.js';

const ENTRY = fileURLToPath(new URL('../../src/index.ts', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const OLD = readFileSync(new URL('../fixtures/app/movies-small.csv', import.meta.url));
const NEW_COUNT = 1200;
const NEW = Buffer.from(['id,title,year,tags', ...Array.from({ length: NEW_COUNT }, (_, k) => `n${k},New Film ${k},${1950 + (k % 70)},Drama|Heist`)].join('\n'));
const dir = mkdtempSync(join(tmpdir(), 'tastemaker-shutdown-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A gate the test opens: `wait` resolves on `open()`; `reached` once something waits on it. */
function gate() {
  let open!: () => void;
  let reached!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  const hit = new Promise<void>((r) => (reached = r));
  return { opened, hit, open: () => open(), reach: () => reached() };
}

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/**
 * In front of the emulator's REST API: serves the new catalog file (held at `download`) and passes everything
 * else through, holding the first interaction callback after `holdNextCallback()` at the returned gate.
 */
async function startHoldingProxy(upstream: string) {
  const download = gate();
  let callbackGate: ReturnType<typeof gate> | undefined;
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      if (req.url === '/files/new.csv') {
        download.reach();
        await download.opened;
        res.writeHead(200, { 'content-type': 'text/csv', 'content-length': NEW.byteLength });
        return res.end(NEW);
      }
      const payload = await body(req);
      if (callbackGate && /\/interactions\/\d+\/[^/]+\/callback/.test(req.url ?? '')) {
        const g = callbackGate;
        callbackGate = undefined;
        g.reach();
        await g.opened;
      }
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !['host', 'connection', 'content-length'].includes(k))) as Record<string, string>;
      const r = await fetch(`${upstream}${req.url}`, { method: req.method, headers, body: payload.length ? payload : undefined });
      const out = Buffer.from(await r.arrayBuffer());
      res.writeHead(r.status, Object.fromEntries([...r.headers].filter(([k]) => !['content-encoding', 'transfer-encoding', 'connection'].includes(k))));
      res.end(out);
    })().catch((e: unknown) => res.destroy(e as Error));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    download,
    holdNextCallback: () => (callbackGate = gate()),
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

/** TCP sockets the process listens on (Linux /proc); undefined where /proc is not there. */
function listeningSockets(pid: number): string[] | undefined {
  if (!existsSync(`/proc/${pid}/fd`)) return undefined;
  const inodes = new Set(readdirSync(`/proc/${pid}/fd`).map((fd) => { try { return readlinkSync(`/proc/${pid}/fd/${fd}`); } catch { return ''; } })
    .map((l) => /^socket:\[(\d+)\]$/.exec(l)?.[1]).filter((x): x is string => !!x));
  const rows = ['tcp', 'tcp6'].flatMap((f) => (existsSync(`/proc/net/${f}`) ? readFileSync(`/proc/net/${f}`, 'utf8').split('\n').slice(1) : []));
  return rows.map((r) => r.trim().split(/\s+/)).filter((c) => c[3] === '0A' && inodes.has(c[9])).map((c) => c[1]);
}

describe('npm start stopping on SIGTERM', () => {
  it('GIVEN an upload and a /recommend in flight WHEN SIGTERM arrives THEN /recommend answers, a new command gets the restarting notice, the catalog is whole, and it exits 0', async () => {
    const emu = await startDiscordEmulator();
    const proxy = await startHoldingProxy(emu.baseUrl);
    const config = parseConfig({ DISCORD_TOKEN: emu.token, DISCORD_APP_ID: emu.applicationId, DISCORD_API_URL: emu.apiUrl, LOG_LEVEL: 'silent' });
    await deployCommands({ config, commands: await loadCommands(resolve(import.meta.dirname, '../../commands')), guildId: 'g1' });
    const storeUrl = `sqlite://${join(dir, 'bot.sqlite')}`;
    const child = spawn(process.execPath, ['--import', TSX, ENTRY], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', HOME: dir, DISCORD_TOKEN: emu.token, DISCORD_API_URL: `${proxy.base}/api`, STORE_URL: storeUrl, SHUTDOWN_GRACE_S: '60', LOG_LEVEL: 'info', ...E2E_ENV },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let logs = '';
    child.stdout.on('data', (d: Buffer) => (logs += d.toString()));
    child.stderr.on('data', (d: Buffer) => (logs += d.toString()));
    const exited = new Promise<number | null>((r) => child.on('close', r));
    const run = (input: Partial<InteractionInput> & Pick<InteractionInput, 'type'>) =>
      emu.interact({ user: { id: 'admin', username: 'admin' }, guildId: 'g1', channelId: 'c1', ...input } as InteractionInput);
    const upload = (file: { id: string; filename: string; size: number; url: string; proxy_url: string; content_type: string }) =>
      run({ type: 'command', name: 'catalog', subcommand: 'upload', options: { file: file.id }, attachments: { file } });
    let uploadSaid = '';
    try {
      await emu.waitForReady(30_000).catch((e: unknown) => { throw new Error(`${String(e)}\n${logs}`); });
      // Without METRICS_PORT the bot opens no port at all.
      const listening = listeningSockets(child.pid ?? 0);
      if (listening) expect(listening, 'listening sockets of the bot').toEqual([]);
      const first = await upload(emu.addAttachment('old.csv', new Uint8Array(OLD), 'text/csv'));
      await emu.waitFor(() => answered(first), 30_000);
      expect(JSON.stringify(first.final()), 'set-up: the old catalog is in').toContain('Catalog updated');

      const url = `${proxy.base}/files/new.csv`;
      const uploading = await upload({ id: '900000000000000001', filename: 'new.csv', size: NEW.byteLength, url, proxy_url: url, content_type: 'text/csv' });
      await proxy.download.hit;
      const held = proxy.holdNextCallback();
      const recommend = await run({ type: 'command', name: 'recommend', options: { request: 'heist movies', count: 3 } });
      await held.hit;

      child.kill('SIGTERM');
      await emu.waitFor(() => logs.includes('shutting down'), 20_000);
      const late = await run({ type: 'command', name: 'help' });
      await late.acknowledged(10_000);
      expect(late.callbacks[0]?.data?.content).toContain(MESSAGES['bot.restarting']);
      expect(late.callbacks[0]?.data?.flags).toBe(64);

      held.open();
      proxy.download.open();
      await emu.waitFor(() => answered(recommend), 60_000);
      expect(listedTitles(recommend.final()).length, JSON.stringify(recommend.final())).toBe(3);
      expect(await exited, logs).toBe(0);
      expect(logs).toContain('work in flight finished');
      uploadSaid = JSON.stringify(uploading.final());
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await proxy.close();
      await emu.close();
    }
    // The catalog on disk is one version, whole: the new file if the upload finished in the grace, else the old one.
    const store = await createStore(storeUrl);
    try {
      const catalog = await new CatalogRepo(store).load('g1');
      const titles = new Set(catalog?.items.map((i) => i.title));
      const oldTitles = OLD.toString().split('\n').length - 2;
      expect([oldTitles, NEW_COUNT]).toContain(catalog?.items.length);
      if (catalog?.items.length === NEW_COUNT) expect([...titles].every((t) => t.startsWith('New Film '))).toBe(true);
      else expect([...titles].some((t) => t.startsWith('New Film '))).toBe(false);
      // What the admin was told matches what is stored: "updated" only when the new version is the one in place.
      expect(uploadSaid.includes('Catalog updated')).toBe(catalog?.items.length === NEW_COUNT);
    } finally {
      await store.close();
    }
  }, 120_000);
});
