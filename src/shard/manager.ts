import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ShardingManager, type Shard } from 'discord.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { planShards, type ShardPlan } from './count.js';

export interface ShardManagerOptions {
  config: Config;
  logger: Logger;
  /** Pause between two shard starts. Default 5.5 s: Discord allows one IDENTIFY per 5 s per concurrency bucket. */
  spawnDelayMs?: number;
  /** How long one shard may take to become ready. Default 90 s. */
  spawnTimeoutMs?: number;
  /** Extra environment for the shard processes (tests). They inherit this process's environment otherwise. */
  env?: Record<string, string>;
}

/**
 * The shard process's entry: `entry.ts` through tsx when running from source (`npm start`, tests), the
 * compiled `entry.js` beside this file when built.
 */
export function shardEntry(): { file: string; execArgv: string[] } {
  const fromSource = import.meta.url.endsWith('.ts');
  const file = fileURLToPath(new URL(fromSource ? './entry.ts' : './entry.js', import.meta.url));
  const tsx = fromSource ? pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href : undefined;
  return { file, execArgv: tsx ? ['--import', tsx] : [] };
}

/**
 * Runs the bot as several processes with discord.js's ShardingManager (one process per shard, each a whole
 * bot over the shared Redis store; Discord sends each shard only its servers' events). Resolves once every
 * shard is ready; a shard that dies is started again by the manager. Throws a ConfigError when more than
 * one shard would run on a store that only one process may use.
 */
export async function startShards(o: ShardManagerOptions): Promise<{ manager: ShardingManager; plan: ShardPlan }> {
  const plan = await planShards(o.config);
  if (plan.sessionsLeft !== undefined && plan.sessionsLeft < plan.count) {
    o.logger.warn({ shards: plan.count, sessionsLeft: plan.sessionsLeft }, 'Discord allows fewer session starts today than shards: some shards will wait');
  }
  const { file, execArgv } = shardEntry();
  const manager = new ShardingManager(file, { totalShards: plan.count, token: o.config.DISCORD_TOKEN, execArgv, respawn: true });
  manager.on('shardCreate', (shard: Shard) => {
    if (o.env) Object.assign(shard.env as NodeJS.ProcessEnv, o.env); // typed unknown in discord.js; it is the child's env object
    shard.on('ready', () => o.logger.info({ shard: shard.id, of: plan.count }, 'shard ready'));
    shard.on('death', () => {
      if (manager.respawn) o.logger.warn({ shard: shard.id }, 'shard process exited; the manager starts it again');
    });
    shard.on('error', (err) => o.logger.error({ shard: shard.id, err: err.message }, 'shard process error'));
  });
  o.logger.info({ shards: plan.count, from: plan.from, store: 'shared redis' }, 'starting shard processes');
  await manager.spawn({ amount: plan.count, delay: o.spawnDelayMs ?? 5_500, timeout: o.spawnTimeoutMs ?? 90_000 });
  return { manager, plan };
}

/** What a shard needs beyond SHUTDOWN_GRACE_S to close its Discord client and flush and close the store. */
export const SHARD_STOP_MARGIN_S = 5;

/**
 * How long the manager waits after SIGTERM before it SIGKILLs a shard: the shard's own grace for work in
 * flight (SHUTDOWN_GRACE_S) plus the margin to close up, so the manager never cuts the documented grace.
 */
export function shardKillAfterMs(shutdownGraceS: number): number {
  return (shutdownGraceS + SHARD_STOP_MARGIN_S) * 1000;
}

/** Stops every shard process: SIGTERM (each drains, closes its client and store), SIGKILL after `killAfterMs`. */
export async function stopShards(manager: ShardingManager, killAfterMs: number): Promise<void> {
  manager.respawn = false;
  await Promise.all(
    manager.shards.map(
      (shard) =>
        new Promise<void>((resolve) => {
          const child = shard.process;
          if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
          const kill = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
          child.once('exit', () => {
            clearTimeout(kill);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
}

/** `npm start` with SHARDS set: starts the shards and stops them on SIGINT/SIGTERM. */
export async function runShards(o: ShardManagerOptions): Promise<void> {
  const { manager } = await startShards(o);
  const stop = (signal: string) => {
    o.logger.info({ signal }, 'stopping shard processes');
    void stopShards(manager, shardKillAfterMs(o.config.SHUTDOWN_GRACE_S)).then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}
