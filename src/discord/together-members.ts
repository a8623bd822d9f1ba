import { ChannelType, type ChatInputCommandInteraction } from 'discord.js';
import { AppError } from '../app/errors.js';

/** A user mention as Discord writes it (`<@123>` or `<@!123>`, a snowflake id); role and channel mentions, and made-up ids, do not match. */
const MENTION = /<@!?(\d{17,20})>/g;

const VOICE_TYPES: readonly number[] = [ChannelType.GuildVoice, ChannelType.GuildStageVoice];

/**
 * Who a `/together` list is for, besides the asker: the members mentioned in the `members` text, plus
 * everyone in the `voice` channel; with neither, everyone in the asker's current voice channel. Voice
 * membership comes from the gateway's voice states (the Guild Voice States intent). Bots are left out.
 */
export function togetherMembers(i: ChatInputCommandInteraction): string[] {
  if (!i.guildId) throw new AppError('guild.only', { command: '/together' });
  const guild = i.guild;
  const ids = new Set<string>();
  for (const m of (i.options.getString('members') ?? '').matchAll(MENTION)) ids.add(m[1]);
  const picked = i.options.getChannel('voice');
  if (picked && !VOICE_TYPES.includes(picked.type)) throw new AppError('group.no-members');
  const voiceId = picked?.id ?? (ids.size === 0 ? guild?.voiceStates.cache.get(i.user.id)?.channelId ?? undefined : undefined);
  const bots = new Set([i.client.user.id]);
  if (voiceId && guild) {
    for (const s of guild.voiceStates.cache.values()) {
      if (s.channelId !== voiceId) continue;
      ids.add(s.id);
      // The voice state carries its member (GUILD_CREATE, VOICE_STATE_UPDATE) even when the member cache does not.
      if (s.member?.user.bot) bots.add(s.id);
    }
  }
  if (ids.size === 0) throw new AppError('group.no-members');
  const isBot = (id: string) => bots.has(id) || guild?.members.cache.get(id)?.user.bot === true;
  return [...ids].filter((id) => !isBot(id));
}
