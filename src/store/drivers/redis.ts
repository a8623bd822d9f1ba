import { errorMessage } from '../../kit/index.js';
import { Keyv } from 'keyv';
import KeyvRedis from '@keyv/redis';
import { StoreError, redactUrl, toStoreError } from '../errors.js';
import { KEYV_OPTIONS, type Driver } from './driver.js';

export interface RedisOptions {
  /** Give up connecting at open after this many ms. */
  connectTimeoutMs?: number;
  onError: (error: unknown) => void;
}

/** Password (raw and decoded) of a redis URL, to keep it out of every message. */
export function urlSecrets(url: string): string[] {
  try {
    const pw = new URL(url).password;
    return pw ? [pw, decodeURIComponent(pw)] : [];
  } catch {
    return [];
  }
}

function escapeGlob(s: string): string {
  return s.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
}

/** `redis://` or `rediss://` through @keyv/redis; the connection is checked (PING) before returning. */
export async function openRedis(url: string, opts: RedisOptions): Promise<Driver> {
  const secrets = urlSecrets(url);
  const adapter = new KeyvRedis<string>(url, {
    throwOnErrors: true,
    throwOnConnectError: true,
    connectionTimeout: opts.connectTimeoutMs ?? 5000,
  });
  const keyv = new Keyv({ ...KEYV_OPTIONS, store: adapter });
  keyv.on('error', opts.onError);
  try {
    const client = await adapter.getClient();
    const pong = await client.ping();
    if (pong !== 'PONG') throw new Error(`unexpected PING reply ${String(pong)}`);
  } catch (error) {
    await adapter.disconnect(true).catch(() => {});
    const e = toStoreError(error, { op: 'open', backend: 'redis', code: 'store.unavailable', secrets });
    const raw = errorMessage(error);
    throw new StoreError({ code: e.code, op: 'open', backend: 'redis', message: `${redactUrl(raw, secrets)} (${redactUrl(url, secrets)})`, causeCode: e.causeCode });
  }

  return {
    backend: 'redis',
    keyv,
    secrets,
    async *list(rawPrefix: string) {
      for (const node of await adapter.getMasterNodes()) {
        let cursor = '0';
        do {
          const res = await node.scan(cursor, { MATCH: `${escapeGlob(rawPrefix)}*`, COUNT: 1000 });
          cursor = String(res.cursor);
          for (const k of res.keys) yield String(k);
        } while (cursor !== '0');
      }
    },
    async close() {
      await adapter.disconnect();
    },
  };
}
