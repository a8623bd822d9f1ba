/**
 * `npm run bench -- load [flags]` (see LOAD_USAGE): 1,000 interactions from 200 members across 20 servers in
 * 60 s by default, through the Discord emulator, against the real bot in its own process (bench/load-bot.ts)
 * on SQLite, Redis or memory, with `--llm` against the Gemini emulator. Reports per command the time to the
 * first callback (acknowledgement) and to the final answer (p50, p99), how many were acknowledged after 3 s,
 * error replies, cooldown replies and unanswered ones. `--soak S` keeps the same rate for S seconds and
 * reports the bot's resident memory slope (MB/min, least squares over the samples after the first minute).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConfig } from '../src/config.js';
import { deployCommands } from '../src/discord/deploy.js';
import { loadCommands } from '../src/discord/loader.js';
import { answered, visibleText } from '../test/e2e/harness.js';
import { startDiscordEmulator, type InteractionInput, type InteractionRecord } from '../test/emulators/discord/index.js';
import { startGeminiEmulator } from '../test/emulators/gemini.js';
import { cooperativeModel } from './bot.js';
import type { BotMessage } from './load-bot.js';
import { buildWorld, LOAD_USAGE, MIX, parseLoadFlags, slopeMbPerMin, type LoadFlags } from './load-world.js';
import { fmt, summary, table } from './stats.js';

const ACK_LIMIT_MS = 3_000;
const BOT = fileURLToPath(new URL('./load-bot.ts', import.meta.url));

type Sent = { command: string; t0: number; rec: InteractionRecord };

function startBot(env: Record<string, string>): { child: ChildProcess; next: (kind: BotMessage['kind']) => Promise<BotMessage>; mem: { at: number; bytes: number; heap: number; buffers: number; engines: number; loopP99Ms: number; loopMaxMs: number }[] } {
  const child = fork(BOT, [], { env: { ...process.env, ...env }, execArgv: ['--import', 'tsx', ...(process.env.LOAD_BOT_NODE_ARGS ?? '').split(' ').filter(Boolean)], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const mem: { at: number; bytes: number; heap: number; buffers: number; engines: number; loopP99Ms: number; loopMaxMs: number }[] = [];
  const waiting: { kind: BotMessage['kind']; resolve: (m: BotMessage) => void; reject: (e: Error) => void }[] = [];
  child.on('message', (m: BotMessage) => {
    if (m.kind === 'mem') mem.push({ at: m.at, bytes: m.rss, heap: m.heap, buffers: m.buffers, engines: m.engines, loopP99Ms: m.loopP99Ms, loopMaxMs: m.loopMaxMs });
    if (m.kind === 'failed') for (const w of waiting.splice(0)) w.reject(new Error(`bot process failed: ${m.error}`));
    const i = waiting.findIndex((w) => w.kind === m.kind);
    if (i >= 0) waiting.splice(i, 1)[0].resolve(m);
  });
  child.on('exit', (code) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`bot process exited (${code}) before "${w.kind}"`));
  });
  return { child, mem, next: (kind) => new Promise((resolve, reject) => waiting.push({ kind, resolve, reject })) };
}

function storeUrl(f: LoadFlags): { url: string; cleanup: () => void } {
  if (f.store === 'memory') return { url: 'memory://', cleanup: () => {} };
  if (f.store === 'redis') return { url: f.redisUrl, cleanup: () => {} };
  const dir = mkdtempSync(path.join(tmpdir(), 'tastemaker-load-'));
  return { url: `sqlite://${path.join(dir, 'load.sqlite')}`, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const isError = (rec: InteractionRecord) => /^⚠️/.test(visibleText(rec.final())) && !/going a bit fast/.test(visibleText(rec.final()));
const isCooldown = (rec: InteractionRecord) => /going a bit fast/.test(visibleText(rec.final()));
const lastAt = (r: InteractionRecord) => Math.max(...r.callbacks.map((c) => c.at), ...r.edits.map((e) => e.at), ...r.followUps.map((x) => x.at));

export async function benchLoad(args: string[]): Promise<void> {
  let f: LoadFlags;
  try {
    f = parseLoadFlags(args);
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(2);
  }
  const world = buildWorld(f);
  const emu = await startDiscordEmulator({ guilds: world.guilds });
  const gemini = f.llm ? await startGeminiEmulator({ latencyMs: 0 }) : undefined;
  gemini?.respond(cooperativeModel);
  const store = storeUrl(f);
  const env: Record<string, string> = {
    DISCORD_TOKEN: emu.token, DISCORD_APP_ID: emu.applicationId, DISCORD_API_URL: emu.apiUrl, STORE_URL: store.url, LOG_LEVEL: 'silent',
    LLM_PROVIDER: gemini ? 'gemini' : 'none', USER_DAILY_LLM_CALLS: '1000000', SERVER_DAILY_LLM_CALLS: '10000000',
    USER_DAILY_LLM_TOKENS: '1000000000', SERVER_DAILY_LLM_TOKENS: '1000000000',
    ...(gemini ? { GEMINI_API_KEY: gemini.apiKey, GEMINI_BASE_URL: gemini.url } : {}),
    LOAD_GUILDS: world.guilds.map((g) => g.id).join(','), LOAD_MEMBERS: JSON.stringify(world.membersByGuild), LOAD_ITEMS: String(f.items),
  };
  // Registered globally, so that every guild of the emulator knows the options.
  await deployCommands({ config: parseConfig(env), commands: await loadCommands() });
  const bot = startBot(env);
  const sent: Sent[] = [];
  const started = Date.now();
  try {
    const seeded = (await bot.next('seeded')) as Extract<BotMessage, { kind: 'seeded' }>;
    await bot.next('ready');
    await emu.waitForReady(30_000);
    console.log(`seeded ${f.guilds} guilds x ${seeded.items.toLocaleString('en-US')} items and ${f.members} members' ratings, one warm-up list per guild, in ${(seeded.ms / 1000).toFixed(1)} s`);
    const runMs = (f.soakS || f.durationS) * 1000;
    const gapMs = (f.durationS * 1000) / f.count;
    const total = f.soakS ? Math.floor(runMs / gapMs) : f.count;
    const t0 = Date.now();
    for (let k = 0; k < total; k++) {
      const wait = t0 + k * gapMs - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const who = world.order[k % world.order.length];
      const [command, input] = MIX[(k + Math.floor(k / world.order.length)) % MIX.length];
      const at = Date.now();
      sent.push({ command, t0: at, rec: await emu.interact({ ...who, ...input } as InteractionInput) });
      if (f.soakS && k % 500 === 499) console.log(`  ${k + 1} sent, ${((Date.now() - t0) / 1000).toFixed(0)} s, bot RSS ${fmt((bot.mem.at(-1)?.bytes ?? 0) / 1e6, 0)} MB`);
    }
    const sendMs = Date.now() - t0;
    await emu.waitFor(() => sent.every((s) => answered(s.rec)), 120_000).catch(() => undefined);
    await Promise.all(sent.map((s) => s.rec.settled(150, 30_000).catch(() => undefined)));
    report(f, sent, sendMs, bot.mem, gemini?.counts.generateContent);
  } finally {
    bot.child.send('stop');
    await new Promise((r) => bot.child.once('exit', r));
    await emu.close();
    await gemini?.close();
    store.cleanup();
    console.log(`total ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
}

function report(f: LoadFlags, sent: Sent[], sendMs: number, mem: { at: number; bytes: number; heap: number; buffers: number; engines: number; loopP99Ms: number; loopMaxMs: number }[], llmCalls?: number): void {
  const by = new Map<string, Sent[]>();
  for (const s of sent) by.set(s.command, [...(by.get(s.command) ?? []), s]);
  const rows = [...by.entries(), ['ALL', sent] as [string, Sent[]]].map(([command, ss]) => {
    const acked = ss.filter((s) => s.rec.callbacks.length > 0);
    const ack = summary(acked.map((s) => s.rec.callbacks[0].at - s.t0));
    const fin = summary(acked.map((s) => lastAt(s.rec) - s.t0));
    const late = ss.filter((s) => !s.rec.callbacks.length || s.rec.callbacks[0].at - s.t0 > ACK_LIMIT_MS).length;
    return [command, ss.length, fmt(ack.p50, 0), fmt(ack.p99, 0), fmt(fin.p50, 0), fmt(fin.p99, 0), late, ss.filter((s) => isError(s.rec)).length, ss.filter((s) => isCooldown(s.rec)).length, ss.filter((s) => !answered(s.rec)).length];
  });
  const what = `${f.store}${f.store === 'redis' ? ` (${f.redisUrl})` : ''}, ${f.llm ? `Gemini emulator (${llmCalls ?? 0} generateContent calls)` : 'offline'}`;
  console.log(`\nload: ${sent.length} interactions from ${f.members} members in ${f.guilds} guilds, sent over ${(sendMs / 1000).toFixed(1)} s; ${what}; times in ms`);
  console.log(table(['command', 'n', 'ack p50', 'ack p99', 'final p50', 'final p99', `ack > ${ACK_LIMIT_MS / 1000} s`, 'error replies', 'cooldown replies', 'unanswered'], rows));
  const errors = [...new Set(sent.filter((s) => isError(s.rec)).map((s) => `${s.command}: ${visibleText(s.rec.final()).slice(0, 120)}`))];
  if (errors.length) console.log(`error replies, first kinds:\n  ${errors.slice(0, 5).join('\n  ')}`);
  if (mem.length) {
    const first = mem[0];
    const last = mem[mem.length - 1];
    const afterWarmup = mem.filter((m) => m.at - first.at >= 60_000);
    const use = afterWarmup.length >= 2 ? afterWarmup : mem;
    console.log(`bot RSS ${fmt(first.bytes / 1e6, 0)} -> ${fmt(last.bytes / 1e6, 0)} MB (heap ${fmt(first.heap / 1e6, 0)} -> ${fmt(last.heap / 1e6, 0)} MB, array buffers ${fmt(first.buffers / 1e6, 0)} -> ${fmt(last.buffers / 1e6, 0)} MB, engines as weighed ${fmt(first.engines / 1e6, 0)} -> ${fmt(last.engines / 1e6, 0)} MB) over ${((last.at - first.at) / 60_000).toFixed(1)} min; ` +
      `slope ${fmt(slopeMbPerMin(use), 2)} MB/min RSS, ${fmt(slopeMbPerMin(use.map((m) => ({ at: m.at, bytes: m.heap }))), 2)} MB/min heap (${use.length} samples${use === afterWarmup ? ' after the first minute' : ''})`);
    const loopP99 = mem.map((m) => m.loopP99Ms).sort((a, b) => a - b);
    console.log(`bot event loop blocked: worst ${fmt(Math.max(...mem.map((m) => m.loopMaxMs)), 0)} ms; per ${mem.length} sample windows p99 median ${fmt(loopP99[loopP99.length >> 1], 0)} ms, worst ${fmt(loopP99.at(-1) ?? 0, 0)} ms`);
  }
}

export { LOAD_USAGE };
