import { Client, Events, GatewayIntentBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { startDiscordEmulator, type DiscordEmulator } from '../../emulators/discord/index.js';
import { shardOf } from '../../emulators/discord/shards.js';
import { guild, guildIdOnShard, MEMBER } from './guilds.js';

let emu: DiscordEmulator | undefined;
const clients: Client[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) await c.destroy();
  await emu?.close();
  emu = undefined;
});

/** A real discord.js client logged in as one shard of `count`. */
async function shardClient(e: DiscordEmulator, id: number, count: number): Promise<Client> {
  const c = new Client({ intents: [GatewayIntentBits.Guilds], shards: [id], shardCount: count, rest: { api: e.apiUrl } });
  clients.push(c);
  const ready = new Promise<void>((resolve) => c.once(Events.ClientReady, () => resolve()));
  await c.login(e.token);
  await ready;
  return c;
}

describe('Discord emulator: gateway sharding', () => {
  it('GIVEN guild ids on shard 0 and 1 of 2 THEN the formula (id >> 22) % 2 places them there', () => {
    expect(shardOf(guildIdOnShard(0, 2, 7), 2)).toBe(0);
    expect(shardOf(guildIdOnShard(1, 2, 7), 2)).toBe(1);
    expect(shardOf(guildIdOnShard(2, 3, 9), 3)).toBe(2);
    expect(shardOf('g1', 2)).toBe(0);
  });

  it('GIVEN GET /gateway/bot THEN it recommends the configured shard count and a session start limit', async () => {
    emu = await startDiscordEmulator({ shards: 2 });
    const res = await fetch(`${emu.apiUrl}/v10/gateway/bot`, { headers: { Authorization: `Bot ${emu.token}` } });
    expect(await res.json()).toMatchObject({ url: emu.gatewayUrl, shards: 2, session_start_limit: { total: expect.any(Number), remaining: expect.any(Number), max_concurrency: 1 } });
  });

  it('GIVEN two clients identifying as shard 0 and 1 of 2 THEN each gets only its guilds and only its guilds interactions', async () => {
    const a = guildIdOnShard(0, 2, 11);
    const b = guildIdOnShard(1, 2, 11);
    emu = await startDiscordEmulator({ shards: 2, guilds: [guild(a, 'A'), guild(b, 'B')] });
    const [s0, s1] = [await shardClient(emu, 0, 2), await shardClient(emu, 1, 2)];
    expect([...s0.guilds.cache.keys()]).toEqual([a]);
    expect([...s1.guilds.cache.keys()]).toEqual([b]);
    expect(emu.sessions().map((s) => s.shard).sort()).toEqual([[0, 2], [1, 2]]);
    const seen: string[] = [];
    s0.on(Events.InteractionCreate, (i) => seen.push(`0:${i.guildId ?? 'dm'}`));
    s1.on(Events.InteractionCreate, (i) => seen.push(`1:${i.guildId ?? 'dm'}`));
    const ping = { type: 'command' as const, name: 'help', user: MEMBER };
    await emu.interact({ ...ping, guildId: b, channelId: guild(b, 'B').channels[0].id });
    await emu.interact({ ...ping, guildId: a, channelId: guild(a, 'A').channels[0].id });
    await emu.interact({ ...ping, channelId: 'dm-1' });
    await emu.waitFor(() => seen.length === 3);
    expect(seen.sort()).toEqual([`0:${a}`, '0:dm', `1:${b}`]);
  });
});
