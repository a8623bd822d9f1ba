import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe } from 'vitest';
import { createStore, type CreateStoreOptions } from '../../src/store/create.js';
import type { Store, StoreBackend } from '../../src/store/kv.js';

/** One namespace per test run, so runs sharing a Redis never see each other's keys. */
export const RUN_NAMESPACE = `t${randomBytes(5).toString('hex')}`;

export interface BackendCase {
  name: StoreBackend;
  /** Why it does not run, or undefined when it does. */
  skipReason?: string;
}

let toldRedis = false;

/** memory and SQLite always; Redis when REDIS_URL is set (otherwise says so once). */
export function storeBackends(): BackendCase[] {
  const redisMissing = !process.env.REDIS_URL;
  if (redisMissing && !toldRedis) {
    toldRedis = true;
    console.info('Redis tests skipped: set REDIS_URL=redis://127.0.0.1:6379 to run them');
  }
  return [{ name: 'memory' }, { name: 'sqlite' }, { name: 'redis', skipReason: redisMissing ? 'REDIS_URL not set' : undefined }];
}

/** A fresh temp folder under os.tmpdir(), removed by `cleanup`. */
export function tempDir(tag = 'store'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), `tastemaker-${tag}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface StoreCtx {
  backend: StoreBackend;
  /** The store of the running test (fresh per test). */
  store: Store;
  /** The URL the store was opened with. */
  url: string;
  /** Opens another store on the same data (same file / Redis namespace); closed after the test. */
  reopen(opts?: CreateStoreOptions): Promise<Store>;
}

/** Runs `body` once per backend, each test with its own empty store. */
export function describeStores(title: string, body: (ctx: StoreCtx) => void): void {
  for (const b of storeBackends()) {
    describe.skipIf(Boolean(b.skipReason))(`${title} [${b.name}]`, () => {
      const tmp = b.name === 'sqlite' ? tempDir(b.name) : undefined;
      const extra: Store[] = [];
      let n = 0;
      const ctx = { backend: b.name } as StoreCtx;
      let namespace = RUN_NAMESPACE;
      ctx.reopen = async (opts) => {
        const s = await createStore(ctx.url, { namespace, ...opts });
        extra.push(s);
        return s;
      };
      beforeEach(async () => {
        n += 1;
        namespace = `${RUN_NAMESPACE}-${n}`;
        ctx.url =
          b.name === 'memory' ? 'memory://' : b.name === 'sqlite' ? `sqlite://${path.join(tmp!.dir, `t${n}`, 'db.sqlite')}` : process.env.REDIS_URL!;
        ctx.store = await createStore(ctx.url, { namespace });
      });
      afterEach(async () => {
        if (b.name === 'redis') {
          const left: string[] = [];
          for await (const k of ctx.store.keys('')) left.push(k);
          await ctx.store.deleteMany(left);
        }
        await ctx.store.close();
        for (const s of extra.splice(0)) await s.close();
      });
      afterAll(() => tmp?.cleanup());
      body(ctx);
    });
  }
}
