import { Client, Events, GatewayIntentBits, Partials } from 'discord.js';
import type { Services } from '../app/types.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { createRouter, type Router } from './router.js';
import { isConversationThread, ThreadRegistry } from './threads.js';
import type { Command } from './types.js';
import { attachVoteEvents } from './vote-events.js';
import type { InteractionHooks } from './interaction-hooks.js';

export interface BotOptions {
  config: Config;
  services: Services;
  logger: Logger;
  commands: Command[];
  clock?: () => number;
  fetch?: typeof globalThis.fetch;
  /**
   * Ask for the privileged Message Content intent (default true). Without it, thread refinement works
   * when the bot is mentioned, and the bot says so once per thread. `loginBot` falls back to false when
   * Discord refuses the intent (4014).
   */
  messageContent?: boolean;
  /** The lazy defer's delay for cheap handlers (default DEFER_AFTER_MS); tests inject it instead of sleeping. */
  deferAfterMs?: number;
  /** Metrics and the graceful stop around every interaction (src/discord/interaction-hooks.ts); none by default. */
  hooks?: InteractionHooks;
}

export interface Bot {
  client: Client;
  router: Router;
  /** Whether this client asked for the Message Content intent. */
  messageContent: boolean;
}

/**
 * The Discord client with its event wiring. It never registers commands (that is `npm run deploy-commands`);
 * `DISCORD_API_URL` goes to the REST base; mentions are off by default and on every reply.
 */
export function createBot(o: BotOptions): Bot {
  const messageContent = o.messageContent ?? true;
  const client = new Client({
    intents: [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.DirectMessages,
      // Who is in a voice channel, for /together (not privileged).
      GatewayIntentBits.GuildVoiceStates,
      ...(messageContent ? [GatewayIntentBits.MessageContent] : []),
    ],
    partials: [Partials.Channel],
    allowedMentions: { parse: [] },
    ...(o.config.DISCORD_API_URL ? { rest: { api: o.config.DISCORD_API_URL } } : {}),
  });
  const router = createRouter({ ...o, messageContent, registry: new ThreadRegistry() });
  client.on(Events.InteractionCreate, (i) => void router.onInteraction(i));
  client.on(Events.MessageCreate, (m) => {
    if (m.author.bot || !client.user) return;
    // The bot's own threads, DMs, and replies anywhere (the handler keeps only an asker's reply to their own list).
    const inConversation = isConversationThread(m.channel, client.user.id) || !m.inGuild() || m.reference !== null;
    if (inConversation) void router.onMessage(m, client.user.id);
  });
  attachVoteEvents(client, o.services, o.logger);
  client.once(Events.ClientReady, (c) => o.logger.info({ user: c.user.tag, guilds: c.guilds.cache.size }, 'discord ready'));
  client.on(Events.Error, (e) => o.logger.error({ err: e.message }, 'discord client error'));
  client.on(Events.Warn, (w) => o.logger.warn({ warning: w }, 'discord client warning'));
  return { client, router, messageContent };
}
