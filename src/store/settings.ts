import { keys } from './keys.js';
import type { Store } from './kv.js';
import type { Scope } from '../domain/profile.js';

type Plain = Record<string, unknown>;

/** A scope's settings (`settings:{scope}`): what was set, merged over the caller's defaults. */
export class SettingsRepo {
  constructor(private readonly store: Store) {}

  async get<T extends Plain>(scope: Scope, defaults: T): Promise<T> {
    const stored = (await this.store.get<Plain>(keys.settings(scope))) ?? {};
    return { ...defaults, ...stored } as T;
  }

  /** Merges `patch` into what is stored; a value of null or undefined goes back to the default. */
  async set<T extends Plain>(scope: Scope, patch: Partial<{ [K in keyof T]: T[K] | null }>, defaults: T): Promise<T> {
    const next = await this.store.update<Plain>(keys.settings(scope), (cur) => {
      const out: Plain = { ...(cur ?? {}) };
      for (const [k, v] of Object.entries(patch)) {
        if (v === null || v === undefined) delete out[k];
        else out[k] = v;
      }
      return out;
    });
    return { ...defaults, ...(next ?? {}) } as T;
  }

  async reset(scope: Scope): Promise<boolean> {
    return this.store.withLock(keys.settings(scope), () => this.store.delete(keys.settings(scope)));
  }
}
