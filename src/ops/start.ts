import type { Config } from '../config.js';
import { errorMessage } from '../kit/index.js';
import type { Metrics } from '../kit/metrics.js';
import type { Logger } from '../log.js';
import { checkHealth, type HealthDeps } from './health.js';
import { PromMetrics } from './prom-metrics.js';
import { startOpsServer, type OpsServer } from './server.js';

export interface Ops {
  /** Undefined without METRICS_PORT (or when the port could not be bound): nothing is measured. */
  metrics: Metrics | undefined;
  /** Where the port listens; undefined without METRICS_PORT or when binding failed. */
  address: { host: string; port: number } | undefined;
  /** What the health check and the engine gauge read, once the bot and services exist. */
  watch(w: Omit<HealthDeps, 'storeTimeoutMs'> & { engineScopes: () => number }): void;
  close(): Promise<void>;
}

const NO_OPS: Ops = { metrics: undefined, address: undefined, watch: () => undefined, close: async () => undefined };

/** This process's shard id(s): discord.js's ShardingManager passes them in SHARDS; a single process is shard 0. */
export function shardLabel(env: NodeJS.ProcessEnv = process.env): string {
  return env.SHARDS?.trim() || '0';
}

/**
 * The port this process serves on: METRICS_PORT itself for one process; METRICS_PORT + shard id in a shard
 * process (discord.js's ShardingManager sets SHARDING_MANAGER and SHARDS=<id>), so shards 0, 1, 2 of one
 * machine listen on 9464, 9465, 9466 instead of fighting for one port.
 */
export function opsPort(base: number, env: NodeJS.ProcessEnv = process.env): number {
  if (!env.SHARDING_MANAGER) return base;
  const id = Number(env.SHARDS?.trim());
  return Number.isInteger(id) && id >= 0 ? base + id : base;
}

/**
 * The operations port, when METRICS_PORT is set: metrics from now on, and a health check that answers 503
 * ("logging in") until `watch` gives it the gateway and the store. Without METRICS_PORT nothing listens.
 * A port that cannot be bound (in use, no permission) is one error log line and the bot runs without it:
 * exiting would make the shard manager (or a restart policy) start it again into the same failure.
 */
export async function startOps(config: Config, logger: Logger, env: NodeJS.ProcessEnv = process.env): Promise<Ops> {
  if (config.METRICS_PORT === undefined) return NO_OPS;
  const port = opsPort(config.METRICS_PORT, env);
  const metrics = new PromMetrics({ shard: shardLabel(env) });
  let deps: HealthDeps = { gateway: () => 'logging in', probeStore: async () => undefined };
  let server: OpsServer;
  try {
    server = await startOpsServer({ port, host: config.METRICS_HOST, health: () => checkHealth(deps), scrape: () => metrics.scrape(), logger });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    logger.error(
      { host: config.METRICS_HOST, port, shard: shardLabel(env), code, err: errorMessage(e) },
      'health and metrics port not opened (the bot runs without /healthz and /metrics): free the port or change METRICS_PORT',
    );
    return NO_OPS;
  }
  return {
    metrics,
    address: { host: server.host, port: server.port },
    watch(w) {
      deps = { gateway: w.gateway, probeStore: w.probeStore };
      metrics.watchEngines(w.engineScopes);
    },
    close: () => server.close(),
  };
}
