import type { PipelineDefinition } from '../src/app/pipelines/definitions.js';
import { planDefinition } from '../src/app/pipelines/run.js';
import { personalPredictor } from '../src/app/personal-rating.js';
import type { Loaded } from '../src/app/scope-data.js';
import type { Profile } from '../src/domain/profile.js';
import type { ScopeCatalog } from '../src/engine/scope-catalog.js';
import { buildScopeModels, type ScopeModelsOptions, type ScopeProfiles } from '../src/engine/scope-factory.js';
import type { ScopeModels } from '../src/engine/scope-models.js';
import type { RatingModel } from '../src/recsys/models/types.js';
import { runPipeline } from '../src/recsys/pipeline.js';
import { emptyProfile } from '../src/store/profiles.js';

/**
 * What the eval measures of the bot: its model factory (`buildScopeModels`, which `Engines` runs for every
 * server) and its pipeline definitions, run by the bot's own planner and runner. Nothing here copies a
 * setting: a test passes a wrapped factory to see that the eval follows it.
 */
export interface Bot {
  models: (profiles: ScopeProfiles, catalog: ScopeCatalog, o?: ScopeModelsOptions) => ScopeModels;
}

export const BOT: Bot = { models: buildScopeModels };

/** The scope the eval's server lives in (one per run; nothing is stored). */
const SCOPE = 'eval';

/**
 * `/predict`'s rating for every member of a trained scope: the scope's rating model plus the member's own
 * neighbourhood (`personalPredictor`), built once per member.
 */
export function personalRatingModel(id: string, models: ScopeModels, catalog: ScopeCatalog, profiles: ScopeProfiles, trainingTimeMs: number): RatingModel {
  const byUser = new Map(profiles.map((p) => [p.userId, p.profile]));
  const perUser = new Map<string, (item: string) => number>();
  return {
    id,
    trainingTimeMs,
    predict(user, item) {
      let f = perUser.get(user);
      if (!f) perUser.set(user, (f = personalPredictor(user, { catalog, models, profile: byUser.get(user) ?? emptyProfile() })));
      return f(item);
    },
  };
}

/** Trains the scope's models with the bot's factory and answers as `/predict` does. */
export function botRatingModel(bot: Bot, id: string, profiles: ScopeProfiles, catalog: ScopeCatalog, o?: ScopeModelsOptions): RatingModel {
  const t0 = performance.now();
  const models = bot.models(profiles, catalog, o);
  return personalRatingModel(id, models, catalog, profiles, performance.now() - t0);
}

/**
 * The list a member gets from a pipeline definition with no words and no LLM (`/next`; `/recommend` with an
 * empty request), asked at `now` (the taste source weighs recent ratings by it): item ids, best first.
 */
export async function botList(def: PipelineDefinition, l: Loaded, userId: string, count: number, now: number): Promise<string[]> {
  const { q, deps } = planDefinition(() => now, { scope: SCOPE, userId }, l, def, { count });
  const res = await runPipeline(q, deps);
  return res.recommendations.map((r) => r.item.id);
}

/** When a member asks: right after the last thing they rated or watched. */
export function askedAt(p: Profile): number {
  return p.history.reduce((t, h) => Math.max(t, h.at), 0);
}
