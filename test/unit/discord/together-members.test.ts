import { describe, expect, it } from 'vitest';
import { ChannelType } from 'discord.js';
import { togetherMembers } from '../../../src/discord/together-members.js';

const ASKER = '100000000000000001';
const ANN = '100000000000000002';
const BOT_IN_VOICE = '100000000000000003';
const VOICE = '300000000000000001';

/** The little of an interaction togetherMembers reads: options, the guild's voice states and member cache. */
function interaction(opts: { members?: string; voice?: boolean; memberCache?: Map<string, { user: { bot: boolean } }> }) {
  const states = new Map([
    [ANN, { id: ANN, channelId: VOICE, member: { user: { bot: false } } }],
    // A bot whose member is not cached: only its voice state says it is a bot.
    [BOT_IN_VOICE, { id: BOT_IN_VOICE, channelId: VOICE, member: { user: { bot: true } } }],
  ]);
  return {
    guildId: 'g', user: { id: ASKER }, client: { user: { id: '999999999999999999' } },
    guild: { voiceStates: { cache: states }, members: { cache: opts.memberCache ?? new Map() } },
    options: {
      getString: (name: string) => (name === 'members' ? opts.members ?? null : null),
      getChannel: () => (opts.voice ? { id: VOICE, type: ChannelType.GuildVoice } : null),
    },
  } as never;
}

describe('togetherMembers', () => {
  it('GIVEN mentions THEN only real (snowflake) user ids count, <@!id> included; made-up ids, roles and channels do not', () => {
    expect(togetherMembers(interaction({ members: `<@abc> <@!${ANN}> <@&${BOT_IN_VOICE}> <#${VOICE}> <@123>` }))).toEqual([ANN]);
  });

  it('GIVEN a voice channel with a bot the member cache does not hold THEN the bot is left out by its voice state', () => {
    expect(togetherMembers(interaction({ voice: true }))).toEqual([ANN]);
  });
});
