/** REST routes for interaction callbacks and the interaction webhook (@original, follow-ups). */
import { MessageFlag } from './constants.js';
import { DiscordHttpError, type Route, type RouteContext, type RouteResult } from './http.js';
import { createMessage, editMessage } from './payloads.js';
import type { InteractionRecordImpl } from './record.js';
import type { Deps } from './routes-channels.js';
import type { Json } from './types.js';

/** Callback types each interaction type accepts (2 command, 3 component, 4 autocomplete, 5 modal submit). */
const ALLOWED: Record<number, number[]> = { 2: [4, 5, 9], 3: [4, 5, 6, 7, 9], 4: [8], 5: [4, 5, 6, 7] };

function recordFor(deps: Deps, ctx: RouteContext): InteractionRecordImpl {
  if (ctx.params.app !== deps.state.applicationId) throw new DiscordHttpError(404, 10015, 'Unknown Webhook');
  const rec = deps.records.get(ctx.params.token);
  if (!rec) throw new DiscordHttpError(404, 10015, 'Unknown Webhook');
  return rec;
}

function messageFor(deps: Deps, rec: InteractionRecordImpl, ref: string): { id: string; stored: NonNullable<ReturnType<Deps['state']['messages']['get']>> } {
  const id = ref === '@original' ? rec.originalId : ref;
  const stored = id ? deps.state.messages.get(id) : undefined;
  if (!id || !stored || (ref !== '@original' && stored.interactionId !== rec.id)) throw new DiscordHttpError(404, 10008, 'Unknown Message');
  return { id, stored };
}

function callback(deps: Deps, ctx: RouteContext): RouteResult {
  const { state, gateway } = deps;
  const rec = deps.recordsById.get(ctx.params.id);
  if (!rec || rec.token !== ctx.params.token) throw new DiscordHttpError(404, 10062, 'Unknown interaction');
  if (rec.callbacks.length > 0) throw new DiscordHttpError(400, 40060, 'Interaction has already been acknowledged.');
  const type = Number(ctx.body?.type);
  if (!ALLOWED[rec.ctx.interactionType]?.includes(type)) {
    throw new DiscordHttpError(400, 50035, `Invalid Form Body: callback type ${type} is not valid for interaction type ${rec.ctx.interactionType}`);
  }
  const data = (ctx.body?.data ?? {}) as Json;
  if (type === 4 || type === 5) {
    const flags = type === 5 ? MessageFlag.Loading | (((data.flags as number | undefined) ?? 0) & MessageFlag.Ephemeral) : undefined;
    const body = type === 5 ? { flags } : data;
    const stored = createMessage(state, { channelId: rec.ctx.channelId, author: state.botUser, body, files: type === 4 ? ctx.files : [],
      webhookId: state.applicationId, interaction: { id: rec.id, type: rec.ctx.interactionType, name: rec.ctx.commandName, user: rec.ctx.user } });
    rec.originalId = stored.raw.id as string;
    if (!stored.ephemeral) gateway.dispatchMessage(stored.raw);
  } else if (type === 7) {
    const { stored } = messageFor(deps, rec, '@original');
    editMessage(state, stored, data, ctx.files);
    if (!stored.ephemeral) gateway.dispatch('MESSAGE_UPDATE', stored.raw);
  }
  rec.addCallback(type, ctx.body?.data, ctx.files);
  if (ctx.query.get('with_response') !== 'true') return { status: 204 };
  const message = rec.originalId && (type === 4 || type === 5 || type === 7) ? state.messages.get(rec.originalId)?.raw : undefined;
  const flags = (message?.flags as number | undefined) ?? 0;
  return { status: 200, body: {
    interaction: { id: rec.id, type: rec.ctx.interactionType, activity_instance_id: null, response_message_id: message?.id ?? null,
      response_message_loading: (flags & MessageFlag.Loading) !== 0, response_message_ephemeral: (flags & MessageFlag.Ephemeral) !== 0 },
    resource: { type, ...(message ? { message } : {}) },
  } };
}

function followUp(deps: Deps, ctx: RouteContext): RouteResult {
  const rec = recordFor(deps, ctx);
  if (rec.callbacks.length === 0) throw new DiscordHttpError(404, 10015, 'Unknown Webhook');
  const body = ctx.body ?? {};
  const channelId = ctx.query.get('thread_id') ?? rec.ctx.channelId;
  const stored = createMessage(deps.state, { channelId, author: deps.state.botUser, body, files: ctx.files, webhookId: deps.state.applicationId,
    interaction: { id: rec.id, type: rec.ctx.interactionType, name: rec.ctx.commandName, user: rec.ctx.user } });
  rec.followUps.push({ body, files: ctx.files, at: deps.state.clock() });
  if (!stored.ephemeral) deps.gateway.dispatchMessage(stored.raw);
  rec.activity();
  return ctx.query.get('wait') === 'false' ? { status: 204 } : { status: 200, body: stored.raw };
}

export function interactionRoutes(deps: Deps): Route[] {
  const W = '/webhooks/:app/:token/messages/:mid';
  return [
    { method: 'POST', pattern: '/interactions/:id/:token/callback', auth: false, handle: (ctx) => callback(deps, ctx) },
    { method: 'POST', pattern: '/webhooks/:app/:token', auth: false, handle: (ctx) => followUp(deps, ctx) },
    { method: 'GET', pattern: W, auth: false, handle: (ctx) => {
      const rec = recordFor(deps, ctx);
      return { status: 200, body: messageFor(deps, rec, ctx.params.mid).stored.raw };
    } },
    { method: 'PATCH', pattern: W, auth: false, handle: (ctx) => {
      const rec = recordFor(deps, ctx);
      const { stored } = messageFor(deps, rec, ctx.params.mid);
      editMessage(deps.state, stored, ctx.body ?? {}, ctx.files);
      if (ctx.params.mid === '@original' || ctx.params.mid === rec.originalId) rec.edits.push({ body: ctx.body ?? {}, files: ctx.files, at: deps.state.clock() });
      if (!stored.ephemeral) deps.gateway.dispatch('MESSAGE_UPDATE', stored.raw);
      rec.activity();
      return { status: 200, body: stored.raw };
    } },
    { method: 'DELETE', pattern: W, auth: false, handle: (ctx) => {
      const rec = recordFor(deps, ctx);
      const { id, stored } = messageFor(deps, rec, ctx.params.mid);
      deps.state.messages.delete(id);
      if (!stored.ephemeral) deps.gateway.dispatch('MESSAGE_DELETE', { id, channel_id: stored.raw.channel_id, guild_id: stored.raw.guild_id });
      rec.activity();
      return { status: 204 };
    } },
  ];
}
