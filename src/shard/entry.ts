/**
 * What each shard process runs (forked by the ShardingManager in src/shard/manager.ts): the usual bot start-up.
 * discord.js's Client reads its shard id and count from the environment the manager sets (SHARDS,
 * SHARD_COUNT, SHARDING_MANAGER), and config.ts then reads SHARDS as unset, so a shard never starts a manager.
 */
import { exitOnError, start } from '../start.js';

if (!process.env.SHARDING_MANAGER) {
  process.stderr.write('src/shard/entry is started by the shard manager (SHARDS=auto|N with npm start), not directly.\n');
  process.exit(1);
}
start('auto').catch(exitOnError);
