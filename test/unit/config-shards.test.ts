import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config.js';

const problems = (env: Record<string, string>): string => {
  try {
    parseConfig(env);
    return '';
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
};

describe('config: SHARDS and ENGINE_MEMORY_MB', () => {
  it('GIVEN nothing set THEN one process and a 400 MB engine budget', () => {
    const c = parseConfig({});
    expect(c.SHARDS).toBeUndefined();
    expect(c.ENGINE_MEMORY_MB).toBe(400);
  });

  it('GIVEN SHARDS=auto or 4 with Redis THEN it is taken', () => {
    expect(parseConfig({ SHARDS: 'auto' }).SHARDS).toBe('auto');
    expect(parseConfig({ SHARDS: '4', STORE_URL: 'redis://127.0.0.1:6379' }).SHARDS).toBe(4);
  });

  it('GIVEN SHARDS=2 with the SQLite default or memory THEN start-up names the one fix: Redis', () => {
    expect(problems({ SHARDS: '2' })).toMatch(/SHARDS=2 needs STORE_URL=redis:\/\/host:port when more than one shard runs/);
    expect(problems({ SHARDS: '2', STORE_URL: 'memory://' })).toMatch(/needs STORE_URL=redis/);
    expect(problems({ SHARDS: '1' })).toBe('');
  });

  it('GIVEN SHARDS=many or 0 THEN the problem says what is allowed', () => {
    expect(problems({ SHARDS: 'many' })).toMatch(/SHARDS must be auto or a whole number of shard processes from 1 to 1024/);
    expect(problems({ SHARDS: '0' })).toMatch(/SHARDS must be auto/);
  });

  it('GIVEN a shard process started by the ShardingManager (SHARDS is its id) THEN SHARDS reads as unset', () => {
    const c = parseConfig({ SHARDING_MANAGER: 'true', SHARDS: '0', SHARD_COUNT: '2', STORE_URL: 'redis://127.0.0.1:6379' });
    expect(c.SHARDS).toBeUndefined();
  });

  it('GIVEN ENGINE_MEMORY_MB=8 THEN it is refused with the allowed range', () => {
    expect(problems({ ENGINE_MEMORY_MB: '8' })).toMatch(/ENGINE_MEMORY_MB must be a whole number from 16/);
    expect(parseConfig({ ENGINE_MEMORY_MB: '900' }).ENGINE_MEMORY_MB).toBe(900);
  });
});
