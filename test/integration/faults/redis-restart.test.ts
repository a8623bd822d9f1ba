/**
 * Redis stopped and started again while members keep rating: no crash, a clear error for each write while it
 * is down, writes succeed again once it is back, and every write that was acknowledged is still there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUserError } from '../../../src/app/errors.js';
import { createStore } from '../../../src/store/create.js';
import type { AppServices } from '../../../src/services.js';
import { caller, makeApp } from '../../helpers/app.js';
import { SMALL_MOVIES } from '../../helpers/gemini-app.js';
import { RUN_NAMESPACE } from '../../helpers/store.js';
import { redisSkipReason, startTestRedis, type TestRedis } from './redis-server.js';

const SCOPE = 'g-redis-fault';

describe.skipIf(redisSkipReason)(`Redis stopped and started under load${redisSkipReason ? ` (skipped: ${redisSkipReason})` : ''}`, () => {
  let redis: TestRedis;
  let app: AppServices;
  let ids: string[];
  beforeAll(async () => {
    redis = await startTestRedis();
    const store = await createStore(redis.url, { namespace: `${RUN_NAMESPACE}-fault`, opTimeoutMs: 1_000 });
    app = await makeApp({ store, env: { STORE_URL: redis.url } });
    const report = await app.catalog.upload({ scope: SCOPE, userId: 'admin' }, { bytes: SMALL_MOVIES, filename: 'movies.csv', mode: 'replace' });
    expect(report.applied).toBe(true);
    ids = (await app.catalog.export(SCOPE)).map((i) => i.id);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await redis?.close();
  });

  it('GIVEN ratings flowing WHEN Redis stops and starts THEN errors are clear while down, writes resume, and nothing acknowledged is lost', async () => {
    const acked: { user: string; item: string; score: number }[] = [];
    const failures: unknown[] = [];
    let stop = false;
    let n = 0;
    const writer = async (w: number) => {
      while (!stop) {
        const k = n++;
        const user = `u${(k % 8) + w * 8}`;
        const item = ids[k % ids.length];
        const score = 1 + (k % 9) * 0.5;
        try {
          await app.rate(caller(user, SCOPE), item, score);
          acked.push({ user, item, score });
        } catch (e) {
          failures.push(e);
        }
        await new Promise((r) => setTimeout(r, 10));
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    const waitFor = async (cond: () => boolean) => {
      while (!cond()) await new Promise((r) => setTimeout(r, 20));
    };
    await waitFor(() => acked.length >= 40);
    await redis.stop();
    const ackedAtStop = acked.length;
    await waitFor(() => failures.length >= 8);
    await redis.start();
    await waitFor(() => acked.length >= ackedAtStop + 40);
    stop = true;
    await Promise.all(writers);

    // While it was down, each failure was one a member can read (not the generic apology).
    const readable = failures.map((e) => asUserError(e));
    expect(readable.every((u) => u?.code === 'store.unavailable')).toBe(true);
    expect(readable[0]?.message).toMatch(/storage is not answering right now/i);

    // Every acknowledged rating is there. (Its score may be a later one: a write that timed out while Redis was
    // down can still be applied from the client's queue when it returns, and was never acknowledged.)
    for (const user of new Set(acked.map((a) => a.user))) {
      const rated = new Set((await app.watched.list(caller(user, SCOPE))).filter((x) => x.rating !== undefined).map((x) => x.item.id));
      for (const a of acked.filter((x) => x.user === user)) expect(rated.has(a.item), `${user} rated ${a.item}`).toBe(true);
    }
    expect(acked.length).toBeGreaterThan(ackedAtStop);
  }, 90_000);
});
