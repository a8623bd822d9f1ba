import { PermissionFlagsBits, type PermissionsBitField } from 'discord.js';
import { AppError } from '../app/errors.js';

/**
 * Manage Server, checked by the bot itself from the interaction's member permissions (the command's
 * default_member_permissions can be overridden by a server, so it is not trusted alone).
 */
export function requireManageGuild(i: { guildId: string | null; memberPermissions: Readonly<PermissionsBitField> | null }, command: string): void {
  if (!i.guildId) throw new AppError('guild.only', { command });
  if (!i.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) throw new AppError('permission.manage-guild', { command });
}

export const MANAGE_GUILD = PermissionFlagsBits.ManageGuild;
