/**
 * Public types of the Discord API v10 emulator (contract: docs/discord-emulator-api.md).
 * Payload shapes that travel to discord.js are loose records on purpose: the emulator echoes
 * whatever the bot sent, exactly like Discord does.
 */

import type { FaultInput } from './faults.js';

/** A loose JSON object (Discord payloads are open-ended). */
export type Json = Record<string, unknown>;

export interface EmulatorUser { id: string; username: string; bot?: boolean; globalName?: string }

export interface EmulatorGuild {
  id: string;
  name: string;
  ownerId: string;
  /** Text channels by default; a thread (type 11 or 12) takes `parentId` (default the first text channel) and `ownerId` (default the guild owner). */
  channels: { id: string; name: string; type?: number; parentId?: string; ownerId?: string; /** Age-restricted. */ nsfw?: boolean;
    /** Permission overwrites (type 0 role, 1 member; decimal bitfields), sent as `permission_overwrites`. */
    overwrites?: { id: string; type: 0 | 1; allow?: string; deny?: string }[] }[];
  members: { user: EmulatorUser; permissions: string /* bitfield as decimal string */ }[];
  /** Who sits in which voice channel (type 2) at the start (voice.ts); `DiscordEmulator.setVoice` changes it. */
  voice?: { userId: string; channelId: string }[];
}

export interface EmulatorOptions {
  guilds?: EmulatorGuild[];
  /** Extra users known to the emulator (DM partners); guild members are known automatically. */
  users?: EmulatorUser[];
  /** Delay before every REST answer (to shake out races). */
  latencyMs?: number;
  /** Permissions the bot has in every guild (decimal bitfield); also sent as `app_permissions`. */
  botPermissions?: string;
  /** Port to listen on (0 = any free port, the default). */
  port?: number;
  clock?: () => number;
  /**
   * Whether the application may use the privileged Message Content intent (default true). When false, an
   * IDENTIFY that asks for it is closed with 4014 (Disallowed intent(s)), like a bot whose switch is off in
   * the Developer Portal.
   */
  allowMessageContent?: boolean;
  /** `attachment_size_limit` sent with every interaction (default 10 MiB). */
  attachmentSizeLimit?: number;
  /** `shards` that `GET /gateway/bot` recommends (default 1). Sessions identify with any count (shards.ts). */
  shards?: number;
}

export interface AttachmentObject {
  id: string; filename: string; size: number; url: string; proxy_url: string; content_type: string;
}

export interface RestCall {
  method: string;
  /** Path after `/api/v10` (or the raw path for non-API requests such as `/attachments/...`), no query. */
  path: string;
  /** Query string without `?` ('' when none). */
  query: string;
  /** JSON body (for multipart: the parsed `payload_json`), undefined when none. */
  body: unknown;
  /** Files uploaded with a multipart body. */
  files: UploadedFile[];
  /** HTTP status the emulator answered with (404 for unknown routes). */
  status: number;
  at: number;
}

export interface UploadedFile { name: string; bytes: Uint8Array; contentType?: string }

export interface EmulatedMessage {
  id: string;
  channelId: string;
  guildId?: string;
  authorId: string;
  content: string;
  embeds: unknown[];
  components: unknown[];
  flags: number;
  /** Files attached to this message (the bytes the bot uploaded). */
  files: UploadedFile[];
  /** Set when the message answers an interaction (reply or follow-up). */
  interactionId?: string;
  /** The full API message object as discord.js sees it. */
  raw: Json;
}

export interface ThreadInfo { id: string; name: string; parentId: string; ownerId: string; messageId?: string }

type U = EmulatorUser;

export type InteractionInput =
  | { type: 'command'; name: string; subcommand?: string; options?: Record<string, string | number | boolean>;
      attachments?: Record<string, AttachmentObject>; user: U; guildId?: string; channelId: string; memberPermissions?: string; locale?: string }
  | { type: 'autocomplete'; name: string; subcommand?: string; focused: string; options?: Record<string, string | number>;
      user: U; guildId?: string; channelId: string; locale?: string }
  | { type: 'button'; customId: string; messageId: string; user: U; guildId?: string; channelId: string; memberPermissions?: string; locale?: string }
  | { type: 'select'; customId: string; values: string[]; messageId: string; user: U; guildId?: string; channelId: string; memberPermissions?: string; locale?: string }
  | { type: 'modal'; customId: string; fields: Record<string, string>; user: U; guildId?: string; channelId: string;
      /** The message whose component opened the modal, if any. */ messageId?: string; memberPermissions?: string; locale?: string };

export interface RecordedBody { body: any; files: UploadedFile[]; at: number } // eslint-disable-line @typescript-eslint/no-explicit-any -- bot-sent JSON, read freely by tests

export interface InteractionRecord {
  id: string;
  token: string;
  /** The interaction payload that was dispatched. */
  payload: Json;
  /** Interaction callbacks in order: { type: 4|5|6|7|8|9, data } */
  callbacks: { type: number; data?: any; files: UploadedFile[]; at: number }[]; // eslint-disable-line @typescript-eslint/no-explicit-any -- see RecordedBody
  /** PATCH /webhooks/:app/:token/messages/@original bodies, in order */
  edits: RecordedBody[];
  /** POST /webhooks/:app/:token follow-ups */
  followUps: RecordedBody[];
  /** Id of the message `@original` points at (reply, or the component's message), once known. */
  readonly messageId: string | undefined;
  /** The latest visible content (last edit, else callback data): { content, embeds, components, flags, attachments } */
  final(): any; // eslint-disable-line @typescript-eslint/no-explicit-any -- see RecordedBody
  /** Resolves when a first callback arrived (rejects after timeoutMs, default 5000). */
  acknowledged(timeoutMs?: number): Promise<void>;
  /** Resolves once acknowledged and no new response came for `quietMs` (default 200). */
  settled(quietMs?: number, timeoutMs?: number): Promise<void>;
}

export interface DiscordEmulator {
  apiUrl: string;
  token: string;
  applicationId: string;
  botUser: { id: string; username: string };
  /** Base http URL of the server (no /api). */
  baseUrl: string;
  gatewayUrl: string;
  guilds: readonly EmulatorGuild[];
  waitForReady(timeoutMs?: number): Promise<void>;
  interact(i: InteractionInput): Promise<InteractionRecord>;
  /**
   * A user's message. `replyTo` makes it a reply (type 19, `message_reference` and `referenced_message`) to that
   * message id in the same channel; a reply does not mention the replied-to author unless `mentionsBot` is set.
   */
  sendMessage(input: { channelId: string; guildId?: string; author: { id: string; username: string }; content: string; mentionsBot?: boolean; replyTo?: string }): Promise<{ id: string }>;
  addAttachment(filename: string, bytes: Uint8Array, contentType?: string): AttachmentObject;
  readonly log: RestCall[];
  channelMessages(channelId: string): EmulatedMessage[];
  /** Any stored message by id (bot's or user's), undefined when unknown. */
  message(id: string): EmulatedMessage | undefined;
  threads(): ThreadInfo[];
  waitFor<T>(fn: () => T | undefined | false, timeoutMs?: number): Promise<T>;
  registeredCommands(guildId?: string): unknown[];
  dropConnections(): void;
  /** Native polls (polls.ts): a member votes; the poll's time runs out now (MESSAGE_UPDATE, then the type 46 result message; returns its id). */
  castVote(input: { messageId: string; userId: string; answerIds: number[] }): void;
  expirePoll(messageId: string): string;
  /** The next matching REST call(s) fail with a Discord error (faults.ts). */
  failNext(input: FaultInput): void;
  /** Scheduled events the bot created (events.ts), as the API returns them. */
  scheduledEvents(guildId?: string): Json[];
  /** A member joins (or moves to) a voice channel, or leaves voice with `channelId: null`: VOICE_STATE_UPDATE goes out (voice.ts). */
  setVoice(v: { guildId: string; userId: string; channelId: string | null }): void;
  /** Gateway dispatches sent so far, in order ({ t, s, d }). */
  readonly dispatches: { t: string; s: number; d: unknown; shard?: number }[];
  /** Identified gateway sessions with their `[shard id, shard count]` ([0, 1] when unsharded). */
  sessions(): { id: string; shard: [number, number]; live: boolean }[];
  close(): Promise<void>;
}
