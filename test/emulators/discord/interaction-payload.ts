/** Builds INTERACTION_CREATE payloads as Discord sends them, from the emulator's InteractionInput. */
import { ChannelType } from './constants.js';
import { memberObject, userObject } from './payloads.js';
import type { EmulatorState } from './state.js';
import type { RecordContext } from './record.js';
import type { AttachmentObject, InteractionInput, Json } from './types.js';

const OptionType = { Subcommand: 1, Group: 2, String: 3, Integer: 4, Boolean: 5, User: 6, Channel: 7, Role: 8, Mentionable: 9, Number: 10, Attachment: 11 } as const;

type Def = { name: string; type: number; options?: Def[] };

function findCommand(state: EmulatorState, name: string, guildId: string | undefined): { def: Json | undefined; guildCommand: boolean } {
  const guildDef = guildId ? state.commands.get(guildId)?.find((c) => c.name === name && (c.type ?? 1) === 1) : undefined;
  if (guildDef) return { def: guildDef, guildCommand: true };
  return { def: state.commands.get('global')?.find((c) => c.name === name && (c.type ?? 1) === 1), guildCommand: false };
}

function inferType(value: string | number | boolean): number {
  if (typeof value === 'boolean') return OptionType.Boolean;
  if (typeof value === 'number') return Number.isInteger(value) ? OptionType.Integer : OptionType.Number;
  return OptionType.String;
}

interface LeafInput {
  options: Record<string, string | number | boolean>;
  attachments: Record<string, AttachmentObject>;
  focused?: string;
}

function leafOptions(state: EmulatorState, defs: Def[] | undefined, input: LeafInput, resolved: Record<string, Json>, guildId?: string): Json[] {
  const out: Json[] = [];
  const values: Record<string, string | number | boolean> = { ...input.options };
  if (input.focused !== undefined && !(input.focused in values)) values[input.focused] = '';
  for (const [name, value] of Object.entries(values)) {
    const type = defs?.find((d) => d.name === name)?.type ?? inferType(value);
    const opt: Json = { name, type, value: type === OptionType.Integer || type === OptionType.Number ? coerceNumber(value) : value };
    if (name === input.focused) { opt.focused = true; opt.value = String(value); }
    if (type === OptionType.User || type === OptionType.Mentionable) {
      const u = state.users.get(String(value)) ?? { id: String(value), username: String(value) };
      (resolved.users ??= {})[u.id] = userObject(u);
      if (guildId) { const { user: _u, ...member } = memberObject(state, guildId, u); (resolved.members ??= {})[u.id] = member; }
    }
    if (type === OptionType.Channel) {
      const c = state.channels.get(String(value));
      if (c) (resolved.channels ??= {})[String(value)] = { id: c.id, name: c.name, type: c.type, permissions: state.botPermissions };
    }
    out.push(opt);
  }
  for (const [name, att] of Object.entries(input.attachments)) {
    out.push({ name, type: OptionType.Attachment, value: att.id });
    (resolved.attachments ??= {})[att.id] = { ...att, ephemeral: true };
  }
  return out;
}

function coerceNumber(value: string | number | boolean): number | string {
  const n = Number(value);
  return typeof value === 'number' || (typeof value === 'string' && value.trim() !== '' && Number.isFinite(n)) ? n : (value as string);
}

/** `subcommand` may be "sub" or "group sub" (also "group/sub"). */
function commandOptions(state: EmulatorState, def: Json | undefined, subcommand: string | undefined, leaf: LeafInput, resolved: Record<string, Json>, guildId?: string): Json[] {
  const defs = def?.options as Def[] | undefined;
  if (!subcommand) return leafOptions(state, defs, leaf, resolved, guildId);
  const parts = subcommand.split(/[ /]/).filter(Boolean);
  if (parts.length === 1) {
    const subDef = defs?.find((d) => d.name === parts[0]);
    return [{ name: parts[0], type: OptionType.Subcommand, options: leafOptions(state, subDef?.options, leaf, resolved, guildId) }];
  }
  const groupDef = defs?.find((d) => d.name === parts[0]);
  const subDef = groupDef?.options?.find((d) => d.name === parts[1]);
  return [{ name: parts[0], type: OptionType.Group, options: [
    { name: parts[1], type: OptionType.Subcommand, options: leafOptions(state, subDef?.options, leaf, resolved, guildId) }] }];
}

/** A message for component interactions: the stored one, else a stub authored by the bot (then stored). */
function componentMessage(state: EmulatorState, messageId: string, channelId: string): Json {
  const stored = state.messages.get(messageId);
  if (stored) return stored.raw;
  const guildId = state.guildIdOf(channelId);
  const raw: Json = { id: messageId, channel_id: channelId, ...(guildId ? { guild_id: guildId } : {}), author: userObject(state.botUser),
    content: '', timestamp: new Date(state.clock()).toISOString(), edited_timestamp: null, tts: false, mention_everyone: false,
    mentions: [], mention_roles: [], attachments: [], embeds: [], components: [], pinned: false, type: 0, flags: 0 };
  state.messages.set(messageId, { raw, files: [], authorId: state.botUser.id, ephemeral: false });
  return raw;
}

export function buildInteraction(state: EmulatorState, input: InteractionInput, ids: { id: string; token: string; commandIds: Map<string, string> }): { payload: Json; ctx: RecordContext } {
  const guildId = input.guildId ?? state.guildIdOf(input.channelId);
  const known = state.channels.get(input.channelId);
  const channel: Json = known ?? (guildId
    ? { id: input.channelId, type: ChannelType.GuildText, guild_id: guildId, name: input.channelId, position: 0, permission_overwrites: [], nsfw: false, parent_id: null }
    : { id: input.channelId, type: ChannelType.DM, last_message_id: null, flags: 0, recipients: [userObject(input.user)] });
  const permissions = 'memberPermissions' in input && input.memberPermissions !== undefined ? input.memberPermissions : undefined;
  const common: Json = {
    id: ids.id, application_id: state.applicationId, token: ids.token, version: 1, locale: input.locale ?? 'en-US',
    ...(guildId ? { guild_id: guildId, guild_locale: 'en-US', guild: { id: guildId, locale: 'en-US', features: [] },
      member: memberObject(state, guildId, input.user, permissions) } : { user: userObject(input.user) }),
    channel_id: input.channelId, channel: { ...channel, ...(guildId ? { permissions: state.botPermissions } : {}) },
    app_permissions: state.botPermissions, entitlements: [], authorizing_integration_owners: {}, context: guildId ? 0 : 1,
    attachment_size_limit: state.attachmentSizeLimit,
  };
  const ctx: RecordContext = { interactionType: 2, channelId: input.channelId, user: input.user };
  switch (input.type) {
    case 'command':
    case 'autocomplete': {
      const { def, guildCommand } = findCommand(state, input.name, guildId);
      const commandId = (def?.id as string | undefined) ?? ids.commandIds.get(input.name) ?? state.nextId();
      ids.commandIds.set(input.name, commandId);
      const resolved: Record<string, Json> = {};
      const leaf: LeafInput = { options: input.options ?? {}, attachments: input.type === 'command' ? input.attachments ?? {} : {},
        focused: input.type === 'autocomplete' ? input.focused : undefined };
      const options = commandOptions(state, def, input.subcommand, leaf, resolved, guildId);
      const type = input.type === 'command' ? 2 : 4;
      ctx.interactionType = type;
      ctx.commandName = input.name;
      const data: Json = { id: commandId, name: input.name, type: 1, options, ...(guildCommand && guildId ? { guild_id: guildId } : {}),
        ...(Object.keys(resolved).length > 0 ? { resolved } : {}) };
      return { payload: { ...common, type, data }, ctx };
    }
    case 'button':
    case 'select': {
      ctx.interactionType = 3;
      ctx.componentMessageId = input.messageId;
      const data: Json = input.type === 'button' ? { custom_id: input.customId, component_type: 2 }
        : { custom_id: input.customId, component_type: 3, values: input.values };
      return { payload: { ...common, type: 3, data, message: componentMessage(state, input.messageId, input.channelId) }, ctx };
    }
    case 'modal': {
      ctx.interactionType = 5;
      ctx.componentMessageId = input.messageId;
      const components = Object.entries(input.fields).map(([customId, value]) => ({ type: 1, components: [{ type: 4, custom_id: customId, value }] }));
      return { payload: { ...common, type: 5, data: { custom_id: input.customId, components },
        ...(input.messageId ? { message: componentMessage(state, input.messageId, input.channelId) } : {}) }, ctx };
    }
  }
}
