import { Status } from 'discord.js';
import type { Services } from '../app/types.js';
import type { Config } from '../config.js';
import { Drain } from '../kit/drain.js';
import type { Metrics } from '../kit/metrics.js';
import type { Logger } from '../log.js';
import type { Bot } from './client.js';
import { createInteractionHooks } from './interaction-hooks.js';
import { loadCommands } from './loader.js';
import { loginBot } from './login.js';

export interface StartBotOptions {
  config: Config;
  services: Services;
  logger: Logger;
  commandsDir?: string;
  /** In-flight interactions and the graceful stop; the health check reads `stopping` from it. */
  drain?: Drain;
  metrics?: Metrics;
  /** Runs after the store is closed, before exit (the ops server closes here). */
  afterStop?: () => Promise<void>;
  /** Default process.exit. */
  exit?: (code: number) => void;
}

/** Null when the bot is logged in with every gateway shard READY; otherwise what it is doing. */
export function gatewayProblem(bot: Bot | undefined, drain?: Drain): string | null {
  if (drain?.stopping) return 'stopping';
  if (!bot) return 'logging in';
  if (!bot.client.isReady()) return 'not ready';
  const shards = [...bot.client.ws.shards.values()];
  const down = shards.filter((s) => s.status !== Status.Ready);
  if (shards.length === 0 || down.length > 0) return `reconnecting (${down.map((s) => `shard ${s.id}: ${Status[s.status]}`).join(', ') || 'no shard'})`;
  return null;
}

/**
 * Loads the commands, logs in (without the Message Content intent when Discord refuses it, see loginBot), and
 * stops gracefully on SIGTERM or SIGINT: new interactions get the "restarting" notice, those in flight (a
 * /recommend, a catalog upload) get up to SHUTDOWN_GRACE_S to finish, then the client goes, the store is
 * flushed and closed, and the process exits 0. A catalog upload cut off by the deadline leaves the previous
 * version whole (versioned writes). A second signal ends the wait at once.
 */
export async function startBot(o: StartBotOptions): Promise<Bot> {
  const commands = await loadCommands(o.commandsDir);
  const drain = o.drain ?? new Drain();
  const exit = o.exit ?? ((code: number) => process.exit(code));
  const hooks = createInteractionHooks({ drain, metrics: o.metrics, logger: o.logger });
  let bot: Bot | undefined;
  const graceMs = o.config.SHUTDOWN_GRACE_S * 1000;
  const stop = async (signal: string) => {
    if (drain.stopping) {
      o.logger.warn({ signal }, 'second stop signal: not waiting for work in flight any longer');
      drain.hurry();
      return;
    }
    drain.stop();
    o.logger.info({ signal, inFlight: drain.inFlight, graceS: o.config.SHUTDOWN_GRACE_S }, 'shutting down: new interactions get the restarting notice');
    // Last resort if closing itself hangs (a store that never answers): exit non-zero rather than hang.
    setTimeout(() => {
      o.logger.error('shutdown did not finish in time; exiting');
      exit(1);
    }, graceMs + 15_000).unref();
    const finished = await drain.idle(graceMs);
    if (finished) o.logger.info('work in flight finished');
    else o.logger.warn({ inFlight: drain.inFlight }, 'grace period over: work still in flight is cut off');
    try {
      await bot?.client.destroy();
      await o.services.close();
      await o.afterStop?.();
    } catch (e) {
      o.logger.error({ err: String(e) }, 'error while shutting down');
      return exit(1);
    }
    o.logger.info('stopped');
    exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  bot = await loginBot({ config: o.config, services: o.services, logger: o.logger, commands, token: o.config.DISCORD_TOKEN, hooks });
  o.logger.info(
    { commands: commands.map((c) => c.data.name), messageContent: bot.messageContent },
    'bot started; commands are registered with `npm run deploy-commands`',
  );
  return bot;
}
