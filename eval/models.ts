import { PIPELINES, type PipelineDefinition } from '../src/app/pipelines/definitions.js';
import type { Profile } from '../src/domain/profile.js';
import type { ScopeModels } from '../src/engine/scope-models.js';
import type { ScopeCatalog } from '../src/engine/scope-catalog.js';
import { trainBaseline } from '../src/recsys/models/baseline.js';
import { trainGlobalMean } from '../src/recsys/models/global-mean.js';
import { trainPopularity } from '../src/recsys/models/popularity.js';
import { trainSvd } from '../src/recsys/models/svd.js';
import type { RatingTriple } from '../src/recsys/models/types.js';
import { askedAt, BOT, botList, botRatingModel, type Bot } from './bot.js';
import { withoutVectors } from './catalog.js';
import { latestAt, profileOf, profilesFromRatings } from './profiles.js';
import type { Trainer } from './protocols/rating.js';
import type { NextScorer, NextTrainer } from './protocols/sequential.js';

/**
 * The rating models compared. The references are trained here; Tastemaker's is the bot's: its factory
 * trains the scope's models from the fold's ratings as members' profiles, and each prediction is `/predict`'s
 * (the rating model plus the member's own content neighbourhood). `catalog` holds every item with its vector.
 */
export function ratingTrainers(catalog: ScopeCatalog, bot: Bot = BOT): Record<string, Trainer> {
  const noText = withoutVectors(catalog);
  const tastemaker = (id: string, c: ScopeCatalog): Trainer => (t) => {
    const profiles = profilesFromRatings(t);
    return botRatingModel(bot, id, profiles, c, { now: latestAt(profiles) });
  };
  return {
    'global-mean': (t) => trainGlobalMean(t),
    baseline: (t) => trainBaseline(t),
    'svd-reference': (t) => trainSvd(t),
    // Tastemaker's model: MF with text embeddings as side features, plus each member's content neighbourhood.
    tastemaker: tastemaker('tastemaker', catalog),
    // The same on a catalog without vectors: no text side features, no content neighbourhood.
    'tastemaker-no-text': tastemaker('tastemaker-no-text', noText),
  };
}

/**
 * Next-item rankers over `items` (the protocol's order). `popular` is the reference; `tastemaker` is the
 * bot's `/next`: the factory's models of a server whose members are the training histories (with their
 * ratings, from `rated`), and the `next` pipeline's top 10 for each member, asked right after their last item.
 * `catalog` holds exactly the protocol's items.
 */
export function sequentialTrainers(
  items: readonly string[],
  catalog: ScopeCatalog,
  rated: ReadonlyMap<string, ReadonlyMap<string, RatingTriple>>,
  bot: Bot = BOT,
  k = 10,
): Record<string, NextTrainer> {
  const pos = new Map(items.map((id, i) => [id, i]));
  return {
    popular: (train) => {
      const pop = trainPopularity([...train.values()].flatMap((h) => h.map((item) => ({ item }))));
      const scores = Float64Array.from(items, (id) => pop.score(id));
      return (_u, _input, out) => out.set(scores);
    },
    tastemaker: (train) => {
      const { models, byUser } = botNextModels(train, catalog, rated, bot);
      return botNextScorer(PIPELINES.next, { models, byUser, catalog, pos }, k);
    },
  };
}

/** A server whose members are the training histories (with their ratings, from `rated`): its profiles and the factory's models. */
export function botNextModels(
  train: ReadonlyMap<string, readonly string[]>,
  catalog: ScopeCatalog,
  rated: ReadonlyMap<string, ReadonlyMap<string, RatingTriple>>,
  bot: Bot = BOT,
): { models: ScopeModels; byUser: Map<string, Profile> } {
  const profiles = [...train].map(([userId, h]) => ({ userId, profile: profileOf(h.map((id) => rated.get(userId)!.get(id)!)) }));
  const byUser = new Map(profiles.map((p) => [p.userId, p.profile]));
  return { models: bot.models(profiles, catalog, { now: latestAt(profiles) }), byUser };
}

/** A pipeline definition's top k for each member (asked right after their last item), scored by rank over the protocol's items. */
export function botNextScorer(
  def: PipelineDefinition,
  s: { models: ScopeModels; byUser: ReadonlyMap<string, Profile>; catalog: ScopeCatalog; pos: ReadonlyMap<string, number> },
  k = 10,
): NextScorer {
  return async (user, _input, out) => {
    const profile = s.byUser.get(user)!;
    const list = await botList(def, { catalog: s.catalog, models: s.models, profile }, user, k, askedAt(profile));
    out.fill(Number.NEGATIVE_INFINITY);
    list.forEach((id, r) => {
      const i = s.pos.get(id);
      if (i !== undefined) out[i] = list.length - r;
    });
  };
}

/** Each user's rating of each item (the last one when rated twice). */
export function ratingsByUser(ratings: readonly RatingTriple[]): Map<string, Map<string, RatingTriple>> {
  const out = new Map<string, Map<string, RatingTriple>>();
  for (const r of ratings) {
    let m = out.get(r.user);
    if (!m) out.set(r.user, (m = new Map()));
    m.set(r.item, r);
  }
  return out;
}
