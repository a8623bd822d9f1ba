import { REST, Routes } from 'discord.js';
import { ConfigError, SHARDS_NEED_REDIS, type Config } from '../config.js';

/** What `GET /gateway/bot` answers (the part start-up reads). */
interface GatewayBot {
  shards: number;
  session_start_limit?: { total: number; remaining: number; reset_after: number; max_concurrency: number };
}

export interface ShardPlan {
  count: number;
  /** Where the count came from: the SHARDS setting, or Discord's recommendation for SHARDS=auto. */
  from: 'setting' | 'discord';
  /** Identifies left today (Discord refuses more; each shard start uses one). */
  sessionsLeft?: number;
  maxConcurrency: number;
}

/**
 * How many shards to run: SHARDS=N as set, SHARDS=auto as `GET /gateway/bot` recommends (through
 * DISCORD_API_URL when set, so a proxy or the emulator answers). More than one shard needs a store every
 * process shares: with SQLite or memory it stops with a ConfigError that says so (config.ts checks SHARDS=N
 * up front; this catches what auto resolved to).
 */
export async function planShards(config: Config): Promise<ShardPlan> {
  const setting = config.SHARDS ?? 1;
  let plan: ShardPlan = { count: setting === 'auto' ? 1 : setting, from: 'setting', maxConcurrency: 1 };
  if (setting === 'auto') {
    const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(config.DISCORD_TOKEN ?? '');
    const info = (await rest.get(Routes.gatewayBot())) as GatewayBot;
    plan = {
      count: Math.max(1, info.shards),
      from: 'discord',
      sessionsLeft: info.session_start_limit?.remaining,
      maxConcurrency: info.session_start_limit?.max_concurrency ?? 1,
    };
  }
  if (plan.count > 1 && !/^rediss?:\/\//.test(config.STORE_URL)) {
    const variable = config.SHARDS === 'auto' ? `SHARDS=auto (Discord recommends ${plan.count} shards)` : `SHARDS=${plan.count}`;
    throw new ConfigError([{ variable, message: SHARDS_NEED_REDIS }]);
  }
  return plan;
}
