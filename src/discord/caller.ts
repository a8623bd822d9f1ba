import type { Caller } from '../app/types.js';

/** Who asks, where: the guild id is the scope; outside a server it is `dm:{userId}`. */
export function callerOf(x: { guildId: string | null; user: { id: string; username: string; globalName?: string | null } }): Caller {
  return { scope: x.guildId ?? `dm:${x.user.id}`, userId: x.user.id, userName: x.user.globalName ?? x.user.username };
}
