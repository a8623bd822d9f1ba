import type { Message, RepliableInteraction } from 'discord.js';
import { EPHEMERAL, NO_MENTIONS, type Rendered } from './render/limits.js';

/** How long a handler may work before its reply is deferred ("thinking…"); Discord allows 3 s. */
export const DEFER_AFTER_MS = 800;

interface Pending {
  ephemeral: boolean;
  timer?: NodeJS.Timeout;
  /** Set once the defer was sent (or is being sent). */
  deferring?: Promise<unknown>;
}
const pending = new WeakMap<RepliableInteraction, Pending>();

/**
 * Acknowledges work. `now: true` defers at once: for anything that calls the engine or the LLM (a blocked
 * event loop would stop a timer from firing in time), and before `editReply`-based placeholders or progress.
 * Without it (cheap store reads) the defer is sent only if no answer is ready within `afterMs`
 * (CommandContext.deferAfterMs, DEFER_AFTER_MS by default): fast answers then go out as one direct reply
 * (an interaction callback, which discord.js does not count against the 50 requests/s global limit).
 */
export async function defer(i: RepliableInteraction, ephemeral: boolean, o: { now?: boolean; afterMs?: number } = {}): Promise<void> {
  if (i.deferred || i.replied) return;
  const p: Pending = pending.get(i) ?? { ephemeral };
  pending.set(i, p);
  const go = () => {
    p.timer = undefined;
    p.deferring ??= i.deferReply(p.ephemeral ? { flags: EPHEMERAL } : {}).catch(() => undefined);
    return p.deferring;
  };
  if (o.now) {
    if (p.timer) clearTimeout(p.timer);
    await go();
    return;
  }
  if (!p.timer && !p.deferring) {
    p.timer = setTimeout(() => void go(), o.afterMs ?? DEFER_AFTER_MS);
    p.timer.unref?.();
  }
}

/**
 * Sends a rendered reply according to the interaction's state: `reply` first, `editReply` after a defer
 * (also after earlier edits, e.g. progress), `followUp` after a finished reply. Mentions are always off.
 * Returns the message when Discord gives one back.
 */
export async function send(i: RepliableInteraction, r: Rendered, mode: 'auto' | 'followUp' = 'auto'): Promise<Message | undefined> {
  const p = pending.get(i);
  if (p?.timer) {
    clearTimeout(p.timer);
    p.timer = undefined;
  }
  if (p?.deferring) await p.deferring;
  const { flags, ...rest } = r;
  const body = { ...rest, allowedMentions: NO_MENTIONS };
  // After a defer, `replied` turns true with the first edit: keep editing the one reply.
  if (mode === 'followUp' || (i.replied && !i.deferred)) {
    return i.followUp({ ...body, ...(flags ? { flags } : {}) });
  }
  if (i.deferred) return i.editReply(body);
  // A lazy defer that never fired: answer directly, private if the defer would have been.
  const eph = p ? p.ephemeral : flags === EPHEMERAL;
  await i.reply({ ...body, ...(eph ? { flags: EPHEMERAL } : {}) });
  return undefined;
}

const keepOriginal = new WeakSet<RepliableInteraction>();

/**
 * The public deferred reply stays when an error follows (sendError then only adds the private follow-up):
 * for a /recommend whose reply carries a thread, which says itself what went wrong.
 */
export function keepOriginalOnError(i: RepliableInteraction): void {
  keepOriginal.add(i);
}

/**
 * Sends an error reply, always private whatever came before: a direct ephemeral reply when nothing was sent
 * yet; an edit of a private defer; after a public defer, the public "thinking…" message is deleted and the
 * error goes out as an ephemeral follow-up; after a finished reply or a component update, an ephemeral follow-up.
 */
export async function sendError(i: RepliableInteraction, r: Rendered): Promise<void> {
  const p = pending.get(i);
  if (p?.timer) {
    clearTimeout(p.timer);
    p.timer = undefined;
  }
  if (p?.deferring) await p.deferring;
  const { flags: _flags, ...rest } = r;
  const body = { ...rest, allowedMentions: NO_MENTIONS };
  if (!i.deferred && !i.replied) {
    await i.reply({ ...body, flags: EPHEMERAL });
    return;
  }
  // `ephemeral` is true or false after deferReply/reply, null after a component's deferUpdate/update.
  if (i.deferred && i.ephemeral === true) {
    await i.editReply(body);
    return;
  }
  if (i.deferred && i.ephemeral === false && !keepOriginal.has(i)) await i.deleteReply().catch(() => undefined);
  await i.followUp({ ...body, flags: EPHEMERAL });
}
