import type { Interaction } from 'discord.js';
import { AppError } from '../app/errors.js';
import type { Drain } from '../kit/drain.js';
import { NO_METRICS, type InteractionOutcome, type Metrics } from '../kit/metrics.js';
import type { Logger } from '../log.js';
import { renderError } from './render/misc.js';
import { sendError } from './reply.js';

/** Discord shows "The application did not respond" when an interaction has no reply or defer after this long. */
export const ACK_WINDOW_MS = 3000;

/**
 * What the router runs around every interaction and conversation message (operations, not behaviour): the
 * latency and outcome by command, interactions acknowledged late, and the graceful stop (`Drain`): once
 * stopping, a new interaction gets the short "restarting" notice and a new conversation message is left
 * alone, while those already running finish.
 */
export interface InteractionHooks {
  around(i: Interaction, handle: () => Promise<InteractionOutcome>): Promise<void>;
  aroundMessage(handle: () => Promise<void>): Promise<void>;
}

export interface HooksOptions {
  drain: Drain;
  metrics?: Metrics;
  logger: Logger;
  clock?: () => number;
}

/** A bounded label: the command and subcommand, or the kind of component (with its handler prefix). */
export function commandLabel(i: Interaction): string {
  if (i.isChatInputCommand()) return [i.commandName, i.options.getSubcommand(false)].filter(Boolean).join(' ');
  if (i.isAutocomplete()) return `autocomplete ${i.commandName}`;
  if (i.isMessageComponent() || i.isModalSubmit()) {
    const kind = i.isModalSubmit() ? 'modal' : i.isButton() ? 'button' : 'select';
    const prefix = /^([a-z]{1,8})(?::|$)/.exec(i.customId)?.[1];
    return prefix ? `${kind} ${prefix}` : kind;
  }
  return 'other';
}

function acknowledged(i: Interaction): boolean {
  if (i.isAutocomplete()) return i.responded;
  return i.isRepliable() ? i.deferred || i.replied : true;
}

export function createInteractionHooks(o: HooksOptions): InteractionHooks {
  const metrics = o.metrics ?? NO_METRICS;
  const clock = o.clock ?? Date.now;

  async function restarting(i: Interaction): Promise<InteractionOutcome> {
    try {
      if (i.isAutocomplete()) await i.respond([]);
      else if (i.isRepliable()) await sendError(i, renderError(new AppError('bot.restarting').message));
    } catch (e) {
      o.logger.warn({ err: String(e) }, 'could not send the restarting notice');
    }
    return 'restarting';
  }

  return {
    async around(i, handle) {
      const started = clock();
      const command = commandLabel(i);
      // Counted when the window closes with no reply or defer yet (the member saw "did not respond").
      const left = Math.max(0, ACK_WINDOW_MS - (started - i.createdTimestamp));
      const late = setTimeout(() => {
        if (!acknowledged(i)) metrics.lateAck(command);
      }, left);
      let outcome: InteractionOutcome = 'error';
      try {
        outcome = await o.drain.track(handle, () => restarting(i));
      } finally {
        clearTimeout(late);
        metrics.interaction(command, outcome, (clock() - started) / 1000);
      }
    },
    aroundMessage(handle) {
      return o.drain.track(handle, async () => o.logger.debug('stopping: conversation message left unanswered'));
    },
  };
}
