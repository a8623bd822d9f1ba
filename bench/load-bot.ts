/**
 * The bot process of `npm run bench -- load`: the real composition root and discord.js client, configured by the
 * environment the driver gives it (Discord emulator, store, Gemini emulator). It seeds every guild (a catalog
 * of `LOAD_ITEMS` starter rows and a few ratings per member), warms each guild's engine with one list, logs in, then reports its resident memory to the
 * driver every `LOAD_SAMPLE_MS` over IPC, so that the soak measures the bot and not the emulator beside it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { createServices } from '../src/services.js';
import { loadCommands } from '../src/discord/loader.js';
import { loginBot } from '../src/discord/login.js';

export type BotMessage =
  | { kind: 'seeded'; ms: number; items: number }
  | { kind: 'ready' }
  | { kind: 'mem'; at: number; rss: number; heap: number; buffers: number; engines: number; loopP99Ms: number; loopMaxMs: number }
  | { kind: 'failed'; error: string };

const send = (m: BotMessage) => process.send?.(m);
const STARTER = fileURLToPath(new URL('../data/starter-movies.csv', import.meta.url));
/** In the first rows of the starter catalog, so that a small --items keeps them. */
const LIKED = ['ml-6', 'ml-10', 'ml-1', 'ml-9', 'ml-2'];

async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const logger = createLogger(process.env.LOAD_LOG ?? 'silent');
  const services = await createServices(config, { logger, retrainDelayMs: 2_000 });
  const guilds = (process.env.LOAD_GUILDS ?? '').split(',').filter(Boolean);
  const members = JSON.parse(process.env.LOAD_MEMBERS ?? '{}') as Record<string, string[]>;
  const items = Number(process.env.LOAD_ITEMS ?? 9742);
  const lines = readFileSync(STARTER, 'utf8').trimEnd().split('\n');
  const csv = new TextEncoder().encode(`${lines.slice(0, items + 1).join('\n')}\n`);
  const t0 = Date.now();
  for (const g of guilds) {
    const report = await services.catalog.upload({ scope: g, userId: `owner-${g}` }, { bytes: csv, filename: 'starter.csv', mode: 'replace' });
    if (!report.applied) throw new Error(`seeding ${g}: the catalog was not applied`);
    for (const [k, u] of (members[g] ?? []).entries()) await services.rate({ scope: g, userId: u }, LIKED[k % LIKED.length], 4 + (k % 2) * 0.5);
  }
  // Warm-up, not measured: each guild's engine (vector index, models) is built by its first list.
  for (const g of guilds) {
    const who = { scope: g, userId: members[g]?.[0] ?? `owner-${g}` };
    await services.recommend(who, { text: 'warm up' });
    await services.deps.engines.settle(g);
  }
  send({ kind: 'seeded', ms: Date.now() - t0, items });
  const commands = await loadCommands();
  const bot = await loginBot({ config, services, logger, commands, token: config.DISCORD_TOKEN });
  send({ kind: 'ready' });
  const every = Number(process.env.LOAD_SAMPLE_MS ?? 5_000);
  // How long the event loop was blocked in each sample window: what delays acknowledgements.
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    send({ kind: 'mem', at: Date.now(), rss: m.rss, heap: m.heapUsed, buffers: m.arrayBuffers, engines: services.deps.engines.memory.calculatedSize, loopP99Ms: loop.percentile(99) / 1e6, loopMaxMs: loop.max / 1e6 });
    loop.reset();
  }, every);
  process.on('message', (m) => {
    if (m !== 'stop') return;
    clearInterval(timer);
    diagnoseMemory();
    void bot.client.destroy().then(() => services.close()).finally(() => process.exit(0));
  });
}

/**
 * With `LOAD_BOT_NODE_ARGS=--expose-gc`: the bot's memory at the end before and after a full collection, on
 * stderr (what was garbage not yet collected, and what is really held: heap, array buffers, the rest of RSS).
 */
function diagnoseMemory(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return;
  const mb = (m: NodeJS.MemoryUsage) => `RSS ${Math.round(m.rss / 1e6)} MB, heap ${Math.round(m.heapUsed / 1e6)} MB, external ${Math.round(m.external / 1e6)} MB, array buffers ${Math.round(m.arrayBuffers / 1e6)} MB`;
  const before = process.memoryUsage();
  gc();
  gc();
  console.error(`bot memory at the end: ${mb(before)}; after full GC: ${mb(process.memoryUsage())}`);
}

main().catch((e: unknown) => {
  send({ kind: 'failed', error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  process.exit(1);
});
