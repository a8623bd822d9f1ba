import { describe, expect, it } from 'vitest';
import { describeStores, tempDir } from '../../helpers/store.js';
import { createStore } from '../../../src/store/create.js';
import { StoreError } from '../../../src/store/errors.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeStores('KV', (ctx) => {
  it('GIVEN JSON values THEN get returns equal copies and getMany keeps order with gaps', async () => {
    const s = ctx.store;
    await s.set('a', { n: 1, list: [1, 'two', null], nested: { ok: true } });
    await s.set('b', ':colon-leading string');
    const v = await s.get<{ n: number }>('a');
    expect(v).toEqual({ n: 1, list: [1, 'two', null], nested: { ok: true } });
    expect(await s.getMany(['b', 'missing', 'a'])).toEqual([':colon-leading string', undefined, v]);
  });

  it('GIVEN keys under several prefixes THEN keys(prefix) lists exactly that prefix, wildcards taken literally', async () => {
    const s = ctx.store;
    for (const k of ['p:1', 'p:2', 'p:3:x', 'q:1', 'p_', 'p%1', 'pp:1']) await s.set(k, 1);
    const list = async (prefix: string) => {
      const out: string[] = [];
      for await (const k of s.keys(prefix)) out.push(k);
      return out.sort();
    };
    expect(await list('p:')).toEqual(['p:1', 'p:2', 'p:3:x']);
    expect(await list('p_')).toEqual(['p_']);
    expect(await list('p%')).toEqual(['p%1']);
    expect(await list('zzz')).toEqual([]);
  });

  it('GIVEN more keys than one listing page THEN keys(prefix) returns each once', async () => {
    const s = ctx.store;
    await s.setMany(Array.from({ length: 1200 }, (_, i) => ({ key: `many:${i}`, value: i })));
    await s.set('manz', 0);
    const seen = new Set<string>();
    for await (const k of s.keys('many:')) seen.add(k);
    expect(seen.size).toBe(1200);
  });

  it('GIVEN a ttl THEN the value is gone after it, for get, has and keys', async () => {
    const s = ctx.store;
    await s.set('short', 'x', 40);
    await s.set('long', 'y');
    expect(await s.has('short')).toBe(true);
    await sleep(80);
    expect(await s.get('short')).toBeUndefined();
    expect(await s.has('short')).toBe(false);
    const ks: string[] = [];
    for await (const k of s.keys('')) ks.push(k);
    expect(ks).toEqual(['long']);
  });

  it('GIVEN delete and deleteMany THEN values are gone and delete says whether one existed', async () => {
    const s = ctx.store;
    await s.setMany([{ key: 'x', value: 1 }, { key: 'y', value: 2 }, { key: 'z', value: 3 }]);
    expect(await s.delete('x')).toBe(true);
    expect(await s.delete('x')).toBe(false);
    await s.deleteMany(['y', 'z', 'never']);
    expect(await s.getMany(['x', 'y', 'z'])).toEqual([undefined, undefined, undefined]);
  });

  it('GIVEN a closed store THEN operations fail with StoreError store.closed instead of crashing', async () => {
    const other = await ctx.reopen();
    await other.close();
    const err = await other.get('a').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect(err).toMatchObject({ code: 'store.closed', op: 'get', key: 'a' });
    await expect(other.set('a', 1)).rejects.toBeInstanceOf(StoreError);
  });

  it('GIVEN a second store on the same url THEN it shares data, except memory:// which is private to its store', async () => {
    await ctx.store.set('shared', { v: 42 });
    const other = await ctx.reopen();
    expect(await other.get('shared')).toEqual(ctx.backend === 'memory' ? undefined : { v: 42 });
  });
});

describe('createStore', () => {
  it('GIVEN a sqlite url in a folder that does not exist THEN the folder is created and the file is in WAL mode', async () => {
    const tmp = tempDir('wal');
    try {
      const file = `${tmp.dir}/deep/er/db.sqlite`;
      const s = await createStore(`sqlite://${file}`);
      await s.set('k', 1);
      await s.close();
      const { default: sqlite3 } = await import('sqlite3');
      const db = new sqlite3.Database(file);
      const mode = await new Promise<string>((res, rej) => db.get('PRAGMA journal_mode', (e: Error | null, row: { journal_mode: string }) => (e ? rej(e) : res(row.journal_mode))));
      await new Promise((r) => db.close(r));
      expect(mode).toBe('wal');
    } finally {
      tmp.cleanup();
    }
  });

  it('GIVEN a sqlite path that is a directory THEN opening fails with StoreError store.unavailable', async () => {
    const tmp = tempDir('dir');
    try {
      const err = await createStore(`sqlite://${tmp.dir}`).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreError);
      expect(err).toMatchObject({ code: 'store.unavailable', op: 'open', backend: 'sqlite' });
    } finally {
      tmp.cleanup();
    }
  });

  it('GIVEN an unknown scheme THEN opening fails with StoreError naming the accepted ones', async () => {
    await expect(createStore('postgres://u:pw@127.0.0.1/db')).rejects.toThrow(/sqlite:\/\/path/);
    const err = await createStore('postgres://u:hunter22@127.0.0.1/db').catch((e: Error) => e);
    expect(String(err)).not.toContain('hunter22');
  });

  it('GIVEN a redis url nobody listens on THEN opening fails with StoreError and the password is not in it', async () => {
    const err = await createStore('redis://someone:s3cretPass@127.0.0.1:1', { connectTimeoutMs: 500 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).code).toBe('store.unavailable');
    expect(JSON.stringify(err)).not.toContain('s3cretPass');
    expect(String(err)).not.toContain('s3cretPass');
  });
});
