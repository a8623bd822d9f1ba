import { Events } from 'discord.js';
import type { Services } from '../app/types.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { createBot } from './client.js';
import { loadCommands } from './loader.js';

/** Loads the commands, logs in, and shuts down cleanly on SIGINT/SIGTERM (client first, then services). */
export async function startBot(o: { config: Config; services: Services; logger: Logger; commandsDir?: string }): Promise<void> {
  const commands = await loadCommands(o.commandsDir);
  const { client } = createBot({ config: o.config, services: o.services, logger: o.logger, commands });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    o.logger.info({ signal }, 'shutting down');
    await client.destroy();
    await o.services.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await client.login(o.config.DISCORD_TOKEN);
  await ready;
  o.logger.info({ commands: commands.map((c) => c.data.name) }, 'bot started; commands are registered with `npm run deploy-commands`');
}
