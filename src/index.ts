/**
 * Entry: config -> services -> Discord client (with DISCORD_TOKEN) or the local playground (without).
 */
import { ConfigError, loadConfig, redactConfig } from './config.js';
import { createLogger } from './log.js';

async function main(): Promise<void> {
  let config;
  try {
    config = await loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  const logger = createLogger(config.LOG_LEVEL, config.DISCORD_TOKEN ? undefined : process.stderr);
  const { createServices } = await import('./services.js');
  const services = await createServices(config, { logger });
  if (!config.DISCORD_TOKEN) {
    if (process.stdin.isTTY) {
      process.stdout.write(
        'No DISCORD_TOKEN set: opening the local playground over the same engine and storage.\n' +
          'To run the Discord bot, create an application at https://discord.com/developers/applications,\n' +
          'copy its bot token into .env as DISCORD_TOKEN (see README "Bot setup"), then `npm start` again.\n\n',
      );
    }
    const { runPlayground } = await import('./playground/index.js');
    await runPlayground({ services, input: process.stdin, output: process.stdout, isTTY: Boolean(process.stdin.isTTY) });
    await services.close();
    return;
  }
  logger.info({ config: redactConfig(config) }, 'starting Discord bot');
  const { startBot } = await import('./discord/start.js');
  await startBot({ config, services, logger });
}

main().catch((e: unknown) => {
  // Last resort: report and exit non-zero rather than keep a broken process running.
  const msg = e instanceof Error ? (e.stack ?? e.message) : String(e);
  process.stderr.write(`Tastemaker stopped on an unexpected error:\n${msg}\n`);
  process.exit(1);
});
