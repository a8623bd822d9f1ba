import type { Deserialize, Keyv, Serialize } from 'keyv';
import type { StoreBackend } from '../kv.js';

/** What a backend gives the generic Keyv-backed store: the Keyv, key listing, and closing. */
export interface Driver {
  backend: StoreBackend;
  keyv: Keyv;
  /** Live raw keys (already namespaced) starting with `rawPrefix`. May yield a key twice (Redis SCAN). */
  list(rawPrefix: string): AsyncIterable<string>;
  close(): Promise<void>;
  /** Strings that must never appear in an error message (passwords). */
  secrets: string[];
}

/** Keyv options shared by all backends: plain JSON values, our own key prefixing, throw on errors. */
export const KEYV_OPTIONS: { namespace: undefined; useKeyPrefix: false; throwOnErrors: true; serialize: Serialize; deserialize: Deserialize } = {
  namespace: undefined,
  useKeyPrefix: false,
  throwOnErrors: true,
  serialize: ((data) => JSON.stringify(data)) as Serialize,
  deserialize: ((text: string) => JSON.parse(text)) as Deserialize,
};

/** True when a serialized Keyv record `{"value":...,"expires":n}` has expired. */
export function isExpiredRecord(expires: unknown, now = Date.now()): boolean {
  return typeof expires === 'number' && now > expires;
}
