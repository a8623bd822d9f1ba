import type { Interaction, Message } from 'discord.js';
import type { Services } from '../app/types.js';
import type { Config } from '../config.js';
import { scrubSecrets, type Logger } from '../log.js';
import { secretValues } from '../kit/index.js';
import { callerOf } from './caller.js';
import { recommendationComponents } from './components.js';
import { AppError, asUserError } from '../app/errors.js';
import { APOLOGY } from '../app/messages.js';
import { DEFER_AFTER_MS, sendError } from './reply.js';
import { renderError } from './render/misc.js';
import { NO_MENTIONS } from './render/limits.js';
import { handleConversationMessage } from './conversation-message.js';
import { ThreadRegistry } from './threads.js';
import { MemberLimits } from '../app/limits.js';
import { allowRefinement, checkCommandLimit, checkComponentLimit } from './limits-check.js';
import type { Command, CommandContext, ComponentHandler } from './types.js';
import type { InteractionHooks } from './interaction-hooks.js';
import type { InteractionOutcome } from '../kit/metrics.js';

export interface RouterOptions {
  commands: Command[];
  services: Services;
  config: Config;
  logger: Logger;
  clock?: () => number;
  fetch?: typeof globalThis.fetch;
  registry?: ThreadRegistry;
  /** The lazy defer's delay for cheap handlers (default DEFER_AFTER_MS). */
  deferAfterMs?: number;
  /** Whether the bot has the Message Content intent (default true). */
  messageContent?: boolean;
  /** Metrics and the graceful stop around every interaction and message (src/discord/interaction-hooks.ts). */
  hooks?: InteractionHooks;
  /** Per-member cooldowns (default: from the config, on the router's clock). */
  limits?: MemberLimits;
}

export interface Router {
  onInteraction(i: Interaction): Promise<void>;
  onMessage(m: Message, botId: string): Promise<void>;
  readonly commands: ReadonlyMap<string, Command>;
}

interface ErrorMeta {
  kind: string;
  command?: string;
  customId?: string;
  userId: string;
  guildId: string | null;
}

/**
 * Routes every interaction and conversation message to its handler, and handles every error in ONE place:
 * an AppError (or a service error carrying `userMessage`) is shown from the message table, its code logged; anything else
 * is logged with its context (never tokens) and the user gets a short apology. Every path answers.
 */
export function createRouter(o: RouterOptions): Router {
  const commands = new Map(o.commands.map((c) => [c.data.name, c]));
  const components = new Map<string, ComponentHandler>();
  for (const h of [...recommendationComponents, ...o.commands.flatMap((c) => c.components ?? [])]) {
    if (components.has(h.prefix)) throw new Error(`Two component handlers claim the custom-id prefix "${h.prefix}:"`);
    components.set(h.prefix, h);
  }
  const registry = o.registry ?? new ThreadRegistry();
  const limits = o.limits ?? new MemberLimits(o.config, o.clock);
  const secrets = secretValues(o.config);
  const ctxFor = (x: Parameters<typeof callerOf>[0]): CommandContext => ({
    config: o.config,
    logger: o.logger,
    caller: callerOf(x),
    clock: o.clock ?? Date.now,
    fetch: o.fetch ?? globalThis.fetch,
    threads: registry,
    deferAfterMs: o.deferAfterMs ?? DEFER_AFTER_MS,
    messageContent: o.messageContent ?? true,
  });

  async function handleError(err: unknown, meta: ErrorMeta, answer: (text: string) => Promise<unknown>): Promise<InteractionOutcome> {
    const user = asUserError(err);
    if (user) {
      o.logger.debug({ ...meta, code: user.code }, 'user error');
    } else {
      const e = err instanceof Error ? err : new Error(String(err));
      o.logger.error({ ...meta, err: { name: e.name, message: scrubSecrets(e.message, secrets), stack: scrubSecrets(e.stack ?? '', secrets) } }, 'handler failed');
    }
    try {
      await answer(user ? user.message : APOLOGY);
    } catch (e2) {
      o.logger.warn({ ...meta, err: scrubSecrets(String(e2), secrets) }, 'could not deliver the error reply');
    }
    return user ? 'user-error' : 'error';
  }

  async function onInteraction(i: Interaction): Promise<InteractionOutcome> {
    let outcome: InteractionOutcome = 'ok';
    const meta: ErrorMeta = { kind: 'interaction', userId: i.user.id, guildId: i.guildId };
    if (i.isAutocomplete()) {
      meta.kind = 'autocomplete';
      meta.command = i.commandName;
      try {
        const cmd = commands.get(i.commandName);
        if (!cmd?.autocomplete) await i.respond([]);
        else await cmd.autocomplete(i, o.services, ctxFor(i));
      } catch (err) {
        // Autocomplete cannot show text: answer with no choices so the client stops waiting.
        outcome = await handleError(err, meta, async () => {
          if (!i.responded) await i.respond([]);
        });
      }
      return outcome;
    }
    if (!i.isRepliable()) return outcome;
    // Errors are always private, also after a public defer (see sendError).
    const answer = (text: string) => sendError(i, renderError(text));
    try {
      if (i.isChatInputCommand()) {
        meta.kind = 'command';
        meta.command = [i.commandName, i.options.getSubcommand(false)].filter(Boolean).join(' ');
        const cmd = commands.get(i.commandName);
        if (!cmd) throw new Error(`No handler for command /${i.commandName}`);
        checkCommandLimit(limits, i.guildId ?? `dm:${i.user.id}`, i.user.id, meta.command);
        await cmd.execute(i, o.services, ctxFor(i));
      } else if (i.isMessageComponent() || i.isModalSubmit()) {
        meta.kind = i.isModalSubmit() ? 'modal' : i.isButton() ? 'button' : 'select';
        meta.customId = i.customId;
        const sep = i.customId.indexOf(':');
        const prefix = sep < 0 ? i.customId : i.customId.slice(0, sep);
        const h = components.get(prefix);
        if (!h) throw new AppError('component.unknown');
        checkComponentLimit(limits, i.guildId ?? `dm:${i.user.id}`, i.user.id, prefix);
        await h.handle(i, o.services, ctxFor(i), sep < 0 ? '' : i.customId.slice(sep + 1));
      }
    } catch (err) {
      outcome = await handleError(err, meta, answer);
    }
    return outcome;
  }

  async function onMessage(m: Message, botId: string): Promise<void> {
    if (m.author.bot) return;
    try {
      await handleConversationMessage(m, { services: o.services, registry, logger: o.logger, botId, messageContent: o.messageContent ?? true, allow: (x) => allowRefinement(limits, x) });
    } catch (err) {
      await handleError(err, { kind: 'message', userId: m.author.id, guildId: m.guildId }, (text) =>
        m.reply({ ...renderError(text), flags: undefined, allowedMentions: NO_MENTIONS }),
      );
    }
  }

  const hooks = o.hooks;
  return {
    onInteraction: (i) => (hooks ? hooks.around(i, () => onInteraction(i)) : onInteraction(i).then(() => undefined)),
    onMessage: (m, botId) => (hooks ? hooks.aroundMessage(() => onMessage(m, botId)) : onMessage(m, botId)),
    commands,
  };
}
