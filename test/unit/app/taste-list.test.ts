/**
 * What a member of a new server on the starter catalog sees for an empty `/recommend` ("something for
 * tonight"): the bot's own definition, planner and runner over a small community prior. Titles and tags say
 * nothing of the films' kinds, so only the community's ratings (the prior) can tell a member's neighbours.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { PIPELINES, type PipelineDefinition } from '../../../src/app/pipelines/definitions.js';
import { planDefinition } from '../../../src/app/pipelines/run.js';
import type { Profile } from '../../../src/domain/profile.js';
import { createLocalEmbedder } from '../../../src/embed/local.js';
import type { ScopeCatalog } from '../../../src/engine/scope-catalog.js';
import { buildScopeModels } from '../../../src/engine/scope-factory.js';
import type { ScopeModels } from '../../../src/engine/scope-models.js';
import { trainPrior } from '../../../src/recsys/models/prior-train.js';
import { mulberry32 } from '../../../src/recsys/models/rng.js';
import type { RatingTriple } from '../../../src/recsys/models/types.js';
import { runPipeline } from '../../../src/recsys/pipeline.js';
import { evalCatalog } from '../../../eval/catalog.js';
import { profileOf } from '../../../eval/profiles.js';

/** A niche: 12 films loved by the few who watch them. The crowd: 12 films most members watch and rate well. */
const NICHE = Array.from({ length: 12 }, (_, i) => `ml-${100 + i}`);
const CROWD = Array.from({ length: 12 }, (_, i) => `ml-${200 + i}`);
const isNiche = (id: string) => NICHE.includes(id);

/** 200 members: 40 niche fans (niche 4-4.5, crowd films 3-3.5) and 160 who watch the crowd's films (4.5-5). */
function community(): RatingTriple[] {
  const rng = mulberry32(11);
  const out: RatingTriple[] = [];
  for (let u = 0; u < 200; u++) {
    const fan = u < 40;
    let at = 1_000 + u * 100;
    for (const item of CROWD) if (rng() < (fan ? 0.5 : 0.8)) out.push({ user: `c${u}`, item, value: fan ? 3 + (rng() < 0.5 ? 0.5 : 0) : 4.5 + (rng() < 0.5 ? 0.5 : 0), at: at++ });
    if (fan) for (const item of NICHE) if (rng() < 0.7) out.push({ user: `c${u}`, item, value: 4 + (rng() < 0.5 ? 0.5 : 0), at: at++ });
  }
  return out;
}

/** A member's first ratings, oldest first, a minute apart. */
const rated = (pairs: [string, number][]): Profile => profileOf(pairs.map(([item, value], i) => ({ user: 'm', item, value, at: 1_000_000 + i * 60 })));

async function emptyRequest(def: PipelineDefinition, catalog: ScopeCatalog, models: ScopeModels, userId: string, profile: Profile): Promise<string[]> {
  const now = profile.history.reduce((t, h) => Math.max(t, h.at), 0);
  const { q, deps } = planDefinition(() => now, { scope: 'taste-test', userId }, { catalog, models, profile }, def, { text: 'something for tonight', count: 5 });
  return (await runPipeline(q, deps)).recommendations.map((r) => r.item.id);
}

describe('an empty /recommend on a new server with a community prior', () => {
  let catalog: ScopeCatalog;
  let models: ScopeModels;
  const fan = rated([['ml-100', 5], ['ml-101', 5], ['ml-102', 4.5], ['ml-103', 4.5], ['ml-200', 3]]);
  const newcomer = rated([]);

  beforeAll(async () => {
    const prior = trainPrior(community(), { mf: { factors: 8, epochs: 60, seed: 3 }, neighbours: 8 });
    const items = [...NICHE, ...CROWD].map((id, i) => ({ id, title: `Film ${String.fromCharCode(65 + i)}`, year: 1990 + i }));
    catalog = await evalCatalog(items, createLocalEmbedder());
    models = buildScopeModels([{ userId: 'fan', profile: fan }, { userId: 'newcomer', profile: newcomer }], catalog, { now: 2_000_000_000, prior });
  });

  it('GIVEN a member who rated 4 niche films 4.5-5 and a crowd favourite 3 THEN their list is the niche films their neighbours love, above the crowd favourites', async () => {
    const list = await emptyRequest(PIPELINES.recommend, catalog, models, 'fan', fan);
    expect(list).toHaveLength(5);
    expect(list.filter(isNiche)).toEqual(list);
    for (const id of ['ml-100', 'ml-101', 'ml-102', 'ml-103', 'ml-200']) expect(list).not.toContain(id);
  });

  it('GIVEN the same member THEN the definition without its taste scorers (the crowd quality and the rating model) would have filled their list with crowd favourites instead', async () => {
    const crowdRanked: PipelineDefinition = { ...PIPELINES.recommend, tasteScorers: undefined };
    const before = (await emptyRequest(crowdRanked, catalog, models, 'fan', fan)).filter(isNiche).length;
    expect(before).toBeLessThan(5);
  });

  it('GIVEN a member with no ratings THEN they get the crowd\'s best-liked, most watched films', async () => {
    const list = await emptyRequest(PIPELINES.recommend, catalog, models, 'newcomer', newcomer);
    expect(list).toHaveLength(5);
    expect(list.filter((id) => !isNiche(id))).toEqual(list);
  });

  it('GIVEN a request with words THEN the words lead; the crowd quality, the rating model and (lighter) the member\'s taste order break near-ties', () => {
    const weights = (text: string) =>
      Object.fromEntries(
        planDefinition(() => 0, { scope: 'taste-test', userId: 'fan' }, { catalog, models, profile: fan }, PIPELINES.recommend, { text, count: 5 }).deps.scorers.map((s) => [s.scorer.id, s.weight]),
      );
    const scorers = (text: string) => Object.keys(weights(text));
    const worded = weights('a tense heist movie');
    expect(scorers('a tense heist movie')).toEqual(expect.arrayContaining(['quality', 'rating-model', 'taste-model']));
    expect(worded['taste-model']).toBeLessThan(worded.fusion);
    expect(worded['taste-model']).toBeLessThan(worded.quality);
    expect(scorers('something for tonight')).toContain('taste-model');
    expect(scorers('something for tonight')).not.toContain('rating-model');
  });
});
