/**
 * What a member sees from `/next`: the bot's own definition, model factory, planner and runner over a small
 * server. Most members who watched "Aliens" went on to "Predator"; the few who watched "Alien" and then
 * "Aliens", as this member did, went on to "Terminator".
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { PIPELINES, type PipelineDefinition } from '../../../src/app/pipelines/definitions.js';
import { planDefinition } from '../../../src/app/pipelines/run.js';
import type { Profile } from '../../../src/domain/profile.js';
import { createLocalEmbedder } from '../../../src/embed/local.js';
import type { ScopeCatalog } from '../../../src/engine/scope-catalog.js';
import { buildScopeModels, type ScopeProfiles } from '../../../src/engine/scope-factory.js';
import type { ScopeModels } from '../../../src/engine/scope-models.js';
import { trainPrior } from '../../../src/recsys/models/prior-train.js';
import type { RatingTriple } from '../../../src/recsys/models/types.js';
import { runPipeline } from '../../../src/recsys/pipeline.js';
import { evalCatalog } from '../../../eval/catalog.js';
import { profileOf } from '../../../eval/profiles.js';

const FILLER = Array.from({ length: 12 }, (_, i) => `ml-${300 + i}`);
const [ALIEN, ALIENS, PREDATOR, TERMINATOR] = ['ml-1', 'ml-2', 'ml-3', 'ml-4'];

/** Films rated 4, a minute apart, in this order. */
const watched = (user: string, items: string[], start = 0): RatingTriple[] => items.map((item, i) => ({ user, item, value: 4, at: 1_000_000 + start + i * 60 }));

/** 12 members: a filler film, Aliens, then Predator; 4 members: Alien, Aliens, then Terminator. */
function server(): RatingTriple[] {
  const out: RatingTriple[] = [];
  FILLER.forEach((f, i) => out.push(...watched(`p${i}`, [f, ALIENS, PREDATOR, FILLER[(i + 1) % FILLER.length]])));
  for (let i = 0; i < 4; i++) out.push(...watched(`t${i}`, [FILLER[i], ALIEN, ALIENS, TERMINATOR]));
  return out;
}

async function next(def: PipelineDefinition, catalog: ScopeCatalog, models: ScopeModels, userId: string, profile: Profile): Promise<string[]> {
  const now = profile.history.reduce((t, h) => Math.max(t, h.at), 0);
  const { q, deps } = planDefinition(() => now, { scope: 'next-test', userId }, { catalog, models, profile }, def, { count: 3 });
  return (await runPipeline(q, deps)).recommendations.map((r) => r.item.id);
}

const withoutSessionKnn: PipelineDefinition = { ...PIPELINES.next, sources: { ...PIPELINES.next.sources, 'session-knn': { weight: 0 } } };

describe('/next from what members with the same last films watched next', () => {
  let catalog: ScopeCatalog;
  let members: ScopeProfiles;
  const me = profileOf(watched('me', [ALIEN, ALIENS], 10_000_000));

  beforeAll(async () => {
    const items = [ALIEN, ALIENS, PREDATOR, TERMINATOR, ...FILLER].map((id, i) => ({ id, title: `Film ${String.fromCharCode(65 + i)}`, year: 1980 + i }));
    catalog = await evalCatalog(items, createLocalEmbedder());
    const byUser = new Map<string, RatingTriple[]>();
    for (const r of server()) byUser.set(r.user, [...(byUser.get(r.user) ?? []), r]);
    members = [...[...byUser].map(([userId, rs]) => ({ userId, profile: profileOf(rs) })), { userId: 'me', profile: me }];
  });

  it('GIVEN a member whose last films were Alien then Aliens THEN /next opens with Terminator, what members who watched both went on to', async () => {
    const models = buildScopeModels(members, catalog, { now: 20_000_000_000 });
    expect((await next(PIPELINES.next, catalog, models, 'me', me))[0]).toBe(TERMINATOR);
    // without the session-kNN source, the crowd's Aliens -> Predator leads
    expect((await next(withoutSessionKnn, catalog, models, 'me', me))[0]).toBe(PREDATOR);
  });

  it('GIVEN the same few members on the starter catalog with a community prior THEN what they watched next counts for almost nothing against the prior', async () => {
    // the prior's community: 40 members who watched Alien, Aliens then Predator
    const community = Array.from({ length: 40 }, (_, u) => watched(`c${u}`, [FILLER[u % 12], ALIEN, ALIENS, PREDATOR], u * 1000)).flat();
    const prior = trainPrior(community, { mf: { factors: 4, epochs: 20, seed: 3 }, neighbours: 8 });
    /** What /next's fusion gives a film that only the session-kNN source found, first. */
    const sessionKnnPick = async (models: ScopeModels): Promise<number> => {
      const { q, deps } = planDefinition(() => 0, { scope: 'next-test', userId: 'me' }, { catalog, models, profile: me }, PIPELINES.next, { count: 3 });
      const fusion = deps.scorers.find((s) => s.scorer.id === 'fusion')!.scorer;
      const [score] = await fusion.score(q, [{ itemId: TERMINATOR, sources: ['session-knn'], sourceScores: { 'session-knn': 1 }, sourceRanks: { 'session-knn': 0 } }]);
      return score;
    };
    const own = await sessionKnnPick(buildScopeModels(members, catalog, { now: 20_000_000_000 }));
    const withPrior = await sessionKnnPick(buildScopeModels(members, catalog, { now: 20_000_000_000, prior }));
    expect(own).toBeGreaterThan(0);
    expect(withPrior).toBeLessThan(own / 100);
  });
});
