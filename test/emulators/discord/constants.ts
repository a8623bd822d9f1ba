/** Snowflakes and permission bits used by the Discord emulator. */

const DISCORD_EPOCH = 1420070400000n;

/** Makes Discord-style snowflakes (timestamp << 22 | counter), strictly increasing. */
export function createSnowflakes(clock: () => number): () => string {
  let counter = 0n;
  let last = 0n;
  return () => {
    let ts = BigInt(clock()) - DISCORD_EPOCH;
    if (ts < last) ts = last;
    last = ts;
    counter = (counter + 1n) & 0xfffn;
    return ((ts << 22n) | (1n << 17n) | counter).toString();
  };
}

const bit = (n: number): bigint => 1n << BigInt(n);

export const Perm = {
  Administrator: bit(3),
  ManageChannels: bit(4),
  ManageGuild: bit(5),
  AddReactions: bit(6),
  ViewChannel: bit(10),
  SendMessages: bit(11),
  ManageMessages: bit(13),
  EmbedLinks: bit(14),
  AttachFiles: bit(15),
  ReadMessageHistory: bit(16),
  UseExternalEmojis: bit(18),
  UseApplicationCommands: bit(31),
  ManageThreads: bit(34),
  CreatePublicThreads: bit(35),
  CreatePrivateThreads: bit(36),
  SendMessagesInThreads: bit(38),
  SendPolls: bit(49),
} as const;

const or = (...bits: bigint[]): string => bits.reduce((a, b) => a | b, 0n).toString();

/** What a regular member can do (no Manage Server); Send Polls is in Discord's default @everyone set. */
export const MEMBER_PERMISSIONS = or(Perm.ViewChannel, Perm.SendMessages, Perm.ReadMessageHistory, Perm.EmbedLinks,
  Perm.AttachFiles, Perm.AddReactions, Perm.UseExternalEmojis, Perm.UseApplicationCommands, Perm.SendMessagesInThreads,
  Perm.CreatePublicThreads, Perm.SendPolls);

/** An administrator: everything a member has plus Administrator and Manage Server. */
export const ADMIN_PERMISSIONS = (BigInt(MEMBER_PERMISSIONS) | Perm.Administrator | Perm.ManageGuild | Perm.ManageChannels
  | Perm.ManageMessages | Perm.ManageThreads).toString();

/** The bot's permissions by default (no Administrator, so permission bugs still show). */
export const BOT_PERMISSIONS = (BigInt(MEMBER_PERMISSIONS) | Perm.ManageThreads | Perm.CreatePrivateThreads).toString();

export const Intent = { Guilds: 1 << 0, GuildMessages: 1 << 9, DirectMessages: 1 << 12, MessageContent: 1 << 15 } as const;

export const ChannelType = { GuildText: 0, DM: 1, PublicThread: 11, PrivateThread: 12 } as const;

export const MessageFlag = { Ephemeral: 64, Loading: 128 } as const;
