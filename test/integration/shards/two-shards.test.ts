/**
 * The real ShardingManager (SHARDS=auto, Discord recommending 2) forks two shard processes, each a whole bot
 * through src/shard/entry.ts (tsx), against the Discord emulator and one Redis. The test process is a third
 * Redis client: what it writes, the shards read, and the other way round.
 */
import { randomInt } from 'node:crypto';
import { resolve } from 'node:path';
import type { ShardingManager } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config.js';
import { deployCommands } from '../../../src/discord/deploy.js';
import { loadCommands } from '../../../src/discord/loader.js';
import { createLogger } from '../../../src/log.js';
import { shardKillAfterMs, startShards, stopShards } from '../../../src/shard/manager.js';
import { CatalogRepo, createStore, ProfileRepo, type Store } from '../../../src/store/index.js';
import { startDiscordEmulator, type DiscordEmulator, type InteractionInput, type InteractionRecord } from '../../emulators/discord/index.js';
import { answered } from '../../e2e/harness.js';
import { ADMIN, guild, guildIdOnShard, MEMBER } from './guilds.js';

const REDIS_URL = process.env.REDIS_URL;
type Input = InteractionInput extends infer T ? (T extends InteractionInput ? Omit<T, 'user' | 'channelId' | 'guildId'> & { user?: InteractionInput['user'] } : never) : never;
if (!REDIS_URL) console.info('Shard tests skipped: set REDIS_URL=redis://127.0.0.1:6379 to run them (several shards need Redis)');

const salt = randomInt(1, 4_000_000);
const A = guildIdOnShard(0, 2, salt);
const B = guildIdOnShard(1, 2, salt);
const guildA = guild(A, 'Server A');
const guildB = guild(B, 'Server B');

/** Each server's own small catalog, written by the test process straight into Redis. */
const catalogOf = (g: string) => [
  { id: `${g}-heat`, title: g === A ? 'Heat' : 'Alien', description: 'a crime story', tags: ['crime'] },
  { id: `${g}-up`, title: g === A ? 'Up' : 'Brazil', description: 'a balloon flight', tags: ['family'] },
  { id: `${g}-jaws`, title: g === A ? 'Jaws' : 'Fargo', description: 'a shark at the beach', tags: ['thriller'] },
];

describe.skipIf(!REDIS_URL)('two shard processes over one Redis (skipped without REDIS_URL)', () => {
  let emu: DiscordEmulator;
  let manager: ShardingManager;
  let store: Store;

  beforeAll(async () => {
    emu = await startDiscordEmulator({ shards: 2, guilds: [guildA, guildB] });
    const env = { DISCORD_TOKEN: emu.token, DISCORD_APP_ID: emu.applicationId, DISCORD_API_URL: emu.apiUrl, STORE_URL: REDIS_URL!, LLM_PROVIDER: 'none', LOG_LEVEL: process.env.E2E_LOG ?? 'warn' };
    const config = parseConfig({ ...env, SHARDS: 'auto' });
    const commands = await loadCommands(resolve(import.meta.dirname, '../../../commands'));
    for (const g of [A, B, undefined]) await deployCommands({ config, commands, guildId: g });
    store = await createStore(REDIS_URL!);
    const catalogs = new CatalogRepo(store);
    for (const g of [A, B]) await catalogs.write(g, catalogOf(g), null, { updatedBy: ADMIN.id, source: 'upload' });
    ({ manager } = await startShards({ config, logger: createLogger('warn'), spawnDelayMs: 0, spawnTimeoutMs: 240_000, env }));
  }, 300_000);

  afterAll(async () => {
    if (manager) await stopShards(manager, shardKillAfterMs(10));
    await emu?.close();
    await store?.close();
  });

  /** Runs an interaction in server `g`, or in the member's DMs when `g` is undefined, and waits for its answer. */
  const run = async (input: Input, g: typeof guildA | undefined): Promise<InteractionRecord> => {
    const where = g ? { channelId: g.channels[0].id, guildId: g.id } : { channelId: `dm-${salt}` };
    const rec = await emu.interact({ user: MEMBER, ...where, ...input } as InteractionInput);
    await rec.settled(200, 60_000);
    // a deferred reply is done once its last edit is the answer (a first load of the starter catalog takes a while)
    await emu.waitFor(() => answered(rec), 90_000);
    await rec.settled(200, 60_000);
    return rec;
  };
  const shardThatGot = (rec: InteractionRecord): number[] =>
    emu.dispatches.filter((e) => e.t === 'INTERACTION_CREATE' && (e.d as { id: string }).id === rec.id).map((e) => e.shard ?? -1);
  const exported = async (g: typeof guildA | undefined) => {
    const rec = await run({ type: 'command', name: 'privacy', subcommand: 'export' }, g);
    const file = (rec.edits.at(-1)?.files ?? rec.callbacks[0]?.files ?? [])[0];
    return { rec, data: JSON.parse(new TextDecoder().decode(file?.bytes)) as { profile: { ratings: Record<string, { value: number }> } } };
  };

  it('GIVEN SHARDS=auto and Discord recommending 2 THEN two gateway sessions run, and each shard holds only its own server', async () => {
    expect(manager.totalShards).toBe(2);
    expect(emu.sessions().map((s) => s.shard).sort()).toEqual([[0, 2], [1, 2]]);
    const held = await manager.broadcastEval((c) => [...c.guilds.cache.keys()]);
    expect(held).toEqual([[A], [B]]);
  });

  it('GIVEN a member rating in server A and in server B THEN shard 0 answers A, shard 1 answers B, and both ratings land in the one Redis', async () => {
    const inA = await run({ type: 'command', name: 'rate', options: { title: 'Heat', score: 4.5 } }, guildA);
    const inB = await run({ type: 'command', name: 'rate', options: { title: 'Alien', score: 2 } }, guildB);
    expect(shardThatGot(inA)).toEqual([0]);
    expect(shardThatGot(inB)).toEqual([1]);
    expect(JSON.stringify(inA.final())).toContain('Heat');
    expect(JSON.stringify(inB.final())).toContain('Alien');
    const profiles = new ProfileRepo(store);
    expect((await profiles.get(A, MEMBER.id)).ratings).toMatchObject({ [`${A}-heat`]: { value: 4.5 } });
    expect((await profiles.get(B, MEMBER.id)).ratings).toMatchObject({ [`${B}-heat`]: { value: 2 } });
    // a server's data stays in its server: B's rating is not in A
    expect((await profiles.get(A, MEMBER.id)).ratings[`${B}-heat`]).toBeUndefined();
  });

  it('GIVEN a rating written into server B by another process THEN shard 1 answers with it, and shard 0 with A only', async () => {
    await new ProfileRepo(store).setRating(B, MEMBER.id, `${B}-jaws`, 5);
    const b = await exported(guildB);
    expect(shardThatGot(b.rec)).toEqual([1]);
    expect(b.data.profile.ratings).toMatchObject({ [`${B}-heat`]: { value: 2 }, [`${B}-jaws`]: { value: 5 } });
    const a = await exported(guildA);
    expect(shardThatGot(a.rec)).toEqual([0]);
    expect(Object.keys(a.data.profile.ratings)).toEqual([`${A}-heat`]);
  });

  it('GIVEN a member rating in DMs THEN shard 0 answers, from the starter catalog it gave the DM scope, and the rating is in Redis', async () => {
    const someone = { id: String(200000000000000000n + BigInt(salt)), username: 'someone' }; // new this run: no DM data yet
    const dm = await run({ type: 'command', name: 'rate', options: { title: 'Toy Story', score: 4 }, user: someone }, undefined);
    expect(shardThatGot(dm)).toEqual([0]);
    expect(JSON.stringify(dm.final())).toContain('Toy Story');
    const scope = `dm:${someone.id}`;
    const catalog = await new CatalogRepo(store).pointer(scope);
    expect(catalog).toMatchObject({ source: 'starter' }); // written by shard 0
    expect(catalog?.itemCount).toBeGreaterThan(1_000);
    const ratings = (await new ProfileRepo(store).get(scope, someone.id)).ratings;
    expect(Object.values(ratings).map((r) => r.value)).toEqual([4]);
  }, 120_000);
});
