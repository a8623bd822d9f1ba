import type { Caller } from '../app/types.js';

interface Where {
  guildId: string | null;
  user: { id: string; username: string; globalName?: string | null };
  /** The server's locale (interactions carry it): the default where-to-watch region. */
  guildLocale?: string | null;
  channel?: unknown;
}

/** An age-restricted channel, or a thread in one. */
function ageRestricted(ch: unknown): boolean {
  const c = ch as { nsfw?: unknown; parent?: { nsfw?: unknown } | null } | null | undefined;
  return c?.nsfw === true || c?.parent?.nsfw === true;
}

/**
 * Who asks, where: the guild id is the scope; outside a server it is `dm:{userId}`. Items marked adult or
 * nsfw may be shown in DMs and age-restricted channels only.
 */
export function callerOf(x: Where): Caller {
  return {
    scope: x.guildId ?? `dm:${x.user.id}`,
    userId: x.user.id,
    userName: x.user.globalName ?? x.user.username,
    ...(x.guildLocale ? { locale: x.guildLocale } : {}),
    adultOk: !x.guildId || ageRestricted(x.channel),
  };
}
