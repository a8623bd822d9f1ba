/**
 * A broad request ("a romantic comedy") on a genre-only catalog, through the bot's own definition, planner
 * and runner over a small community prior. Every romantic comedy's text is the genre; the obscure ones have
 * titles of common words that weigh nothing, so their whole text is the request's words and their cosine is
 * the highest, while the well-known ones' distinctive titles dilute theirs a little. The offline list must
 * still lead with the romantic comedies the community watches and likes, not the ones nobody has seen.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { PIPELINES, type PipelineDefinition } from '../../../src/app/pipelines/definitions.js';
import { planDefinition } from '../../../src/app/pipelines/run.js';
import type { CatalogItem } from '../../../src/domain/item.js';
import type { Profile } from '../../../src/domain/profile.js';
import { createSemanticEmbedder } from '../../../src/embed/semantic/index.js';
import type { ScopeCatalog } from '../../../src/engine/scope-catalog.js';
import { buildScopeModels } from '../../../src/engine/scope-factory.js';
import type { ScopeModels } from '../../../src/engine/scope-models.js';
import { trainPrior } from '../../../src/recsys/models/prior-train.js';
import { mulberry32 } from '../../../src/recsys/models/rng.js';
import type { RatingTriple } from '../../../src/recsys/models/types.js';
import { runPipeline } from '../../../src/recsys/pipeline.js';
import { EmbeddingSource } from '../../../src/recsys/sources/embedding.js';
import { evalCatalog } from '../../../eval/catalog.js';
import { profileOf } from '../../../eval/profiles.js';

const ROMCOM = ['Comedy', 'Romance'];
/** Well-known romantic comedies: distinctive titles, watched and liked by most of the community. */
const KNOWN = ['Notting Hill', 'Annie Hall', 'Moonstruck', 'Roxanne', 'Tootsie', 'Sabrina', 'Splash', 'Amelie'];
/** Obscure ones: titles of common words (no weight of their own), each seen by a handful of members. */
const OBSCURE = ['Only You', 'Someone Like You', 'All of Me', 'Just Us', 'Me and You', 'This Is It', 'As You Are', 'Only Us'];
/** Other kinds of film, so the request has something not to match. */
const OTHER: [string, string[]][] = [
  ['Heat', ['Action', 'Crime', 'Thriller']], ['Alien', ['Horror', 'Sci-Fi']], ['Platoon', ['Drama', 'War']],
  ['Fargo', ['Comedy', 'Crime', 'Drama']], ['Psycho', ['Horror', 'Thriller']], ['Airplane!', ['Comedy']],
  ['Titanic', ['Drama', 'Romance']], ['Casablanca', ['Drama', 'Romance', 'War']], ['Big', ['Comedy', 'Fantasy']],
  ['Vertigo', ['Mystery', 'Romance', 'Thriller']], ['Rocky', ['Drama', 'Sport']], ['Jaws', ['Horror', 'Thriller']],
];

const items: CatalogItem[] = [
  ...KNOWN.map((title, i) => ({ id: `ml-${100 + i}`, title, year: 1985 + i, tags: ROMCOM })),
  ...OBSCURE.map((title, i) => ({ id: `ml-${200 + i}`, title, year: 1985 + i, tags: ROMCOM })),
  ...OTHER.map(([title, tags], i) => ({ id: `ml-${300 + i}`, title, year: 1975 + i, tags })),
];
const known = new Set(items.slice(0, KNOWN.length).map((it) => it.id));

/** 200 members: most watch the well-known films and the other kinds (3.5-4.5); each obscure film has 4 viewers (3-4). */
function community(): RatingTriple[] {
  const rng = mulberry32(7);
  const out: RatingTriple[] = [];
  for (let u = 0; u < 200; u++) {
    let at = 1_000 + u * 100;
    for (const it of items) {
      const obscure = it.id.startsWith('ml-2');
      const watches = obscure ? u % 50 === Number(it.id.slice(-1)) * 5 : rng() < 0.6;
      if (!watches) continue;
      const value = (obscure ? 3 : 3.5) + Math.floor(rng() * 3) * 0.5;
      out.push({ user: `c${u}`, item: it.id, value, at: at++ });
    }
  }
  return out;
}

async function topFive(def: PipelineDefinition, catalog: ScopeCatalog, models: ScopeModels, userId: string, profile: Profile, text: string): Promise<string[]> {
  const { q, deps } = planDefinition(() => 2_000_000, { scope: 'broad-test', userId }, { catalog, models, profile }, def, { text, count: 5 });
  return (await runPipeline(q, deps)).recommendations.map((r) => r.item.id);
}

describe('a broad request on a genre-only catalog', () => {
  let catalog: ScopeCatalog;
  let models: ScopeModels;
  const newcomer = profileOf([]);

  beforeAll(async () => {
    const prior = trainPrior(community(), { mf: { factors: 8, epochs: 40, seed: 3 }, neighbours: 8 });
    catalog = await evalCatalog(items, createSemanticEmbedder());
    models = buildScopeModels([{ userId: 'newcomer', profile: newcomer }], catalog, { now: 2_000_000_000, prior });
  });

  it('GIVEN "a romantic comedy" THEN every film listed is a romantic comedy, and the well-known ones lead', async () => {
    const list = await topFive(PIPELINES.recommend, catalog, models, 'newcomer', newcomer, 'a romantic comedy');
    expect(list).toHaveLength(5);
    for (const id of list) expect(catalog.byId.get(id)?.tags).toEqual(ROMCOM);
    expect(list.slice(0, 3).every((id) => known.has(id))).toBe(true);
    expect(list.filter((id) => known.has(id)).length).toBeGreaterThanOrEqual(4);
  });

  it('GIVEN the same request to the text search alone THEN the obscure films come first (the case the ranking has to correct)', async () => {
    const hits = await new EmbeddingSource({ index: catalog.index, embedder: catalog.embedder }).fetch({ scope: 'broad-test', userId: 'newcomer', intent: 'conversation', text: 'a romantic comedy', count: 5 }, 5);
    expect(hits.filter((c) => known.has(c.itemId)).length).toBeLessThan(2);
  });
});
