import { ChannelType } from 'discord.js';
import { ADMIN_PERMISSIONS, MEMBER_PERMISSIONS, type EmulatorGuild } from '../../emulators/discord/index.js';

export const ADMIN = { id: '100000000000000001', username: 'admin' };
export const MEMBER = { id: '100000000000000002', username: 'member' };

/**
 * A snowflake guild id that Discord's formula `(id >> 22) % count` puts on `shard`. `salt` makes ids unique
 * per test run (runs sharing a Redis never meet).
 */
export function guildIdOnShard(shard: number, count: number, salt: number): string {
  let ms = 1_700_000_000_000n + BigInt(salt) * 1_000n;
  while (Number(ms % BigInt(count)) !== shard) ms += 1n;
  return ((ms << 22n) | BigInt(salt & 0x3fffff)).toString();
}

/** A guild with one text channel, an admin and a member. */
export function guild(id: string, name: string): EmulatorGuild {
  return {
    id,
    name,
    ownerId: ADMIN.id,
    channels: [{ id: `${id.slice(0, -3)}777`, name: 'general', type: ChannelType.GuildText }],
    members: [
      { user: ADMIN, permissions: ADMIN_PERMISSIONS },
      { user: MEMBER, permissions: MEMBER_PERMISSIONS },
    ],
  };
}
