/** REST routes for gateway info, users, applications/commands, channels, messages, threads, guilds. */
import { ChannelType, Perm } from './constants.js';
import type { Gateway } from './gateway.js';
import { DiscordHttpError, type Route, type RouteContext } from './http.js';
import { createMessage, editMessage, guildObject, isThread, memberObject, threadObject, userObject } from './payloads.js';
import type { InteractionRecordImpl } from './record.js';
import type { EmulatorState, StoredMessage } from './state.js';
import type { Json } from './types.js';

export interface Deps {
  state: EmulatorState;
  gateway: Gateway;
  records: Map<string, InteractionRecordImpl>;
  recordsById: Map<string, InteractionRecordImpl>;
}

const notFound = (code: number, what: string): DiscordHttpError => new DiscordHttpError(404, code, `Unknown ${what}`);

function channel(deps: Deps, id: string): Json {
  const c = deps.state.channels.get(id);
  if (!c) throw notFound(10003, 'Channel');
  return c;
}

function message(deps: Deps, channelId: string, id: string): StoredMessage {
  const m = deps.state.messages.get(id);
  if (!m || m.raw.channel_id !== channelId) throw notFound(10008, 'Message');
  return m;
}

function guild(deps: Deps, id: string): NonNullable<ReturnType<EmulatorState['guild']>> {
  const g = deps.state.guild(id);
  if (!g) throw notFound(10004, 'Guild');
  return g;
}

function commandsKey(ctx: RouteContext, deps: Deps): string {
  if (ctx.params.app !== deps.state.applicationId) throw notFound(10002, 'Application');
  return ctx.params.gid ?? 'global';
}

function normalizeCommand(deps: Deps, key: string, raw: Json, previous: Json[]): Json {
  const old = previous.find((c) => c.name === raw.name && (c.type ?? 1) === (raw.type ?? 1));
  return { type: 1, description: '', options: [], default_member_permissions: null, nsfw: false, ...raw,
    id: old?.id ?? deps.state.nextId(), application_id: deps.state.applicationId, version: deps.state.nextId(),
    ...(key !== 'global' ? { guild_id: key } : {}) };
}

function postMessage(deps: Deps, ctx: RouteContext): { status: number; body: Json } {
  const c = channel(deps, ctx.params.cid);
  const body = ctx.body ?? {};
  const empty = !body.content && !(body.embeds as unknown[] | undefined)?.length && ctx.files.length === 0
    && !(body.components as unknown[] | undefined)?.length && !body.sticker_ids && !body.poll;
  if (empty) throw new DiscordHttpError(400, 50006, 'Cannot send an empty message');
  const stored = createMessage(deps.state, { channelId: c.id as string, author: deps.state.botUser, body, files: ctx.files });
  deps.gateway.dispatchMessage(stored.raw);
  return { status: 200, body: stored.raw };
}

const missingPermissions = (): DiscordHttpError => new DiscordHttpError(403, 50013, 'Missing Permissions');

/** True when the bot's permissions (the same in every channel here) include `bit`. */
function botHas(deps: Deps, bit: bigint): boolean {
  const perms = BigInt(deps.state.botPermissions);
  return (perms & Perm.Administrator) !== 0n || (perms & bit) !== 0n;
}

function createThread(deps: Deps, ctx: RouteContext, fromMessage: boolean): { status: number; body: Json } {
  const parent = channel(deps, ctx.params.cid);
  if (isThread(parent) || parent.type === ChannelType.DM) throw new DiscordHttpError(400, 50024, 'Cannot execute action on this channel type');
  const privateThread = !fromMessage && Number(ctx.body?.type ?? ChannelType.PrivateThread) === ChannelType.PrivateThread;
  if (!botHas(deps, privateThread ? Perm.CreatePrivateThreads : Perm.CreatePublicThreads)) throw missingPermissions();
  const body = ctx.body ?? {};
  const name = String(body.name ?? '');
  if (name.length < 1 || name.length > 100) throw new DiscordHttpError(400, 50035, 'Invalid Form Body: name must be 1-100 characters');
  let id: string;
  if (fromMessage) {
    const starter = message(deps, parent.id as string, ctx.params.mid);
    id = starter.raw.id as string;
    if (deps.state.channels.has(id)) throw new DiscordHttpError(400, 160004, 'A thread has already been created for this message');
    starter.raw.flags = Number(starter.raw.flags ?? 0) | 32;
  } else {
    id = deps.state.nextId();
  }
  const thread = threadObject(deps.state, { id, parent, name, type: fromMessage ? ChannelType.PublicThread : Number(body.type ?? ChannelType.PrivateThread),
    autoArchive: body.auto_archive_duration as number | undefined });
  deps.state.channels.set(id, thread);
  if (fromMessage) deps.state.messages.get(id)!.raw.thread = thread;
  deps.state.threadList.push({ id, name, parentId: parent.id as string, ownerId: deps.state.botUser.id, ...(fromMessage ? { messageId: id } : {}) });
  deps.gateway.dispatch('THREAD_CREATE', { ...thread, newly_created: true }, 1);
  return { status: 201, body: thread };
}

/**
 * DELETE /channels/:id like Discord: a thread needs Manage Threads, a guild channel Manage Channels (403 50013
 * otherwise); a DM is closed. The channel (and a thread's messages) disappear; THREAD_DELETE or CHANNEL_DELETE goes out.
 */
function deleteChannel(deps: Deps, id: string): { status: number; body: Json } {
  const { state } = deps;
  const c = channel(deps, id);
  const thread = isThread(c);
  if (c.type !== ChannelType.DM && !botHas(deps, thread ? Perm.ManageThreads : Perm.ManageChannels)) throw missingPermissions();
  state.channels.delete(id);
  if (thread) {
    const k = state.threadList.findIndex((t) => t.id === id);
    if (k >= 0) state.threadList.splice(k, 1);
    for (const [mid, m] of state.messages) if (m.raw.channel_id === id) state.messages.delete(mid);
    const starter = state.messages.get(id);
    if (starter) delete starter.raw.thread;
    deps.gateway.dispatch('THREAD_DELETE', { id, guild_id: c.guild_id, parent_id: c.parent_id, type: c.type }, 1);
  } else if (c.type !== ChannelType.DM) {
    deps.gateway.dispatch('CHANNEL_DELETE', c, 1);
  }
  return { status: 200, body: c };
}

export function channelRoutes(deps: Deps): Route[] {
  const { state } = deps;
  const ok = (body: unknown): { status: number; body: unknown } => ({ status: 200, body });
  const noContent = (): { status: number } => ({ status: 204 });
  const gatewayInfo = (): Json => ({ url: deps.gateway.url });
  return [
    { method: 'GET', pattern: '/gateway', auth: false, handle: () => ok(gatewayInfo()) },
    { method: 'GET', pattern: '/gateway/bot', auth: true, handle: () => ok({ ...gatewayInfo(), shards: state.recommendedShards,
      session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 } }) },
    { method: 'GET', pattern: '/users/@me', auth: true, handle: () => ok({ ...userObject(state.botUser), verified: true, mfa_enabled: false, locale: 'en-US', email: null }) },
    { method: 'GET', pattern: '/users/:uid', auth: true, handle: (ctx) => {
      const u = state.users.get(ctx.params.uid);
      if (!u) throw notFound(10013, 'User');
      return ok(userObject(u));
    } },
    { method: 'POST', pattern: '/users/@me/channels', auth: true, handle: (ctx) => {
      const u = state.users.get(String(ctx.body?.recipient_id));
      if (!u) throw notFound(10013, 'User');
      return ok(state.dmChannel(u));
    } },
    { method: 'GET', pattern: '/applications/@me', auth: true, handle: () => ok({ id: state.applicationId, name: state.botUser.username,
      icon: null, description: '', summary: '', bot_public: true, bot_require_code_grant: false, verify_key: '0'.repeat(64), flags: 0,
      owner: userObject({ id: state.guilds[0]?.ownerId ?? 'owner', username: 'owner' }), team: null, bot: userObject(state.botUser),
      approximate_guild_count: state.guilds.length, tags: [], install_params: null, integration_types_config: { 0: {} } }) },
    ...(['/applications/:app/commands', '/applications/:app/guilds/:gid/commands'].flatMap((base): Route[] => [
      { method: 'GET', pattern: base, auth: true, handle: (ctx) => ok(state.commands.get(commandsKey(ctx, deps)) ?? []) },
      { method: 'PUT', pattern: base, auth: true, handle: (ctx) => {
        const key = commandsKey(ctx, deps);
        if (!Array.isArray(ctx.body)) throw new DiscordHttpError(400, 50035, 'Invalid Form Body: expected an array of commands');
        const previous = state.commands.get(key) ?? [];
        const list = (ctx.body as Json[]).map((c) => normalizeCommand(deps, key, c, previous));
        state.commands.set(key, list);
        return ok(list);
      } },
      { method: 'POST', pattern: base, auth: true, handle: (ctx) => {
        const key = commandsKey(ctx, deps);
        const previous = state.commands.get(key) ?? [];
        const cmd = normalizeCommand(deps, key, ctx.body ?? {}, previous);
        state.commands.set(key, [...previous.filter((c) => c.id !== cmd.id), cmd]);
        return { status: previous.some((c) => c.id === cmd.id) ? 200 : 201, body: cmd };
      } },
      { method: 'DELETE', pattern: `${base}/:cmd`, auth: true, handle: (ctx) => {
        const key = commandsKey(ctx, deps);
        state.commands.set(key, (state.commands.get(key) ?? []).filter((c) => c.id !== ctx.params.cmd));
        return noContent();
      } },
    ])),
    { method: 'GET', pattern: '/channels/:cid', auth: true, handle: (ctx) => ok(channel(deps, ctx.params.cid)) },
    { method: 'PATCH', pattern: '/channels/:cid', auth: true, handle: (ctx) => {
      const c = channel(deps, ctx.params.cid);
      const b = ctx.body ?? {};
      if (typeof b.name === 'string') c.name = b.name;
      const meta = c.thread_metadata as Json | undefined;
      if (meta) for (const k of ['archived', 'locked', 'auto_archive_duration'] as const) if (k in b) meta[k] = b[k];
      deps.gateway.dispatch(isThread(c) ? 'THREAD_UPDATE' : 'CHANNEL_UPDATE', c, 1);
      return ok(c);
    } },
    { method: 'DELETE', pattern: '/channels/:cid', auth: true, handle: (ctx) => deleteChannel(deps, ctx.params.cid) },
    { method: 'GET', pattern: '/channels/:cid/messages', auth: true, handle: (ctx) => {
      const c = channel(deps, ctx.params.cid);
      const limit = Number(ctx.query.get('limit') ?? 50);
      return ok([...state.messages.values()].filter((m) => m.raw.channel_id === c.id && !m.ephemeral).map((m) => m.raw).reverse().slice(0, limit));
    } },
    { method: 'POST', pattern: '/channels/:cid/messages', auth: true, handle: (ctx) => postMessage(deps, ctx) },
    { method: 'GET', pattern: '/channels/:cid/messages/:mid', auth: true, handle: (ctx) => ok(message(deps, ctx.params.cid, ctx.params.mid).raw) },
    { method: 'PATCH', pattern: '/channels/:cid/messages/:mid', auth: true, handle: (ctx) => {
      const m = message(deps, ctx.params.cid, ctx.params.mid);
      if (m.authorId !== state.botUser.id) throw new DiscordHttpError(403, 50005, 'Cannot edit a message authored by another user');
      editMessage(state, m, ctx.body ?? {}, ctx.files);
      deps.gateway.dispatch('MESSAGE_UPDATE', m.raw);
      return ok(m.raw);
    } },
    { method: 'DELETE', pattern: '/channels/:cid/messages/:mid', auth: true, handle: (ctx) => {
      const m = message(deps, ctx.params.cid, ctx.params.mid);
      state.messages.delete(m.raw.id as string);
      deps.gateway.dispatch('MESSAGE_DELETE', { id: m.raw.id, channel_id: m.raw.channel_id, guild_id: m.raw.guild_id });
      return noContent();
    } },
    { method: 'PUT', pattern: '/channels/:cid/messages/:mid/reactions/:emoji/@me', auth: true, handle: (ctx) => { message(deps, ctx.params.cid, ctx.params.mid); return noContent(); } },
    { method: 'POST', pattern: '/channels/:cid/messages/:mid/threads', auth: true, handle: (ctx) => createThread(deps, ctx, true) },
    { method: 'POST', pattern: '/channels/:cid/threads', auth: true, handle: (ctx) => createThread(deps, ctx, false) },
    { method: 'PUT', pattern: '/channels/:cid/thread-members/@me', auth: true, handle: (ctx) => { channel(deps, ctx.params.cid); return noContent(); } },
    { method: 'DELETE', pattern: '/channels/:cid/thread-members/@me', auth: true, handle: (ctx) => { channel(deps, ctx.params.cid); return noContent(); } },
    { method: 'POST', pattern: '/channels/:cid/typing', auth: true, handle: (ctx) => { channel(deps, ctx.params.cid); return noContent(); } },
    { method: 'GET', pattern: '/guilds/:gid', auth: true, handle: (ctx) => ok(guildObject(state, guild(deps, ctx.params.gid))) },
    { method: 'GET', pattern: '/guilds/:gid/channels', auth: true, handle: (ctx) => {
      const g = guild(deps, ctx.params.gid);
      return ok([...state.channels.values()].filter((c) => c.guild_id === g.id && !isThread(c)));
    } },
    { method: 'GET', pattern: '/guilds/:gid/threads/active', auth: true, handle: (ctx) => {
      const g = guild(deps, ctx.params.gid);
      return ok({ threads: [...state.channels.values()].filter((c) => c.guild_id === g.id && isThread(c)), members: [] });
    } },
    { method: 'GET', pattern: '/guilds/:gid/members/:uid', auth: true, handle: (ctx) => {
      const g = guild(deps, ctx.params.gid);
      const m = g.members.find((x) => x.user.id === ctx.params.uid)?.user ?? (ctx.params.uid === state.botUser.id ? state.botUser : undefined);
      if (!m) throw notFound(10007, 'Member');
      return ok(memberObject(state, g.id, m));
    } },
    { method: 'GET', pattern: '/guilds/:gid/roles', auth: true, handle: (ctx) => ok(guildObject(state, guild(deps, ctx.params.gid)).roles) },
  ];
}
