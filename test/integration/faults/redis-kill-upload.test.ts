/**
 * SIGKILL during a catalog upload on Redis: a writer process is killed mid-upload; a fresh store loads the old
 * catalog whole, and the next upload sweeps the dead one's chunks (the same check as on SQLite).
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { RUN_NAMESPACE } from '../../helpers/store.js';
import { expectOldCatalogAfterKill } from '../store/catalog-kill.js';
import { redisSkipReason, startTestRedis, type TestRedis } from './redis-server.js';

describe.skipIf(redisSkipReason)(`catalog upload killed on Redis${redisSkipReason ? ` (skipped: ${redisSkipReason})` : ''}`, () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(() => redis?.close());

  it('GIVEN a process killed with SIGKILL while writing a new version THEN a new store loads the old version whole', async () => {
    await expectOldCatalogAfterKill(redis.url, `${RUN_NAMESPACE}-rkill`);
  }, 60_000);
});
