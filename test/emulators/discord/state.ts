/** In-memory world of the Discord emulator: guilds, channels, messages, threads, commands, log. */
import { EventEmitter } from 'node:events';
import { ADMIN_PERMISSIONS, BOT_PERMISSIONS, ChannelType, MEMBER_PERMISSIONS, createSnowflakes } from './constants.js';
import type { EmulatedMessage, EmulatorGuild, EmulatorOptions, EmulatorUser, Json, RestCall, ThreadInfo, UploadedFile } from './types.js';

export interface StoredAttachment { id: string; filename: string; bytes: Uint8Array; contentType: string }
export interface StoredMessage {
  raw: Json; files: UploadedFile[]; authorId: string; interactionId?: string; ephemeral: boolean;
}
export interface RoleInfo { id: string; name: string; permissions: string; position: number }

export function defaultGuilds(): EmulatorGuild[] {
  return [{
    id: 'g1', name: 'Test Guild', ownerId: 'admin',
    channels: [{ id: 'c1', name: 'general', type: ChannelType.GuildText }],
    members: [
      { user: { id: 'admin', username: 'admin' }, permissions: ADMIN_PERMISSIONS },
      { user: { id: 'member', username: 'member' }, permissions: MEMBER_PERMISSIONS },
    ],
  }];
}

export class EmulatorState {
  readonly clock: () => number;
  readonly nextId: () => string;
  readonly changes = new EventEmitter();
  readonly guilds: EmulatorGuild[];
  readonly botUser: EmulatorUser;
  readonly applicationId: string;
  readonly token: string;
  readonly botPermissions: string;
  readonly allowMessageContent: boolean;
  readonly attachmentSizeLimit: number;
  /** What `GET /gateway/bot` recommends as `shards`. */
  readonly recommendedShards: number;
  readonly users = new Map<string, EmulatorUser>();
  /** Channel id -> raw API channel object (guild channels, threads, DMs). */
  readonly channels = new Map<string, Json>();
  readonly messages = new Map<string, StoredMessage>();
  readonly threadList: ThreadInfo[] = [];
  readonly commands = new Map<string, Json[]>();
  readonly attachments = new Map<string, StoredAttachment>();
  readonly roles = new Map<string, RoleInfo[]>();
  readonly log: RestCall[] = [];
  readonly joinedAt: string;
  baseUrl = '';

  constructor(options: EmulatorOptions) {
    this.clock = options.clock ?? Date.now;
    this.nextId = createSnowflakes(this.clock);
    this.changes.setMaxListeners(0);
    this.guilds = options.guilds ?? defaultGuilds();
    this.botPermissions = options.botPermissions ?? BOT_PERMISSIONS;
    this.allowMessageContent = options.allowMessageContent ?? true;
    this.attachmentSizeLimit = options.attachmentSizeLimit ?? 10 * 1024 * 1024;
    this.recommendedShards = options.shards ?? 1;
    this.joinedAt = new Date(this.clock()).toISOString();
    const botId = this.nextId();
    this.botUser = { id: botId, username: 'tastemaker-test', bot: true };
    this.applicationId = botId;
    this.token = `${Buffer.from(botId).toString('base64url')}.emu.${Buffer.from('tastemaker-emulator').toString('base64url')}`;
    this.users.set(botId, this.botUser);
    for (const u of options.users ?? []) this.users.set(u.id, u);
    for (const g of this.guilds) this.addGuild(g);
  }

  private addGuild(g: EmulatorGuild): void {
    const roles: RoleInfo[] = [{ id: g.id, name: '@everyone', permissions: '0', position: 0 }];
    const perms = [...new Set([...g.members.map((m) => m.permissions), this.botPermissions])];
    perms.forEach((p, i) => roles.push({ id: this.nextId(), name: `perms-${i + 1}`, permissions: p, position: i + 1 }));
    this.roles.set(g.id, roles);
    for (const m of g.members) this.users.set(m.user.id, m.user);
    g.channels.forEach((c, position) => {
      const type = c.type ?? ChannelType.GuildText;
      if (type === ChannelType.PublicThread || type === ChannelType.PrivateThread) { this.addThread(g, c, type); return; }
      this.channels.set(c.id, {
        id: c.id, type, guild_id: g.id, name: c.name, position, parent_id: null,
        permission_overwrites: (c.overwrites ?? []).map((o) => ({ id: o.id, type: o.type, allow: o.allow ?? '0', deny: o.deny ?? '0' })), nsfw: c.nsfw ?? false, topic: null, last_message_id: null, rate_limit_per_user: 0, flags: 0,
      });
    });
  }

  /** A thread configured in the guild: started by a person (`ownerId`, default the guild owner), not by the bot. */
  private addThread(g: EmulatorGuild, c: EmulatorGuild['channels'][number], type: number): void {
    const now = new Date(this.clock()).toISOString();
    const parentId = c.parentId ?? g.channels.find((x) => (x.type ?? ChannelType.GuildText) === ChannelType.GuildText)?.id ?? null;
    this.channels.set(c.id, {
      id: c.id, type, guild_id: g.id, parent_id: parentId, owner_id: c.ownerId ?? g.ownerId, name: c.name, last_message_id: null,
      rate_limit_per_user: 0, message_count: 0, member_count: 1, total_message_sent: 0, flags: 0, applied_tags: [],
      thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: now, locked: false, create_timestamp: now },
    });
  }

  /** Notify waiters (records, waitFor) that something happened. */
  touch(): void { this.changes.emit('change'); }

  guild(id: string | undefined): EmulatorGuild | undefined { return id === undefined ? undefined : this.guilds.find((g) => g.id === id); }

  roleFor(guildId: string, permissions: string): string | undefined {
    return this.roles.get(guildId)?.find((r) => r.position > 0 && r.permissions === permissions)?.id;
  }

  /** Permissions of a user in a guild: configured member permissions, else a regular member's. */
  memberPermissions(guildId: string, userId: string): string {
    if (userId === this.botUser.id) return this.botPermissions;
    return this.guild(guildId)?.members.find((m) => m.user.id === userId)?.permissions ?? MEMBER_PERMISSIONS;
  }

  /** The guild a channel or thread belongs to, if any. */
  guildIdOf(channelId: string): string | undefined {
    const guildId = this.channels.get(channelId)?.guild_id;
    return typeof guildId === 'string' ? guildId : undefined;
  }

  /** Returns the DM channel with a user, creating it. */
  dmChannel(user: EmulatorUser): Json {
    for (const c of this.channels.values()) {
      if (c.type === ChannelType.DM && (c.recipients as Json[])[0]?.id === user.id) return c;
    }
    this.users.set(user.id, user);
    const channel: Json = { id: this.nextId(), type: ChannelType.DM, last_message_id: null, flags: 0,
      recipients: [{ id: user.id, username: user.username, global_name: user.globalName ?? null, avatar: null, discriminator: '0', bot: user.bot ?? false }] };
    this.channels.set(channel.id as string, channel);
    return channel;
  }

  /** A channel id the emulator does not know and no guild given: treat it as the DM channel with `user`. */
  ensureDm(channelId: string, user: EmulatorUser): void {
    if (this.channels.has(channelId)) return;
    this.users.set(user.id, user);
    this.channels.set(channelId, { id: channelId, type: ChannelType.DM, last_message_id: null, flags: 0,
      recipients: [{ id: user.id, username: user.username, global_name: user.globalName ?? null, avatar: null, discriminator: '0', bot: user.bot ?? false }] });
  }

  emulated(id: string): EmulatedMessage | undefined {
    const m = this.messages.get(id);
    if (!m) return undefined;
    const r = m.raw;
    return {
      id, channelId: r.channel_id as string, guildId: r.guild_id as string | undefined, authorId: m.authorId,
      content: (r.content as string) ?? '', embeds: (r.embeds as unknown[]) ?? [], components: (r.components as unknown[]) ?? [],
      flags: (r.flags as number) ?? 0, files: m.files, interactionId: m.interactionId, raw: r,
    };
  }

  channelMessages(channelId: string): EmulatedMessage[] {
    const out: EmulatedMessage[] = [];
    for (const [id, m] of this.messages) {
      if (m.raw.channel_id === channelId && m.authorId === this.botUser.id && !m.ephemeral) out.push(this.emulated(id)!);
    }
    return out;
  }

  attachmentUrl(id: string, filename: string): string {
    return `${this.baseUrl}/attachments/${id}/${encodeURIComponent(filename)}`;
  }
}
