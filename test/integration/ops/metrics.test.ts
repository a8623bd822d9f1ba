/**
 * /metrics after a few interactions through the real discord.js client and the Discord emulator, over the real
 * services (memory store, Gemini emulator), with the router's hooks and the Prometheus metrics wired as `npm start` does.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config.js';
import { deployCommands } from '../../../src/discord/deploy.js';
import { createInteractionHooks } from '../../../src/discord/interaction-hooks.js';
import { loadCommands } from '../../../src/discord/loader.js';
import { loginBot } from '../../../src/discord/login.js';
import type { Bot } from '../../../src/discord/client.js';
import { Drain } from '../../../src/kit/drain.js';
import { createLogger } from '../../../src/log.js';
import { checkHealth } from '../../../src/ops/health.js';
import { PromMetrics } from '../../../src/ops/prom-metrics.js';
import { startOpsServer, type OpsServer } from '../../../src/ops/server.js';
import { gatewayProblem } from '../../../src/discord/start.js';
import { createServices, type AppServices } from '../../../src/services.js';
import { startDiscordEmulator, type DiscordEmulator, type InteractionInput } from '../../emulators/discord/index.js';
import { startGeminiEmulator, type GeminiEmulator } from '../../emulators/gemini.js';
import { answered, E2E_ENV } from '../../e2e/harness.js';

const MOVIES = new Uint8Array(readFileSync(new URL('../../fixtures/app/movies-small.csv', import.meta.url)));
const ADMIN = { id: 'admin', username: 'admin' };

/** The "Candidates" data block of a prompt, as the model sees it. */
function candidates(prompt: string): { id: string }[] {
  const m = /(?:^|\n)Candidates:\n<data>\n(.*?)\n<\/data>/s.exec(prompt);
  return m ? (JSON.parse(m[1]) as { id: string }[]) : [];
}

/** The value of `name{a="x",b="y"}` in Prometheus text, whatever the order of the labels; NaN when absent. */
function valueOf(text: string, series: string): number {
  const labels = (s: string) => [...s.matchAll(/(\w+)="([^"]*)"/g)].map((m) => `${m[1]}=${m[2]}`).sort().join(',');
  const [name, want] = [series.slice(0, series.indexOf('{')), labels(series)];
  for (const line of text.split('\n')) {
    const m = /^(\w+)\{(.*)\} (\S+)$/.exec(line);
    if (m && m[1] === name && labels(m[2]) === want) return Number(m[3]);
  }
  return Number.NaN;
}

describe('the /metrics endpoint over a running bot', () => {
  let emu: DiscordEmulator;
  let gemini: GeminiEmulator;
  let app: AppServices;
  let bot: Bot;
  let ops: OpsServer;
  const metrics = new PromMetrics({ shard: '3', processMetrics: false });
  const logger = createLogger('silent');
  const run = async (input: Partial<InteractionInput> & Pick<InteractionInput, 'type'>) => {
    const rec = await emu.interact({ user: ADMIN, guildId: 'g1', channelId: 'c1', ...input } as InteractionInput);
    await rec.settled(150, 30_000);
    await emu.waitFor(() => answered(rec), 30_000);
    await rec.settled(150, 30_000);
    return rec;
  };
  const scrape = async () => (await fetch(`http://127.0.0.1:${ops.port}/metrics`)).text();

  beforeAll(async () => {
    gemini = await startGeminiEmulator({ apiKey: 'ops-gemini-key' });
    // The model names one id it was not given (a grounding miss) and two real candidates.
    gemini.respond((r) => ({ json: { picks: [{ id: 'made-up-id', reason: 'invented' }, ...candidates(r.prompt).slice(0, 2).map((c) => ({ id: c.id, reason: 'fits' }))] } }));
    emu = await startDiscordEmulator();
    const config = parseConfig({
      DISCORD_TOKEN: emu.token, DISCORD_APP_ID: emu.applicationId, DISCORD_API_URL: emu.apiUrl, LOG_LEVEL: 'silent', STORE_URL: 'memory://', ...E2E_ENV,
      LLM_PROVIDER: 'gemini', GEMINI_API_KEY: gemini.apiKey, GEMINI_BASE_URL: gemini.url,
    });
    app = await createServices(config, { logger, retrainDelayMs: 0, providerDeps: { retry: { retries: 0 } }, metrics });
    metrics.watchEngines(() => app.deps.engines.size);
    const commands = await loadCommands(resolve(import.meta.dirname, '../../../commands'));
    await deployCommands({ config, commands, guildId: 'g1' });
    const drain = new Drain();
    bot = await loginBot({ config, services: app, logger, commands, token: emu.token, hooks: createInteractionHooks({ drain, metrics, logger }) });
    await emu.waitForReady();
    ops = await startOpsServer({
      port: 0,
      health: () => checkHealth({ gateway: () => gatewayProblem(bot, drain), probeStore: () => app.deps.store.get('ops:health') }),
      scrape: () => metrics.scrape(),
      logger,
    });
  }, 60_000);
  afterAll(async () => {
    await ops?.close();
    await bot?.client.destroy();
    await emu?.close();
    await app?.close();
    await gemini?.close();
  });

  it('GIVEN an upload, a /recommend and /help through the emulator THEN /metrics counts each by command and outcome, with the LLM call, its tokens, the grounding miss and the catalog write', async () => {
    const file = emu.addAttachment('movies.csv', MOVIES, 'text/csv');
    const up = await run({ type: 'command', name: 'catalog', subcommand: 'upload', options: { file: file.id }, attachments: { file } });
    expect(JSON.stringify(up.final()), 'set-up: the upload is applied').toMatch(/50/);
    await run({ type: 'command', name: 'recommend', options: { request: 'heist movies', count: 3 } });
    await run({ type: 'command', name: 'help' });
    await run({ type: 'command', name: 'rate', options: { title: 'Not A Movie At All', score: 4 } });

    const text = await scrape();
    const sample = (series: string) => valueOf(text, series);
    expect(sample('tastemaker_interaction_duration_seconds_count{command="catalog upload",outcome="ok",shard="3"}')).toBe(1);
    expect(sample('tastemaker_interaction_duration_seconds_count{command="recommend",outcome="ok",shard="3"}')).toBe(1);
    expect(sample('tastemaker_interaction_duration_seconds_count{command="help",outcome="ok",shard="3"}')).toBe(1);
    expect(sample('tastemaker_interaction_duration_seconds_count{command="rate",outcome="user-error",shard="3"}')).toBe(1);
    expect(sample('tastemaker_llm_calls_total{use="conversation",outcome="ok",shard="3"}')).toBe(1);
    expect(sample('tastemaker_llm_cache_total{use="conversation",result="miss",shard="3"}')).toBe(1);
    expect(sample('tastemaker_llm_tokens_total{use="conversation",kind="prompt",shard="3"}')).toBeGreaterThan(0);
    expect(sample('tastemaker_llm_latency_seconds_count{use="conversation",shard="3"}')).toBe(1);
    expect(sample('tastemaker_llm_grounding_misses_total{use="conversation",shard="3"}')).toBe(1);
    expect(sample('tastemaker_catalog_uploads_total{outcome="ok",shard="3"}')).toBe(1);
    expect(sample('tastemaker_engine_scopes{shard="3"}')).toBe(1);
    expect(sample('tastemaker_shard_info{shard="3"}')).toBe(1);
    // Families with nothing to count yet are still announced, so dashboards and alerts can name them.
    for (const family of ['tastemaker_interactions_late_ack_total', 'tastemaker_llm_failures_total', 'tastemaker_llm_budget_fallbacks_total', 'tastemaker_store_errors_total']) {
      expect(text).toContain(`# TYPE ${family} counter`);
    }
    const health = await fetch(`http://127.0.0.1:${ops.port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', gateway: 'ready', store: 'ok' });
  }, 60_000);
});
