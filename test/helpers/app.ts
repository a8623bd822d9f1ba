/**
 * Shared set-up for the app-layer integration tests: a `Services` from the real composition root
 * (`createServices`), offline by default, on `memory://` or a SQLite temp file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { AppError } from '../../src/app/errors.js';
import type { Caller } from '../../src/app/types.js';
import type { CatalogItem } from '../../src/domain/item.js';
import { parseConfig, type Config } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { createServices, type AppServices, type ServicesOptions } from '../../src/services.js';
import type { Store } from '../../src/store/index.js';

export const SCOPE = 'guild-app-1';

export const caller = (userId: string, scope = SCOPE): Caller => ({ scope, userId });

/** Offline, in-memory config unless `env` says otherwise. */
export function appConfig(env: Record<string, string | undefined> = {}): Config {
  return parseConfig({ LLM_PROVIDER: 'none', STORE_URL: 'memory://', LOG_LEVEL: 'silent', ...env });
}

export interface AppOptions {
  env?: Record<string, string | undefined>;
  store?: Store;
  /** Background retrains start at once by default, so `settle` has little to wait for. */
  retrainDelayMs?: number;
  clock?: () => number;
  providerDeps?: ServicesOptions['providerDeps'];
  /** `null`: no community prior (the server's own interactions alone); default: the starter prior, as in production. */
  prior?: ServicesOptions['prior'];
}

export function makeApp(o: AppOptions = {}): Promise<AppServices> {
  return createServices(appConfig(o.env), {
    logger: createLogger('silent'),
    store: o.store,
    clock: o.clock,
    retrainDelayMs: o.retrainDelayMs ?? 0,
    providerDeps: o.providerDeps,
    ...(o.prior !== undefined ? { prior: o.prior } : {}),
  });
}

/** A SQLite file in a fresh temp folder, removed by `cleanup`. */
export function sqliteTemp(tag = 'app'): { url: string; dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), `tastemaker-${tag}-`));
  return { url: `sqlite://${path.join(dir, 'tastemaker.sqlite')}`, dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Awaits `p`, expects it to fail with an AppError, and returns that error. */
export async function appError(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e, 'expected the call to fail with an AppError').toBeInstanceOf(AppError);
  return e as AppError;
}

/** The catalog item a typed title resolves to; fails the test when there is none. */
export async function titled(app: AppServices, c: Caller, title: string): Promise<CatalogItem> {
  const it = await app.resolveTitle(c, title);
  if (!it) throw new Error(`test set-up: "${title}" is not in the catalog`);
  return it;
}

export const hasTag = (item: CatalogItem, tag: string): boolean => (item.tags ?? []).some((t) => t.toLowerCase() === tag.toLowerCase());

export const idsOf = (r: { items: { item: CatalogItem }[] }): string[] => r.items.map((x) => x.item.id);

/** Every key in the store (all prefixes). */
export async function allKeys(store: Store): Promise<string[]> {
  const out: string[] = [];
  for await (const k of store.keys('')) out.push(k);
  return out;
}

/** Waits for the scope's pending background retrain (after ratings or history changed). */
export function settle(app: AppServices, scope = SCOPE): Promise<void> {
  return app.deps.engines.settle(scope);
}
