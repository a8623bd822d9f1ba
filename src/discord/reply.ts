import type { Message, RepliableInteraction } from 'discord.js';
import { EPHEMERAL, NO_MENTIONS, type Rendered } from './render/limits.js';

/** Acknowledges now, answers later: anything that may take over a second calls this first. */
export async function defer(i: RepliableInteraction, ephemeral: boolean): Promise<void> {
  if (i.deferred || i.replied) return;
  await i.deferReply(ephemeral ? { flags: EPHEMERAL } : {});
}

/**
 * Sends a rendered reply according to the interaction's state: `reply` first, `editReply` after a defer
 * (also after earlier edits, e.g. progress), `followUp` after a finished reply. Mentions are always off. Returns the message when Discord gives one back.
 */
export async function send(i: RepliableInteraction, r: Rendered, mode: 'auto' | 'followUp' = 'auto'): Promise<Message | undefined> {
  const { flags, ...rest } = r;
  const body = { ...rest, allowedMentions: NO_MENTIONS };
  // After a defer, `replied` turns true with the first edit: keep editing the one reply.
  if (mode === 'followUp' || (i.replied && !i.deferred)) {
    return i.followUp({ ...body, ...(flags ? { flags } : {}) });
  }
  if (i.deferred) return i.editReply(body);
  await i.reply({ ...body, ...(flags ? { flags } : {}) });
  return undefined;
}
