import type { Config } from '../config.js';
import type { Metrics } from '../kit/metrics.js';
import type { Logger } from '../log.js';
import { checkHealth, type HealthDeps } from './health.js';
import { PromMetrics } from './prom-metrics.js';
import { startOpsServer, type OpsServer } from './server.js';

export interface Ops {
  /** Undefined without METRICS_PORT: nothing is measured. */
  metrics: Metrics | undefined;
  /** Where the port listens; undefined without METRICS_PORT. */
  address: { host: string; port: number } | undefined;
  /** What the health check and the engine gauge read, once the bot and services exist. */
  watch(w: Omit<HealthDeps, 'storeTimeoutMs'> & { engineScopes: () => number }): void;
  close(): Promise<void>;
}

/** This process's shard id(s): discord.js's ShardingManager passes them in SHARDS; a single process is shard 0. */
export function shardLabel(env: NodeJS.ProcessEnv = process.env): string {
  return env.SHARDS?.trim() || '0';
}

/**
 * The operations port, when METRICS_PORT is set: metrics from now on, and a health check that answers 503
 * ("logging in") until `watch` gives it the gateway and the store. Without METRICS_PORT nothing listens.
 */
export async function startOps(config: Config, logger: Logger): Promise<Ops> {
  if (config.METRICS_PORT === undefined) return { metrics: undefined, address: undefined, watch: () => undefined, close: async () => undefined };
  const metrics = new PromMetrics({ shard: shardLabel() });
  let deps: HealthDeps = { gateway: () => 'logging in', probeStore: async () => undefined };
  const server: OpsServer = await startOpsServer({
    port: config.METRICS_PORT,
    host: config.METRICS_HOST,
    health: () => checkHealth(deps),
    scrape: () => metrics.scrape(),
    logger,
  });
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
