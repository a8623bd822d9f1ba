import type { Profile } from '../domain/profile.js';
import type { CommunityPrior } from '../recsys/models/prior-format.js';
import type { PriorModelOptions } from '../recsys/models/prior-models.js';
import { priorApplies, serverDataFromProfiles, withCommunityPrior, type PriorScopeModels } from './prior.js';
import type { ScopeCatalog } from './scope-catalog.js';
import { collectTrainingInput, trainFromInput, type ScopeModels } from './scope-models.js';
import { SCOPE_TRAIN_OPTIONS, type ScopeTrainOptions } from './scope-options.js';

/** A scope's members and what they rated and watched, as `ProfileRepo.all` returns them. */
export type ScopeProfiles = readonly { userId: string; profile: Profile }[];

export interface ScopeModelsOptions {
  /** The community prior, when one is loaded; it applies only to a catalog of mostly its items (`priorApplies`). */
  prior?: CommunityPrior;
  /** Training settings (default: the bot's, `SCOPE_TRAIN_OPTIONS`). */
  train?: Readonly<ScopeTrainOptions>;
  /** Settings of the blended models (default: prior-models.ts's). */
  priorModels?: PriorModelOptions;
  /** Reference time of the popularity decay (default: `clock()`). */
  now?: number;
  clock?: () => number;
}

/**
 * The one recipe for a scope's models, as the bot serves them and the eval measures them: train every model
 * from the members' profiles over the catalog (`trainFromInput`, which the training worker also runs), then
 * blend with the community prior (`blendScopeModels`). `Engines` runs the same two steps, the first one in the
 * worker when the job is large.
 */
export function buildScopeModels(profiles: ScopeProfiles, catalog: ScopeCatalog, o: ScopeModelsOptions = {}): PriorScopeModels {
  const clock = o.clock ?? Date.now;
  const input = collectTrainingInput([...profiles], catalog, o.now ?? clock());
  return blendScopeModels(trainFromInput(input, clock, o.train ?? SCOPE_TRAIN_OPTIONS), profiles, catalog, o.prior, o.priorModels);
}

/**
 * The trained models blended with the prior when it applies to this catalog; without one (a custom
 * catalog), the server's own counts alone (popularity and quality as a Bayesian average, `community` sources).
 */
export function blendScopeModels(trained: ScopeModels, profiles: ScopeProfiles, catalog: ScopeCatalog, prior?: CommunityPrior, opts?: PriorModelOptions): PriorScopeModels {
  const ids = catalog.items.map((i) => i.id);
  return withCommunityPrior(trained, prior && priorApplies(prior, ids) ? prior : undefined, serverDataFromProfiles(profiles, ids), opts);
}
