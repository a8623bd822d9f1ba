/** The world of `npm run bench -- load`: guilds with members, the command mix, flags, and the memory slope. */
import { ADMIN_PERMISSIONS, MEMBER_PERMISSIONS, type EmulatorGuild, type InteractionInput } from '../test/emulators/discord/index.js';

export interface LoadFlags {
  store: 'sqlite' | 'redis' | 'memory';
  redisUrl: string;
  llm: boolean;
  count: number;
  members: number;
  guilds: number;
  durationS: number;
  items: number;
  soakS: number;
}

export const LOAD_USAGE =
  'usage: npm run bench -- load [--store sqlite|redis|memory] [--redis URL] [--llm] [--count 1000] [--members 200] [--guilds 20] [--duration 60] [--items 9742 (at least 20)] [--soak SECONDS]';

function num(args: string[], name: string, dflt: number): number {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return dflt;
  const n = Number(args[i + 1]);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} needs a whole number of at least 1\n${LOAD_USAGE}`);
  return n;
}

export function parseLoadFlags(args: string[]): LoadFlags {
  const si = args.indexOf('--store');
  const store = (si >= 0 ? args[si + 1] : 'sqlite') as LoadFlags['store'];
  if (!['sqlite', 'redis', 'memory'].includes(store)) throw new Error(`--store must be sqlite, redis or memory\n${LOAD_USAGE}`);
  const ri = args.indexOf('--redis');
  const flags: LoadFlags = {
    store,
    redisUrl: ri >= 0 ? args[ri + 1] : (process.env.REDIS_URL ?? 'redis://127.0.0.1:6392'),
    llm: args.includes('--llm'),
    count: num(args, 'count', 1000),
    members: num(args, 'members', 200),
    guilds: num(args, 'guilds', 20),
    durationS: num(args, 'duration', 60),
    items: num(args, 'items', 9742),
    soakS: args.includes('--soak') ? num(args, 'soak', 600) : 0,
  };
  if (flags.members < flags.guilds) throw new Error(`--members must be at least --guilds\n${LOAD_USAGE}`);
  return flags;
}

export interface World {
  guilds: EmulatorGuild[];
  /** Members in the order interactions take them: one from each guild in turn. */
  order: { guildId: string; channelId: string; user: { id: string; username: string } }[];
  membersByGuild: Record<string, string[]>;
}

export function buildWorld(f: Pick<LoadFlags, 'guilds' | 'members'>): World {
  const guilds: EmulatorGuild[] = [];
  const membersByGuild: Record<string, string[]> = {};
  for (let g = 0; g < f.guilds; g++) {
    const id = `lg${g}`;
    const ids = Array.from({ length: Math.floor(f.members / f.guilds) + (g < f.members % f.guilds ? 1 : 0) }, (_, k) => `lm${g}-${k}`);
    membersByGuild[id] = ids;
    guilds.push({
      id,
      name: `Load Guild ${g}`,
      ownerId: `owner-${id}`,
      channels: [{ id: `lc${g}`, name: 'general' }],
      members: [{ user: { id: `owner-${id}`, username: `owner${g}` }, permissions: ADMIN_PERMISSIONS }, ...ids.map((u) => ({ user: { id: u, username: u }, permissions: MEMBER_PERMISSIONS }))],
    });
  }
  const order: World['order'] = [];
  const most = Math.max(...Object.values(membersByGuild).map((m) => m.length));
  for (let k = 0; k < most; k++) {
    guilds.forEach((g, gi) => {
      const u = membersByGuild[g.id][k];
      if (u) order.push({ guildId: g.id, channelId: `lc${gi}`, user: { id: u, username: u } });
    });
  }
  return { guilds, order, membersByGuild };
}

/** What members do, by share: lists most, then ratings, lookups and help. Ids are starter-catalog ids. */
export const MIX: [string, Partial<InteractionInput>][] = [
  ['recommend', { type: 'command', name: 'recommend', options: { request: 'tense heist thriller' } }],
  ['rate', { type: 'command', name: 'rate', options: { title: 'ml-1', score: 4 } }],
  ['similar', { type: 'command', name: 'similar', options: { title: 'ml-6' } }],
  ['autocomplete', { type: 'autocomplete', name: 'rate', focused: 'title', options: { title: 'hea' } }],
  ['next', { type: 'command', name: 'next' }],
  ['predict', { type: 'command', name: 'predict', options: { title: 'ml-11' } }],
  ['watched list', { type: 'command', name: 'watched', subcommand: 'list' }],
  ['recommend', { type: 'command', name: 'recommend', options: { request: 'cozy family animation' } }],
  ['rank', { type: 'command', name: 'rank', options: { titles: 'Heat, Toy Story, Jumanji, GoldenEye' } }],
  ['profile', { type: 'command', name: 'profile' }],
  ['help', { type: 'command', name: 'help' }],
];

/** Least-squares slope of (ms, bytes) samples, in MB per minute. */
export function slopeMbPerMin(samples: { at: number; bytes: number }[]): number {
  const n = samples.length;
  if (n < 2) return NaN;
  const mx = samples.reduce((s, p) => s + p.at, 0) / n;
  const my = samples.reduce((s, p) => s + p.bytes, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of samples) {
    num += (p.at - mx) * (p.bytes - my);
    den += (p.at - mx) ** 2;
  }
  return den === 0 ? NaN : (num / den) * 60_000 / 1e6;
}
