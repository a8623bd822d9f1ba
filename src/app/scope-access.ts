import { starterCatalog } from './catalog-admin.js';
import type { AppDeps } from './deps.js';
import type { ScopeCatalog } from '../engine/scope-catalog.js';
import type { Caller } from './types.js';

/**
 * A scope's catalog for a caller. Direct messages (`dm:{user}`) have no admin to upload one, so they get
 * the starter movie catalog the first time they are used.
 */
export async function scopeCatalog(d: AppDeps, c: Caller): Promise<ScopeCatalog> {
  const cat = await d.engines.catalog(c.scope);
  if (cat.items.length > 0 || !c.scope.startsWith('dm:')) return cat;
  await d.store.withLock(`dm-starter:${c.scope}`, async () => {
    if (!(await d.catalogs.pointer(c.scope))) await starterCatalog(d, c);
  });
  return d.engines.catalog(c.scope);
}

/** The caller a scope-only lookup stands for (DM scopes name their user). */
export function callerOfScope(scope: string): Caller {
  return { scope, userId: scope.startsWith('dm:') ? scope.slice(3) : 'system' };
}
