import { Keyv } from 'keyv';
import { KEYV_OPTIONS, isExpiredRecord, type Driver } from './driver.js';

/** `memory://`: a plain Map behind Keyv (values still go through JSON, like the real backends). */
export function openMemory(onError: (error: unknown) => void): Driver {
  const map = new Map<string, string>();
  // Keyv's Map support is typed loosely; a Map<string,string> is what it stores.
  const keyv = new Keyv({ ...KEYV_OPTIONS, store: map as Map<string, unknown> });
  keyv.on('error', onError);
  return {
    backend: 'memory',
    keyv,
    secrets: [],
    async *list(rawPrefix: string) {
      const now = Date.now();
      for (const [key, raw] of [...map.entries()]) {
        if (!key.startsWith(rawPrefix)) continue;
        const rec = JSON.parse(raw) as { expires?: unknown };
        if (!isExpiredRecord(rec.expires, now)) yield key;
      }
    },
    async close() {
      map.clear();
    },
  };
}
