/** `npm run playground`: the terminal face over the real services and storage. */
import { ConfigError, loadConfig } from '../config.js';
import { createLogger } from '../log.js';
import { runPlayground } from './index.js';

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
  // Logs go to stderr so that piped answers on stdout stay clean.
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL, process.stderr);
  const { createServices } = await import('../services.js');
  const services = await createServices(config, { logger });
  try {
    await runPlayground({
      services, input: process.stdin, output: process.stdout, isTTY: Boolean(process.stdin.isTTY), maxBytes: config.CATALOG_MAX_BYTES,
      onError: (e) => logger.error({ err: e instanceof Error ? e.message : String(e) }, 'playground command failed'),
    });
  } finally {
    await services.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`Playground stopped on an unexpected error:\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
