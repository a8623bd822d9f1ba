import { Events } from 'discord.js';
import { createBot, type Bot, type BotOptions } from './client.js';

/** What the log says when Discord refuses the Message Content intent; the README's "Bot setup" step 3 says how to switch it on. */
export const NO_MESSAGE_CONTENT_WARNING =
  'Discord refused the Message Content intent (close code 4014): it is off for this bot in the Developer Portal. ' +
  'Running without it: thread refinement only reads messages that mention the bot, and the bot says so in threads. ' +
  'To enable it: https://discord.com/developers/applications > your app > Bot > Privileged Gateway Intents > Message Content Intent, ' +
  'then restart (README, "Bot setup", step 3).';

/** discord.js rejects `login()` with "Used disallowed intents" when the gateway closes with 4014. */
export function isDisallowedIntents(e: unknown): boolean {
  return e instanceof Error && /disallowed intents|4014/i.test(e.message);
}

async function connect(bot: Bot, token: string | undefined): Promise<void> {
  // The ready listener goes on before login, so that READY cannot be missed.
  const ready = new Promise<void>((resolve) => bot.client.once(Events.ClientReady, () => resolve()));
  await bot.client.login(token);
  await ready;
}

/**
 * Creates the bot and logs in, asking for the Message Content intent unless `messageContent: false`. When
 * Discord refuses the intent (4014: off in the Developer Portal), it logs a warning that says how to switch
 * it on, and logs in again without it instead of stopping: refinement then works when the bot is mentioned.
 * Resolves once the client is READY; any other login error is thrown.
 */
export async function loginBot(o: BotOptions & { token: string | undefined }): Promise<Bot> {
  const first = createBot({ ...o, messageContent: o.messageContent ?? true });
  try {
    await connect(first, o.token);
    return first;
  } catch (e) {
    await first.client.destroy().catch(() => undefined);
    if (!first.messageContent || !isDisallowedIntents(e)) throw e;
    o.logger.warn({ closeCode: 4014 }, NO_MESSAGE_CONTENT_WARNING);
  }
  const second = createBot({ ...o, messageContent: false });
  try {
    await connect(second, o.token);
  } catch (e) {
    await second.client.destroy().catch(() => undefined);
    throw e;
  }
  return second;
}
