/**
 * Start-up shared by `npm start` (src/index.ts) and `npm run playground` (src/playground/main.ts):
 * config -> services -> the Discord bot (with DISCORD_TOKEN) or the local playground (without, or when asked).
 */
import { errorMessage } from './kit/index.js';
import { ConfigError, loadConfig, redactConfig, type Config } from './config.js';
import { createLogger } from './log.js';

async function configOrExit(): Promise<Config> {
  try {
    return await loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
}

export async function start(mode: 'auto' | 'playground'): Promise<void> {
  const config = await configOrExit();
  const { createServices } = await import('./services.js');
  if (mode === 'playground' || !config.DISCORD_TOKEN) {
    // Logs go to stderr so that piped answers on stdout stay clean.
    const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL, process.stderr);
    if (process.stdin.isTTY && !config.DISCORD_TOKEN) {
      process.stdout.write(
        'No DISCORD_TOKEN set: this is the local playground over the same engine and storage.\n' +
          'To run the Discord bot, put your bot token in .env as DISCORD_TOKEN (README, "Bot setup").\n\n',
      );
    }
    const services = await createServices(config, { logger });
    const { runPlayground } = await import('./playground/index.js');
    const caller = { scope: 'playground', userId: 'local', userName: 'you' };
    try {
      // The playground uses the starter movie catalog until another one is uploaded.
      if (!(await services.catalog.info(caller.scope))) await services.catalog.starter(caller);
      await runPlayground({
        services,
        caller,
        input: process.stdin,
        output: process.stdout,
        isTTY: Boolean(process.stdin.isTTY),
        maxBytes: config.CATALOG_MAX_BYTES,
        onError: (e) => logger.error({ err: errorMessage(e) }, 'playground command failed'),
      });
    } finally {
      await services.close();
    }
    return;
  }
  const logger = createLogger(config.LOG_LEVEL);
  if (config.SHARDS !== undefined) {
    // This process only manages shard processes (src/shard/); each of them runs the bot below.
    logger.info({ config: redactConfig(config) }, 'starting Discord bot shards');
    const { runShards } = await import('./shard/manager.js');
    await runShards({ config, logger }).catch(exitOnConfigError);
    return;
  }
  logger.info({ config: redactConfig(config) }, 'starting Discord bot');
  const { startOps } = await import('./ops/start.js');
  const ops = await startOps(config, logger);
  const services = await createServices(config, { logger, metrics: ops.metrics });
  const { gatewayProblem, startBot } = await import('./discord/start.js');
  const { Drain } = await import('./kit/drain.js');
  const drain = new Drain();
  let bot: Awaited<ReturnType<typeof startBot>> | undefined;
  ops.watch({
    gateway: () => gatewayProblem(bot, drain),
    probeStore: () => services.deps.store.get('ops:health'),
    engineScopes: () => services.deps.engines.size,
  });
  bot = await startBot({ config, services, logger, drain, metrics: ops.metrics, afterStop: () => ops.close() });
}

/** A configuration problem found after parsing (SHARDS=auto on SQLite): the same one message and exit 1. */
function exitOnConfigError(e: unknown): never {
  if (!(e instanceof ConfigError)) throw e;
  process.stderr.write(`${e.message}\n`);
  process.exit(1);
}

/** Last resort for an entry point: report and exit non-zero rather than keep a broken process running. */
export function exitOnError(e: unknown): never {
  const msg = e instanceof Error ? (e.stack ?? e.message) : String(e);
  process.stderr.write(`Tastemaker stopped on an unexpected error:\n${msg}\n`);
  process.exit(1);
}
