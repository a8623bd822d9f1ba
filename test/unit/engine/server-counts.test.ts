/**
 * The server's co-watch statistics are counted where the models train (the worker for large jobs) and only
 * assembled on the main thread: the result must be exactly what the main thread computed before.
 */
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../src/domain/profile.js';
import { createLocalEmbedder } from '../../../src/embed/local.js';
import { serverDataFromProfiles } from '../../../src/engine/prior.js';
import { buildScopeCatalog } from '../../../src/engine/scope-catalog.js';
import { collectTrainingInput, scopeModelsFromState, scopeModelsToState, trainFromInput } from '../../../src/engine/scope-models.js';
import { serverStats, type ServerStats } from '../../../src/recsys/models/prior-server.js';
import type { CatalogVersion } from '../../../src/store/types.js';
import { mulberry32 } from '../../../src/recsys/models/rng.js';
import { referenceServerStats } from './server-stats-reference.js';

const version = (): CatalogVersion => ({
  pointer: { version: 1, itemCount: ITEMS.length, chunkCount: 1, embedModel: null, dims: 0, updatedBy: 'admin', updatedAt: 0, source: 'upload' },
  items: ITEMS,
  vectors: null,
});
const ITEMS = Array.from({ length: 60 }, (_, i) => ({ id: `it-${i}`, title: `Item ${i}`, description: `story ${i % 7} about ${i % 5}` }));

/** 40 members: histories with repeats and items outside the catalog, ratings out of time order, ties in time, some rated items never in the history. */
function profiles(): { userId: string; profile: Profile }[] {
  const rng = mulberry32(7);
  return Array.from({ length: 40 }, (_, u) => {
    const history = Array.from({ length: Math.floor(rng() * 30) }, (_, k) => ({ itemId: rng() < 0.1 ? `gone-${k}` : ITEMS[Math.floor(rng() * 60)].id, at: 1_000 + k }));
    const ratings: Profile['ratings'] = {};
    for (let k = 0; k < Math.floor(rng() * 12); k++) ratings[rng() < 0.1 ? `gone-r${k}` : ITEMS[Math.floor(rng() * 60)].id] = { value: 0.5 + Math.floor(rng() * 10) / 2, at: 5_000 - Math.floor(rng() * 4) * 10 };
    const profile: Profile = { history, ratings, notInterested: [], preferences: {}, updatedAt: 0 };
    return { userId: `u${u}`, profile };
  });
}

function expectSame(got: ServerStats, want: ServerStats): void {
  expect(got.items).toEqual(want.items);
  expect([...got.index]).toEqual([...want.index]);
  expect(Array.from(got.toPrior)).toEqual(Array.from(want.toPrior));
  for (const k of ['members', 'ratingCount', 'ratingSum'] as const) expect(Array.from(got[k]), k).toEqual(Array.from(want[k]));
  expect(got.mean).toBe(want.mean);
  for (const g of ['cowatch', 'next'] as const) {
    for (const k of ['start', 'col', 'val', 'rowSum'] as const) expect(Array.from(got[g][k]), `${g}.${k}`).toEqual(Array.from(want[g][k]));
  }
  expect([...got.memberRatings]).toEqual([...want.memberRatings]);
  expect([...got.memberHistory].map(([u, h]) => [u, Array.from(h)])).toEqual([...want.memberHistory].map(([u, h]) => [u, Array.from(h)]));
}

describe('server statistics: counted with the models, identical to the main-thread computation', () => {
  const ps = profiles();
  const ids = ITEMS.map((i) => i.id);
  const data = serverDataFromProfiles(ps, ids);

  it('GIVEN members with repeats, foreign items and unordered ratings THEN serverStats equals the former computation', () => {
    expect(data.ratings.length).toBeGreaterThan(100);
    expectSame(serverStats(data, undefined), referenceServerStats(data, undefined));
  });

  it('GIVEN the counts a training made (through the worker state and back) THEN the statistics built from them equal the former computation', async () => {
    const catalog = await buildScopeCatalog(version(), createLocalEmbedder());
    const trained = trainFromInput(collectTrainingInput(ps, catalog, 10_000));
    const back = scopeModelsFromState(structuredClone(scopeModelsToState(trained)), 0);
    expect(back.serverCounts).toBeDefined();
    const withCounts = { ...data, counts: back.serverCounts };
    expectSame(serverStats(withCounts, undefined), referenceServerStats(data, undefined));
  });

  it('GIVEN counts made with other options THEN they are not used: the statistics are counted again', async () => {
    const catalog = await buildScopeCatalog(version(), createLocalEmbedder());
    const counts = trainFromInput(collectTrainingInput(ps, catalog, 10_000)).serverCounts;
    const opts = { window: 3, maxPerUser: 5 };
    expectSame(serverStats({ ...data, counts }, undefined, opts), referenceServerStats(data, undefined, opts));
  });
});
