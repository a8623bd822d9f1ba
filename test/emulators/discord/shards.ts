/**
 * Gateway sharding as Discord does it: IDENTIFY may carry `shard: [id, count]`; a session then gets only the
 * guilds with `(guild_id >> 22) % count === id` (READY, GUILD_CREATE and every guild event), and events
 * without a guild (DMs, interactions outside a server) go to shard 0 only. A session without `shard` is
 * shard 0 of 1 and sees everything, as before. Guild ids that are not snowflakes (`g1`) belong to shard 0.
 */

export type ShardPair = [id: number, count: number];

/** Discord's shard formula. */
export function shardOf(guildId: string, count: number): number {
  if (count <= 1 || !/^\d+$/.test(guildId)) return 0;
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

/** The `shard` field of an IDENTIFY: [0, 1] when absent; undefined when invalid (Discord closes with 4010). */
export function identifyShard(raw: unknown): ShardPair | undefined {
  if (raw === undefined || raw === null) return [0, 1];
  if (!Array.isArray(raw) || raw.length !== 2) return undefined;
  const [id, count] = raw as unknown[];
  if (!Number.isInteger(id) || !Number.isInteger(count)) return undefined;
  const i = id as number;
  const n = count as number;
  return n >= 1 && i >= 0 && i < n ? [i, n] : undefined;
}

/** Whether a session of `shard` receives an event about `guildId` (undefined: a DM or other non-guild event). */
export function shardSees(shard: ShardPair, guildId: unknown): boolean {
  return typeof guildId === 'string' ? shardOf(guildId, shard[1]) === shard[0] : shard[0] === 0;
}

/** The guild an event payload is about, if any. */
export function eventGuild(d: unknown): unknown {
  return d !== null && typeof d === 'object' ? (d as { guild_id?: unknown }).guild_id : undefined;
}
