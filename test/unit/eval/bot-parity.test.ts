/**
 * The eval measures what ships: its Tastemaker rows come from the bot's model factory and pipeline
 * definitions. Here the bot itself (the real services on memory://, offline) and the eval's code answer for
 * the same members of the MovieLens fixture, and a factory passed to the eval is the one it trains with.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { half } from '../../../src/app/personal-rating.js';
import { PIPELINES } from '../../../src/app/pipelines/definitions.js';
import { buildScopeModels } from '../../../src/engine/scope-factory.js';
import { SCOPE_TRAIN_OPTIONS } from '../../../src/engine/scope-options.js';
import type { AppServices } from '../../../src/services.js';
import { BOT, botList, botRatingModel, type Bot } from '../../../eval/bot.js';
import { loadMovieLens, type MovieLensData } from '../../../eval/load.js';
import { ratingTrainers } from '../../../eval/models.js';
import { latestAt, profilesFromRatings } from '../../../eval/profiles.js';
import { runRatingProtocol } from '../../../eval/protocols/rating.js';
import { caller, makeApp, SCOPE } from '../../helpers/app.js';
import { movieItem } from '../../../eval/catalog.js';

const FIX = join(import.meta.dirname, '../../fixtures/movielens');

describe('the eval runs the bot', () => {
  let ds: MovieLensData;
  let app: AppServices;
  let now: number;
  const profiles = () => profilesFromRatings(ds.ratings);

  beforeAll(async () => {
    ds = loadMovieLens(FIX);
    now = latestAt(profiles());
    app = await makeApp({ clock: () => now });
    const items = [...ds.movies.values()].map((m) => movieItem(m));
    await app.deps.catalogs.write(SCOPE, items, null, { updatedBy: 'eval-test', source: 'upload' });
    // the members as the bot stores them, in the eval's order: ratings, and the rated items as watched
    for (const { userId, profile } of profiles()) {
      await app.deps.profiles.batch(SCOPE, userId, (e) => {
        for (const h of profile.history) {
          e.rate(h.itemId, profile.ratings[h.itemId].value, profile.ratings[h.itemId].at);
          e.watched(h.itemId, h.at);
        }
      });
    }
  });
  afterAll(() => app.close());

  it('GIVEN the eval with no factory passed THEN it trains with the engine\'s own factory', () => {
    expect(BOT.models).toBe(buildScopeModels);
  });

  it('GIVEN the same members THEN the eval\'s /next lists and /predict ratings are the bot\'s own', async () => {
    const catalog = await app.deps.engines.catalog(SCOPE);
    const ps = profiles();
    const models = BOT.models(ps, catalog, { now });
    const rating = botRatingModel(BOT, 'tastemaker', ps, catalog, { now });
    const users = ps.slice(0, 8);
    for (const { userId, profile } of users) {
      // both asked at the same moment (the bot's clock)
      const bot = await app.next(caller(userId), { count: 10 });
      const evalList = await botList(PIPELINES.next, { catalog, models, profile }, userId, 10, now);
      expect(evalList).toEqual(bot.items.map((r) => r.item.id));
      expect(evalList).toHaveLength(10);
      const target = ps[ps.length - 1].profile.history[0].itemId;
      const p = await app.predict(caller(userId), { itemId: target });
      expect(half(rating.predict(userId, target))).toBe(p.rating);
    }
  });

  it('GIVEN a factory that trains with other settings THEN the eval\'s Tastemaker RMSE follows it and the references do not', async () => {
    const catalog = await app.deps.engines.catalog(SCOPE);
    const calls: number[] = [];
    const weak: Bot = {
      models: (p, c, o) => {
        calls.push(p.length);
        return buildScopeModels(p, c, { ...o, train: { ...SCOPE_TRAIN_OPTIONS, mf: { ...SCOPE_TRAIN_OPTIONS.mf, factors: 2, epochs: 1 } } });
      },
    };
    const run = (bot: Bot) => {
      const t = ratingTrainers(catalog, bot);
      return runRatingProtocol(ds.ratings, { baseline: t.baseline, tastemaker: t.tastemaker }, { folds: 2 });
    };
    const shipped = run(BOT);
    const changed = run(weak);
    expect(calls).toHaveLength(2); // once per fold, with every member of the fold's training ratings
    expect(calls[0]).toBeGreaterThan(50);
    expect(changed.rating.baseline).toEqual(shipped.rating.baseline);
    expect(changed.rating.tastemaker.rmse).not.toBe(shipped.rating.tastemaker.rmse);
  });
});
