/** Guild scheduled events: POST/GET /guilds/:id/scheduled-events, with Discord's permission check and field rules. */
import { Perm } from './constants.js';
import { DiscordHttpError, type Route } from './http.js';
import { userObject } from './payloads.js';
import type { Deps } from './routes-channels.js';
import type { EmulatorState } from './state.js';
import type { Json } from './types.js';

/** Manage Events (bit 33) and Create Events (bit 44): either lets the bot create an event. */
export const EVENT_PERMISSIONS = { ManageEvents: 1n << 33n, CreateEvents: 1n << 44n } as const;
const INTENT_GUILD_SCHEDULED_EVENTS = 1 << 16;
const ENTITY = { stage: 1, voice: 2, external: 3 } as const;

const events = new WeakMap<EmulatorState, Json[]>();

/** Scheduled events created so far (every guild, or one). */
export function scheduledEvents(state: EmulatorState, guildId?: string): Json[] {
  return (events.get(state) ?? []).filter((e) => guildId === undefined || e.guild_id === guildId);
}

const invalid = (what: string): DiscordHttpError => new DiscordHttpError(400, 50035, `Invalid Form Body: ${what}`);

function checkBody(state: EmulatorState, b: Json): void {
  const name = String(b.name ?? '');
  if (name.length < 1 || name.length > 100) throw invalid('name must be 1-100 characters');
  if (b.description !== undefined && b.description !== null && String(b.description).length > 1000) throw invalid('description must be at most 1000 characters');
  if (Number(b.privacy_level) !== 2) throw invalid('privacy_level must be 2 (GUILD_ONLY)');
  const start = Date.parse(String(b.scheduled_start_time ?? ''));
  if (!Number.isFinite(start)) throw invalid('scheduled_start_time is not an ISO8601 timestamp');
  if (start <= state.clock()) throw invalid('scheduled_start_time must be in the future');
  const type = Number(b.entity_type);
  if (type === ENTITY.external) {
    if (!(b.entity_metadata as Json | undefined)?.location) throw invalid('entity_metadata.location is required for an external event');
    const end = Date.parse(String(b.scheduled_end_time ?? ''));
    if (!Number.isFinite(end) || end <= start) throw invalid('scheduled_end_time is required after the start for an external event');
  } else if (type === ENTITY.voice || type === ENTITY.stage) {
    if (!b.channel_id || !state.channels.has(String(b.channel_id))) throw invalid('channel_id must name a voice or stage channel');
  } else {
    throw invalid('entity_type must be 1, 2 or 3');
  }
}

export function eventRoutes(deps: Deps): Route[] {
  const { state } = deps;
  const guildOr404 = (id: string) => {
    const g = state.guild(id);
    if (!g) throw new DiscordHttpError(404, 10004, 'Unknown Guild');
    return g;
  };
  return [
    { method: 'GET', pattern: '/guilds/:gid/scheduled-events', auth: true, handle: (ctx) => ({ status: 200, body: scheduledEvents(state, guildOr404(ctx.params.gid).id) }) },
    { method: 'POST', pattern: '/guilds/:gid/scheduled-events', auth: true, handle: (ctx) => {
      const g = guildOr404(ctx.params.gid);
      const perms = BigInt(state.botPermissions);
      const allowed = (perms & (Perm.Administrator | EVENT_PERMISSIONS.ManageEvents | EVENT_PERMISSIONS.CreateEvents)) !== 0n;
      if (!allowed) throw new DiscordHttpError(403, 50013, 'Missing Permissions');
      const b = ctx.body ?? {};
      checkBody(state, b);
      const event: Json = {
        id: state.nextId(), guild_id: g.id, channel_id: b.channel_id ?? null, creator_id: state.botUser.id, name: b.name,
        description: b.description ?? null, scheduled_start_time: new Date(Date.parse(String(b.scheduled_start_time))).toISOString(),
        scheduled_end_time: b.scheduled_end_time ? new Date(Date.parse(String(b.scheduled_end_time))).toISOString() : null,
        privacy_level: 2, status: 1, entity_type: Number(b.entity_type), entity_id: null, entity_metadata: b.entity_metadata ?? null,
        creator: userObject(state.botUser), user_count: 0, image: null, recurrence_rule: null,
      };
      events.set(state, [...(events.get(state) ?? []), event]);
      deps.gateway.dispatch('GUILD_SCHEDULED_EVENT_CREATE', event, INTENT_GUILD_SCHEDULED_EVENTS);
      return { status: 200, body: event };
    } },
  ];
}
