import type { Profile } from '../domain/profile.js';
import type { ScopeCatalog } from '../engine/scope-catalog.js';
import type { ScopeModels } from '../engine/scope-models.js';
import { observeMember } from '../engine/prior.js';
import type { GroupTaste } from '../recsys/group-scorer.js';
import type { AppDeps } from './deps.js';
import { AppError } from './errors.js';
import { scopeCatalog } from './scope-access.js';
import type { Caller } from './types.js';

/** What most use cases load first: the scope's catalog and models, and the caller's profile. */
export interface Loaded {
  catalog: ScopeCatalog;
  models: ScopeModels;
  profile: Profile;
  /** A group list (`/together` and its conversation): the group's taste ranks it (group-members.ts). */
  group?: GroupTaste;
}

export async function load(d: AppDeps, c: Caller, opts: { requireCatalog?: boolean } = {}): Promise<Loaded> {
  const catalog = await scopeCatalog(d, c);
  if (opts.requireCatalog !== false && catalog.items.length === 0) throw new AppError('catalog.empty');
  const [models, profile] = await Promise.all([d.engines.models(c.scope), d.profiles.get(c.scope, c.userId)]);
  observeMember(models, c.userId, profile);
  return { catalog, models, profile };
}
