/**
 * Voice states of the Discord emulator: who sits in which voice channel. Sent in GUILD_CREATE
 * (`voice_states`) and as VOICE_STATE_UPDATE when someone joins, moves or leaves, to sessions with the
 * Guild Voice States intent, as Discord does. Guilds may start with people in voice (`EmulatorGuild.voice`).
 */
import { memberObject } from './payloads.js';
import type { EmulatorState } from './state.js';
import type { Json } from './types.js';

/** GUILD_VOICE_STATES (1 << 7). */
export const VOICE_STATES_INTENT = 1 << 7;

/** Voice channel types (guild voice, stage). */
export const VoiceChannelType = { GuildVoice: 2, GuildStageVoice: 13 } as const;

/** Per emulator: guild id -> user id -> voice channel id. */
const seats = new WeakMap<EmulatorState, Map<string, Map<string, string>>>();

function guildSeats(state: EmulatorState, guildId: string): Map<string, string> {
  let byGuild = seats.get(state);
  if (!byGuild) {
    seats.set(state, (byGuild = new Map()));
    for (const g of state.guilds) byGuild.set(g.id, new Map((g.voice ?? []).map((v) => [v.userId, v.channelId])));
  }
  let m = byGuild.get(guildId);
  if (!m) byGuild.set(guildId, (m = new Map()));
  return m;
}

function voiceState(state: EmulatorState, guildId: string, userId: string, channelId: string | null, withMember: boolean): Json {
  const user = state.users.get(userId) ?? { id: userId, username: userId };
  return {
    guild_id: guildId, channel_id: channelId, user_id: userId, session_id: `voice-${userId}`, deaf: false, mute: false, self_deaf: false,
    self_mute: false, self_video: false, suppress: false, request_to_speak_timestamp: null,
    ...(withMember ? { member: memberObject(state, guildId, user) } : {}),
  };
}

/** The guild's voice states as GUILD_CREATE carries them. */
export function voiceStatesOf(state: EmulatorState, guildId: string): Json[] {
  return [...guildSeats(state, guildId)].map(([userId, channelId]) => voiceState(state, guildId, userId, channelId, false));
}

/** Someone joins (or moves to) `channelId`, or leaves voice with null: the world changes and VOICE_STATE_UPDATE goes out. */
export function setVoice(state: EmulatorState, dispatch: (t: string, d: unknown, intent?: number) => void, v: { guildId: string; userId: string; channelId: string | null }): void {
  const m = guildSeats(state, v.guildId);
  if (v.channelId === null) m.delete(v.userId);
  else m.set(v.userId, v.channelId);
  dispatch('VOICE_STATE_UPDATE', voiceState(state, v.guildId, v.userId, v.channelId, true), VOICE_STATES_INTENT);
}
