import { EventEmitter } from 'node:events';
import type { ShardingManager } from 'discord.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../../src/config.js';
import { SHARD_STOP_MARGIN_S, shardKillAfterMs, stopShards } from '../../../src/shard/manager.js';

/** A shard process that records the signals it gets and ignores SIGTERM (a shard still draining work). */
class SlowChild extends EventEmitter {
  exitCode: number | null = null;
  signalCode: string | null = null;
  readonly signals: string[] = [];
  kill(signal: string): boolean {
    this.signals.push(signal);
    if (signal === 'SIGKILL') {
      this.signalCode = signal;
      this.emit('exit', null, signal);
    }
    return true;
  }
}

function managerOf(children: SlowChild[]): ShardingManager {
  // Only what stopShards touches: `respawn` and each shard's `process`.
  return { respawn: true, shards: children.map((process) => ({ process })) } as unknown as ShardingManager;
}

afterEach(() => vi.useRealTimers());

describe('stopping shard processes', () => {
  it('GIVEN SHUTDOWN_GRACE_S THEN the manager waits that grace plus a margin before SIGKILL (never a fixed 10 s)', () => {
    expect(SHARD_STOP_MARGIN_S).toBeGreaterThan(0);
    expect(shardKillAfterMs(parseConfig({}).SHUTDOWN_GRACE_S)).toBe((10 + SHARD_STOP_MARGIN_S) * 1000);
    expect(shardKillAfterMs(parseConfig({ SHUTDOWN_GRACE_S: '60' }).SHUTDOWN_GRACE_S)).toBe((60 + SHARD_STOP_MARGIN_S) * 1000);
    expect(shardKillAfterMs(0)).toBe(SHARD_STOP_MARGIN_S * 1000);
  });

  it('GIVEN SHUTDOWN_GRACE_S=60 and a shard still draining THEN it gets SIGTERM at once and SIGKILL only after the grace and margin', async () => {
    vi.useFakeTimers();
    const child = new SlowChild();
    const manager = managerOf([child]);
    let done = false;
    const stopping = stopShards(manager, shardKillAfterMs(60)).then(() => (done = true));
    expect(manager.respawn).toBe(false);
    expect(child.signals).toEqual(['SIGTERM']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(child.signals).toEqual(['SIGTERM']);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(SHARD_STOP_MARGIN_S * 1000);
    await stopping;
    expect(child.signals).toEqual(['SIGTERM', 'SIGKILL']);
  });

  it('GIVEN a shard that exits on SIGTERM THEN it is never killed', async () => {
    vi.useFakeTimers();
    const child = new SlowChild();
    child.kill = (signal: string) => {
      child.signals.push(signal);
      child.exitCode = 0;
      child.emit('exit', 0, null);
      return true;
    };
    await stopShards(managerOf([child]), shardKillAfterMs(10));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(child.signals).toEqual(['SIGTERM']);
  });
});
