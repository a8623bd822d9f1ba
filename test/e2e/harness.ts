/**
 * Builds the REAL bot (discord.js client, loader, router, commands) against the Discord emulator,
 * over any `Services` (the fake for now; the real composition root later).
 */
import { resolve } from 'node:path';
import type { Services } from '../../src/app/types.js';
import { parseConfig, type Config } from '../../src/config.js';
import { createLogger, type Logger } from '../../src/log.js';
import type { Bot } from '../../src/discord/client.js';
import { loginBot } from '../../src/discord/login.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { loadCommands } from '../../src/discord/loader.js';
import { startDiscordEmulator, type DiscordEmulator, type EmulatorOptions, type InteractionInput, type InteractionRecord } from '../emulators/discord/index.js';

export const ADMIN = { id: 'admin', username: 'admin' };
export const MEMBER = { id: 'member', username: 'member' };
export const GUILD = 'g1';
export const CHANNEL = 'c1';

export interface Harness {
  emu: DiscordEmulator;
  bot: Bot;
  config: Config;
  services: Services;
  /** Dispatches an interaction in g1/c1 as `user` (default admin) and waits until it settles. */
  run(input: Partial<InteractionInput> & Pick<InteractionInput, 'type'>, opts?: { settle?: boolean }): Promise<InteractionRecord>;
  /** Destroys the client and starts a new one on the same emulator and services (a bot restart). */
  restartBot(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The emulator serves attachments on 127.0.0.1, so the tests allow that host; the per-member cooldowns are off
 * (tests fire many commands as one member at once) except in the tests of the limits, which pass `env`.
 */
export const E2E_ENV: Readonly<Record<string, string>> = { ATTACHMENT_HOSTS: '127.0.0.1', COOLDOWN_LIST_S: '0', COOLDOWN_FILE_S: '0', REFINES_PER_MINUTE: '0' };

export interface HarnessOptions {
  services: Services;
  emulator?: EmulatorOptions;
  env?: Record<string, string>;
  clock?: () => number;
  messageContent?: boolean;
  /** The lazy defer's delay for cheap commands (default: the bot's DEFER_AFTER_MS). */
  deferAfterMs?: number;
  logger?: Logger;
}

export async function startHarness(o: HarnessOptions): Promise<Harness> {
  const emu = await startDiscordEmulator(o.emulator);
  const config = parseConfig({ DISCORD_TOKEN: emu.token, DISCORD_APP_ID: emu.applicationId, DISCORD_API_URL: emu.apiUrl, LOG_LEVEL: 'silent', ...E2E_ENV, ...o.env });
  const logger = o.logger ?? createLogger(process.env.E2E_LOG ?? 'silent');
  const commands = await loadCommands(resolve(import.meta.dirname, '../../commands'));
  // Registered as a guild command through the real deploy script, so the emulator knows the option types.
  await deployCommands({ config, commands, guildId: GUILD });
  const login = async () => {
    // The start-up path of `npm start`: asks for Message Content (unless told not to), falls back on 4014.
    const bot = await loginBot({ config, services: o.services, logger, commands, clock: o.clock, messageContent: o.messageContent, deferAfterMs: o.deferAfterMs, token: emu.token });
    await emu.waitForReady();
    return bot;
  };
  let bot = await login();
  return {
    emu,
    get bot() {
      return bot;
    },
    config,
    services: o.services,
    async run(input, opts = {}) {
      const full = { user: ADMIN, guildId: GUILD, channelId: CHANNEL, ...input } as InteractionInput;
      const rec = await emu.interact(full);
      if (opts.settle !== false) {
        await rec.settled(150, 30_000);
        // Slow services (real ones): a deferred reply is done once its last edit is not a placeholder or progress.
        await emu.waitFor(() => answered(rec), 30_000);
        await rec.settled(150, 30_000);
      }
      return rec;
    },
    async restartBot() {
      await bot.client.destroy();
      bot = await login();
    },
    async close() {
      await bot.client.destroy();
      await emu.close();
    },
  };
}

const PLACEHOLDER = /^(Looking for:|Uploading \*\*)/;

/** True once an interaction has its answer (not just a defer, a placeholder or a progress line). */
export function answered(rec: InteractionRecord): boolean {
  const first = rec.callbacks[0];
  if (!first) return false;
  if (first.type !== 5 && first.type !== 6) return true;
  if (rec.followUps.length) return true;
  const last = rec.edits.at(-1);
  return !!last && !PLACEHOLDER.test(String(last.body?.content ?? ''));
}

/** Text of a reply as a person would read it: content plus embed titles, descriptions, fields and footers. */
export function visibleText(msg: { content?: string; embeds?: { title?: string; description?: string; fields?: { name: string; value: string }[]; footer?: { text: string } }[] } | undefined): string {
  if (!msg) return '';
  const parts = [msg.content ?? ''];
  for (const e of msg.embeds ?? []) parts.push(e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text ?? '');
  return parts.filter(Boolean).join('\n');
}

/** Every custom id on a reply's components. */
export function customIds(msg: { components?: { components: { custom_id?: string }[] }[] } | undefined): string[] {
  return (msg?.components ?? []).flatMap((r) => r.components.map((c) => c.custom_id ?? '')).filter(Boolean);
}

/** Files on the reply: from the last edit after a defer, else from the direct reply. */
export function replyFiles(rec: InteractionRecord): { name: string; bytes: Uint8Array }[] {
  return rec.edits.at(-1)?.files ?? rec.callbacks[0]?.files ?? [];
}

/** The titles a recommendation reply lists (`**1. Heat (1995)** — reason` lines), in order. */
export function listedTitles(msg: Parameters<typeof visibleText>[0]): string[] {
  return [...visibleText(msg).matchAll(/^\*\*\d+\. (.+?)\*\*/gm)].map((m) => m[1]);
}

/** Sends `content` in a conversation thread as `author` and waits for the bot's next message there. */
export async function refineInThread(h: Harness, threadId: string, author: { id: string; username: string }, content: string, timeoutMs = 30_000) {
  const mine = () => h.emu.channelMessages(threadId).filter((m) => m.authorId === h.emu.botUser.id);
  const before = mine().length;
  await h.emu.sendMessage({ channelId: threadId, guildId: GUILD, author, content });
  return h.emu.waitFor(() => mine()[before], timeoutMs) as Promise<Parameters<typeof visibleText>[0] & object>;
}

/** A promise a test opens when it wants: holds a service call until the test has seen what comes before it. */
export function gate(): { wait: Promise<void>; open(): void } {
  let open!: () => void;
  const wait = new Promise<void>((r) => (open = r));
  return { wait, open };
}
