import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  MessageComponentInteraction,
  ModalSubmitInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Caller, Services } from '../app/types.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';

/** What every handler gets besides the interaction and the services. */
export interface CommandContext {
  config: Config;
  logger: Logger;
  /** Who asks, where: scope is the guild id, or `dm:{userId}` outside a server. */
  caller: Caller;
  /** Wall clock, injectable for tests. */
  clock: () => number;
  /** Fetches an attachment (defaults to globalThis.fetch). */
  fetch: typeof globalThis.fetch;
  /** Remembers who asked in a conversation thread (see threads.ts). */
  threads: import('./threads.js').ThreadRegistry;
  /**
   * How long a cheap handler (store reads) may work before its lazy defer fires (`defer(i, e, { afterMs })`);
   * DEFER_AFTER_MS by default, injectable so tests need no real sleeps. Engine and LLM work defers at once.
   */
  deferAfterMs: number;
  /** Whether the bot runs with the Message Content intent; without it only messages that mention it can be read. */
  messageContent: boolean;
}

export type ComponentInteraction = MessageComponentInteraction | ModalSubmitInteraction;

/** Handles buttons, selects or modals whose custom id starts with `${prefix}:`. */
export interface ComponentHandler {
  prefix: string;
  handle(interaction: ComponentInteraction, services: Services, ctx: CommandContext, rest: string): Promise<void>;
}

/** The shape every file in `commands/` exports as default; checked by the loader. */
export interface Command {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, services: Services, ctx: CommandContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, services: Services, ctx: CommandContext): Promise<void>;
  components?: ComponentHandler[];
}
