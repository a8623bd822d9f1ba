/**
 * Discord API v10 emulator for end-to-end tests: an HTTP (REST) + WebSocket (gateway) server on 127.0.0.1
 * that the real discord.js 14 client connects to. Contract: docs/discord-emulator-api.md.
 *
 *   const emu = await startDiscordEmulator();
 *   const client = new Client({ intents, rest: { api: emu.apiUrl } });
 *   client.once('clientReady', ...); await client.login(emu.token);   // listener before login
 *   ... await client.destroy(); await emu.close();                      // client first
 */
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { Gateway } from './gateway.js';
import { createHttpServer } from './http.js';
import { buildInteraction } from './interaction-payload.js';
import { createMessage, userObject } from './payloads.js';
import { InteractionRecordImpl } from './record.js';
import { channelRoutes, type Deps } from './routes-channels.js';
import { interactionRoutes } from './routes-interactions.js';
import { pollControls, pollRoutes } from './polls.js';
import { eventRoutes, scheduledEvents } from './events.js';
import { faultControls } from './faults.js';
import { EmulatorState } from './state.js';
import { setVoice } from './voice.js';
import type { AttachmentObject, DiscordEmulator, EmulatorOptions, InteractionInput, InteractionRecord } from './types.js';

export type * from './types.js';
export { ADMIN_PERMISSIONS, BOT_PERMISSIONS, MEMBER_PERMISSIONS, Perm } from './constants.js';
export { EVENT_PERMISSIONS } from './events.js';
export { MESSAGE_TYPE_POLL_RESULT } from './polls.js';

/** Resolves once `fn` returns a truthy value; re-checks on every emulator event and every 25 ms. */
function waitForValue<T>(state: EmulatorState, fn: () => T | undefined | false, timeoutMs: number, what: string): Promise<T> {
  const first = fn();
  if (first) return Promise.resolve(first);
  return new Promise((resolve, reject) => {
    const check = (): void => {
      let value: T | undefined | false;
      try { value = fn(); } catch (err) { cleanup(); reject(err); return; }
      if (value) { cleanup(); resolve(value); }
    };
    const poll = setInterval(check, 25);
    const timer = setTimeout(() => { cleanup(); reject(new Error(`discord emulator: timed out after ${timeoutMs}ms waiting for ${what}`)); }, timeoutMs);
    const cleanup = (): void => { clearInterval(poll); clearTimeout(timer); state.changes.off('change', check); };
    state.changes.on('change', check);
  });
}

export async function startDiscordEmulator(options: EmulatorOptions = {}): Promise<DiscordEmulator> {
  const state = new EmulatorState(options);
  const records = new Map<string, InteractionRecordImpl>();
  const recordsById = new Map<string, InteractionRecordImpl>();
  const commandIds = new Map<string, string>();
  const deps = { state, records, recordsById } as Omit<Deps, 'gateway'> as Deps;
  const server = createHttpServer({ state, latencyMs: options.latencyMs ?? 0, routes: [...channelRoutes(deps), ...interactionRoutes(deps),
    ...pollRoutes(deps), ...eventRoutes(deps)] });
  const gateway = new Gateway(state, server);
  deps.gateway = gateway;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  state.baseUrl = `http://127.0.0.1:${port}`;

  const emulator: DiscordEmulator = {
    apiUrl: `${state.baseUrl}/api`,
    baseUrl: state.baseUrl,
    gatewayUrl: gateway.url,
    token: state.token,
    applicationId: state.applicationId,
    botUser: { id: state.botUser.id, username: state.botUser.username },
    guilds: state.guilds,
    log: state.log,
    dispatches: gateway.dispatches,
    sessions: () => gateway.sessionList(),

    async waitForReady(timeoutMs = 10_000) {
      await waitForValue(state, () => gateway.isReady(), timeoutMs, 'a gateway session to be READY (did the client log in?)');
    },

    async interact(input: InteractionInput): Promise<InteractionRecord> {
      if (!gateway.hasSession()) await emulator.waitForReady();
      if (!input.guildId) state.ensureDm(input.channelId, input.user);
      const id = state.nextId();
      const token = `aW50ZXJhY3Rpb246${id}:${randomBytes(24).toString('base64url')}`;
      const { payload, ctx } = buildInteraction(state, input, { id, token, commandIds });
      const record = new InteractionRecordImpl(state, id, token, payload, ctx);
      records.set(token, record);
      recordsById.set(id, record);
      gateway.dispatch('INTERACTION_CREATE', payload);
      return record;
    },

    async sendMessage(input) {
      if (!gateway.hasSession()) await emulator.waitForReady();
      const user = state.users.get(input.author.id) ?? { ...input.author };
      state.users.set(user.id, user);
      if (!input.guildId) state.ensureDm(input.channelId, user);
      const mention = `<@${state.botUser.id}>`;
      const content = input.mentionsBot && !input.content.includes(mention) ? `${mention} ${input.content}` : input.content;
      const body: Record<string, unknown> = { content };
      if (input.replyTo !== undefined) {
        const target = state.messages.get(input.replyTo);
        if (!target || target.raw.channel_id !== input.channelId) throw new Error(`discord emulator: no message ${input.replyTo} in channel ${input.channelId} to reply to`);
        body.message_reference = { message_id: input.replyTo, channel_id: input.channelId };
      }
      const stored = createMessage(state, { channelId: input.channelId, author: user, body, files: [] });
      if (input.guildId && !stored.raw.guild_id) stored.raw.guild_id = input.guildId;
      if (input.mentionsBot || content.includes(mention)) stored.raw.mentions = [userObject(state.botUser)];
      gateway.dispatchMessage(stored.raw);
      return { id: stored.raw.id as string };
    },

    addAttachment(filename: string, bytes: Uint8Array, contentType = 'application/octet-stream'): AttachmentObject {
      const id = state.nextId();
      state.attachments.set(id, { id, filename, bytes, contentType });
      const url = state.attachmentUrl(id, filename);
      return { id, filename, size: bytes.byteLength, url, proxy_url: url, content_type: contentType };
    },

    channelMessages: (channelId) => state.channelMessages(channelId),
    message: (id) => state.emulated(id),
    threads: () => state.threadList.map((t) => ({ ...t })),
    waitFor: (fn, timeoutMs = 5000) => waitForValue(state, fn, timeoutMs, 'a condition'),
    registeredCommands: (guildId) => [...(state.commands.get(guildId ?? 'global') ?? [])],
    dropConnections: () => gateway.dropConnections(),
    ...pollControls(deps),
    ...faultControls(state),
    scheduledEvents: (guildId) => scheduledEvents(state, guildId),
    setVoice: (v) => setVoice(state, (t, d, intent) => gateway.dispatch(t, d, intent), v),

    async close() {
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      state.changes.removeAllListeners();
    },
  };
  return emulator;
}
