/**
 * The container and service files agree with the code (Docker itself is not run here): the health check asks
 * /healthz on the metrics port, every stop grace outlasts SHUTDOWN_GRACE_S, the shipped data is not a volume,
 * and the database path of the image is a valid STORE_URL inside the volume.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config.js';

const read = (f: string) => readFileSync(new URL(`../../../${f}`, import.meta.url), 'utf8');
const dockerfile = read('Dockerfile');
const compose = read('docker-compose.yml');
const unit = read('deploy/tastemaker.service');

const envOf = (text: string) => Object.fromEntries([...text.matchAll(/^\s+([A-Z_]+)[=:] ?"?([^"\s\\]+)"?/gm)].map((m) => [m[1], m[2]]));

describe('Dockerfile, docker-compose.yml and the systemd unit', () => {
  it('GIVEN the image defaults THEN they parse as a configuration, the database is inside the /app/var volume, and /app/data is not a volume', () => {
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    const env = envOf(runtime.slice(runtime.indexOf('ENV ')));
    const config = parseConfig(env);
    expect(config.STORE_URL).toBe('sqlite:///app/var/tastemaker.sqlite');
    expect(runtime).toMatch(/^VOLUME \["\/app\/var"\]$/m);
    expect(dockerfile).not.toMatch(/VOLUME.*\/app\/data/);
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^FROM node:20-slim AS runtime$/m);
  });

  it('GIVEN the HEALTHCHECK THEN it asks /healthz on METRICS_PORT, which the image sets', () => {
    expect(dockerfile).toMatch(/HEALTHCHECK[^\n]*\\\n\s+CMD \[.*process\.env\.METRICS_PORT.*\/healthz/);
    expect(dockerfile).toMatch(/METRICS_PORT=9464/);
  });

  it('GIVEN compose and the unit THEN each stop grace is longer than SHUTDOWN_GRACE_S, and Redis keeps an append-only file', () => {
    const grace = parseConfig(envOf(compose)).SHUTDOWN_GRACE_S;
    const composeStop = Number(/^\s+stop_grace_period: (\d+)s$/m.exec(compose)?.[1]);
    const unitStop = Number(/^TimeoutStopSec=(\d+)$/m.exec(unit)?.[1]);
    expect(composeStop).toBeGreaterThan(grace);
    expect(unitStop).toBeGreaterThan(grace);
    expect(compose).toMatch(/"--appendonly", "yes"/);
    expect(parseConfig(envOf(compose)).STORE_URL).toBe('redis://redis:6379');
  });
});
