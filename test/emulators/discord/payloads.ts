/** Builders for Discord API objects (users, members, guilds, channels, messages, threads). */
import { ChannelType, MessageFlag } from './constants.js';
import type { EmulatorState, StoredMessage } from './state.js';
import { pollObject } from './polls-object.js';
import type { EmulatorGuild, EmulatorUser, Json, UploadedFile } from './types.js';
import { voiceStatesOf } from './voice.js';

export function userObject(u: EmulatorUser): Json {
  return { id: u.id, username: u.username, global_name: u.globalName ?? null, discriminator: '0', avatar: null,
    bot: u.bot ?? false, system: false, public_flags: 0, flags: 0, banner: null, accent_color: null, avatar_decoration_data: null };
}

export function memberObject(state: EmulatorState, guildId: string, user: EmulatorUser, permissions?: string): Json {
  const perms = permissions ?? state.memberPermissions(guildId, user.id);
  const role = state.roleFor(guildId, perms);
  return { user: userObject(user), nick: null, avatar: null, banner: null, roles: role ? [role] : [], joined_at: state.joinedAt,
    premium_since: null, deaf: false, mute: false, flags: 0, pending: false, communication_disabled_until: null, permissions: perms };
}

function roleObjects(state: EmulatorState, guildId: string): Json[] {
  return (state.roles.get(guildId) ?? []).map((r) => ({ id: r.id, name: r.name, color: 0, colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false, icon: null, unicode_emoji: null, position: r.position, permissions: r.permissions, managed: false, mentionable: false, flags: 0 }));
}

/** The guild object as GET /guilds/:id returns it. */
export function guildObject(state: EmulatorState, g: EmulatorGuild): Json {
  return { id: g.id, name: g.name, icon: null, icon_hash: null, splash: null, discovery_splash: null, owner_id: g.ownerId,
    afk_channel_id: null, afk_timeout: 300, widget_enabled: false, verification_level: 0, default_message_notifications: 0,
    explicit_content_filter: 0, roles: roleObjects(state, g.id), emojis: [], stickers: [], features: [], mfa_level: 0, application_id: null,
    system_channel_id: null, system_channel_flags: 0, rules_channel_id: null, max_members: 500000, vanity_url_code: null,
    description: null, banner: null, premium_tier: 0, premium_subscription_count: 0, preferred_locale: 'en-US',
    public_updates_channel_id: null, nsfw_level: 0, premium_progress_bar_enabled: false, safety_alerts_channel_id: null };
}

/** GUILD_CREATE: guild plus channels, members (incl. the bot), roles, active threads. */
export function guildCreatePayload(state: EmulatorState, g: EmulatorGuild): Json {
  const channels = [...state.channels.values()].filter((c) => c.guild_id === g.id && !isThread(c));
  const threads = [...state.channels.values()].filter((c) => c.guild_id === g.id && isThread(c));
  const members = [...g.members.map((m) => memberObject(state, g.id, m.user, m.permissions)), memberObject(state, g.id, state.botUser)];
  return { ...guildObject(state, g), joined_at: state.joinedAt, large: false, unavailable: false, member_count: members.length,
    voice_states: voiceStatesOf(state, g.id), members, channels, threads, presences: [], stage_instances: [], guild_scheduled_events: [], soundboard_sounds: [] };
}

export function isThread(c: Json): boolean {
  return c.type === ChannelType.PublicThread || c.type === ChannelType.PrivateThread || c.type === 10;
}

export function threadObject(state: EmulatorState, input: { id: string; parent: Json; name: string; type?: number; autoArchive?: number }): Json {
  const now = new Date(state.clock()).toISOString();
  return { id: input.id, type: input.type ?? ChannelType.PublicThread, guild_id: input.parent.guild_id, parent_id: input.parent.id,
    owner_id: state.botUser.id, name: input.name, last_message_id: null, rate_limit_per_user: 0, message_count: 0, member_count: 1,
    total_message_sent: 0, flags: 0, applied_tags: [],
    thread_metadata: { archived: false, auto_archive_duration: input.autoArchive ?? 1440, archive_timestamp: now, locked: false, create_timestamp: now },
    member: { id: input.id, user_id: state.botUser.id, join_timestamp: now, flags: 1 } };
}

/** Builds attachment objects for uploaded files, per `body.attachments` ({ id: index, filename, description }). */
export function attachmentObjects(state: EmulatorState, files: UploadedFile[], declared: unknown): { objects: Json[]; kept: UploadedFile[] } {
  const decl = Array.isArray(declared) ? (declared as Json[]) : [];
  const objects = files.map((f, i) => {
    const id = state.nextId();
    const meta = decl.find((d) => String(d.id) === String(i)) ?? {};
    const filename = (meta.filename as string | undefined) ?? f.name;
    const contentType = f.contentType ?? 'application/octet-stream';
    state.attachments.set(id, { id, filename, bytes: f.bytes, contentType });
    const url = state.attachmentUrl(id, filename);
    return { id, filename, size: f.bytes.byteLength, url, proxy_url: url, content_type: contentType,
      description: (meta.description as string | undefined) ?? null, ephemeral: false };
  });
  return { objects, kept: files };
}

export interface NewMessage {
  channelId: string; author: EmulatorUser; body: Json; files: UploadedFile[]; interaction?: { id: string; type: number; name?: string; user: EmulatorUser };
  webhookId?: string; flagsExtra?: number;
}

/** `message_reference` plus `referenced_message` (the replied-to message, null when it is gone), as a reply carries them. */
function replyFields(state: EmulatorState, channelId: string, ref: Json): Json {
  const id = String(ref.message_id ?? '');
  const target = state.messages.get(id);
  const guildId = state.guildIdOf(channelId);
  return { message_reference: { type: 0, message_id: id, channel_id: String(ref.channel_id ?? channelId), ...(guildId ? { guild_id: guildId } : {}) },
    referenced_message: target ? target.raw : null };
}

/** Stores and returns a message posted to a channel (by the bot, a webhook or a user). */
export function createMessage(state: EmulatorState, m: NewMessage): StoredMessage {
  const id = state.nextId();
  const guildId = state.guildIdOf(m.channelId);
  const { objects } = attachmentObjects(state, m.files, m.body.attachments);
  const flags = ((m.body.flags as number | undefined) ?? 0) | (m.flagsExtra ?? 0);
  const raw: Json = {
    id, channel_id: m.channelId, ...(guildId ? { guild_id: guildId } : {}), author: userObject(m.author),
    content: (m.body.content as string | undefined) ?? '', timestamp: new Date(state.clock()).toISOString(), edited_timestamp: null,
    tts: false, mention_everyone: false, mentions: [], mention_roles: [], mention_channels: [], attachments: objects,
    embeds: (m.body.embeds as unknown[] | undefined) ?? [], components: (m.body.components as unknown[] | undefined) ?? [],
    reactions: [], pinned: false, type: m.interaction ? (m.interaction.type === 2 ? 20 : 19) : m.body.message_reference ? 19 : 0, flags,
    ...(m.webhookId ? { webhook_id: m.webhookId, application_id: state.applicationId } : {}),
    ...(m.interaction ? { interaction_metadata: { id: m.interaction.id, type: m.interaction.type, user: userObject(m.interaction.user),
      authorizing_integration_owners: {}, ...(m.interaction.name ? { name: m.interaction.name } : {}) } } : {}),
    // Application command answers also carry the deprecated `interaction` object (with the command name), as Discord still sends it.
    ...(m.interaction?.type === 2 ? { interaction: { id: m.interaction.id, type: 2, name: m.interaction.name ?? '', user: userObject(m.interaction.user) } } : {}),
    ...(m.body.message_reference ? replyFields(state, m.channelId, m.body.message_reference as Json) : {}),
    ...(m.body.poll ? { poll: pollObject(state.clock(), m.body.poll as Json) } : {}),
  };
  const channel = state.channels.get(m.channelId);
  if (channel) {
    channel.last_message_id = id;
    if (isThread(channel)) { channel.message_count = Number(channel.message_count ?? 0) + 1; channel.total_message_sent = channel.message_count; }
  }
  const stored: StoredMessage = { raw, files: [...m.files], authorId: m.author.id, interactionId: m.interaction?.id,
    ephemeral: (flags & MessageFlag.Ephemeral) !== 0 };
  state.messages.set(id, stored);
  return stored;
}

/** Applies a PATCH body to a stored message like Discord: given fields replace, others stay. */
export function editMessage(state: EmulatorState, stored: StoredMessage, body: Json, files: UploadedFile[]): void {
  const raw = stored.raw;
  for (const key of ['content', 'embeds', 'components', 'allowed_mentions', 'poll'] as const) {
    if (key in body && key !== 'allowed_mentions') raw[key] = body[key] ?? (key === 'content' ? '' : []);
  }
  if (body.flags !== undefined && body.flags !== null) raw.flags = ((raw.flags as number) & MessageFlag.Ephemeral) | (body.flags as number);
  raw.flags = (raw.flags as number) & ~MessageFlag.Loading;
  if ('attachments' in body || files.length > 0) {
    const declared = Array.isArray(body.attachments) ? (body.attachments as Json[]) : undefined;
    const existing = (raw.attachments as Json[]).filter((a) => declared === undefined || declared.some((d) => String(d.id) === a.id));
    const fresh = attachmentObjects(state, files, declared?.filter((d) => !existing.some((a) => a.id === String(d.id)))).objects;
    raw.attachments = [...existing, ...fresh];
    const keptNames = new Set(existing.map((a) => a.filename as string));
    stored.files = [...stored.files.filter((f) => keptNames.has(f.name)), ...files];
  }
  raw.edited_timestamp = new Date(state.clock()).toISOString();
}
