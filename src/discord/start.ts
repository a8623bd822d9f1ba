import type { Services } from '../app/types.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { Bot } from './client.js';
import { loadCommands } from './loader.js';
import { loginBot } from './login.js';

/**
 * Loads the commands, logs in (without the Message Content intent when Discord refuses it, see loginBot),
 * and shuts down cleanly on SIGINT/SIGTERM (client first, then services).
 */
export async function startBot(o: { config: Config; services: Services; logger: Logger; commandsDir?: string }): Promise<void> {
  const commands = await loadCommands(o.commandsDir);
  let bot: Bot | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    o.logger.info({ signal }, 'shutting down');
    await bot?.client.destroy();
    await o.services.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  bot = await loginBot({ config: o.config, services: o.services, logger: o.logger, commands, token: o.config.DISCORD_TOKEN });
  o.logger.info(
    { commands: commands.map((c) => c.data.name), messageContent: bot.messageContent },
    'bot started; commands are registered with `npm run deploy-commands`',
  );
}
