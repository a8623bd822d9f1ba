/**
 * The committed starter prior (data/prior/starter-prior-v1.*, built by `npm run build-prior` from MovieLens):
 * it loads fast and small, is keyed by starter catalog ids, knows what goes with what, and plugs into a
 * scope's models through the engine adapter.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { defaultPriorBase, loadPriorFiles, priorApplies, PriorLoader, serverDataFromProfiles, withCommunityPrior } from '../../../src/engine/prior.js';
import { trainFromInput, type TrainingInput } from '../../../src/engine/scope-models.js';
import { foldedPredict, foldIn } from '../../../src/recsys/models/prior-fold.js';
import type { Logger } from '../../../src/log.js';
import { profile } from './helpers.js';

const REPO = resolve(import.meta.dirname, '../../..');
const base = defaultPriorBase();

function starterIds(): string[] {
  return readFileSync(join(REPO, 'data/starter-movies.csv'), 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.slice(0, l.indexOf(',')));
}

function neighbours(p: Awaited<ReturnType<typeof loadPriorFiles>>['prior'], kind: 'cowatch' | 'next', id: string): string[] {
  const i = p.index.get(id)!;
  const g = p[kind];
  return Array.from(g.col.subarray(g.start[i], g.start[i + 1]), (c) => p.ids[c]);
}

describe('the committed starter prior', () => {
  it('GIVEN data/prior THEN it loads in under a second into under 50 MB, checked against its sha256', async () => {
    expect(base).toBe(join(REPO, 'data/prior/starter-prior-v1'));
    const heap0 = process.memoryUsage();
    const l = await loadPriorFiles(base);
    const heap1 = process.memoryUsage();
    expect(l.loadMs).toBeLessThan(1000);
    expect(l.memoryBytes).toBeLessThan(50 * 2 ** 20);
    expect(heap1.heapUsed + heap1.arrayBuffers - heap0.heapUsed - heap0.arrayBuffers).toBeLessThan(50 * 2 ** 20);
    expect(l.fileBytes).toBeLessThan(4 * 2 ** 20);
    expect(l.header.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(l.prior.ids.length).toBeGreaterThan(9000);
    expect(l.prior.factors).toBe(64);
    expect(l.prior.meta).toMatchObject({ users: 610, ratings: 100836 });
  });

  it('GIVEN its header THEN it names the MovieLens licence beside it and holds no text, only numbered sections', async () => {
    const { header } = await loadPriorFiles(base);
    expect(header.licence).toBe('../MOVIELENS-LICENSE.txt');
    expect(existsSync(resolve(dirname(base), header.licence!))).toBe(true);
    expect(header.meta.source).toMatch(/MovieLens/);
    expect(header.sections.map((s) => s.name).sort()).toEqual(
      ['Q', 'bias', 'count', 'cowatch.col', 'cowatch.start', 'cowatch.val', 'ids', 'mean', 'next.col', 'next.start', 'next.val', 'popularity', 'qScale'].sort(),
    );
    expect(existsSync(join(dirname(base), 'README.md'))).toBe(true);
  });

  it('GIVEN the starter catalog THEN every prior item is one of its ids', async () => {
    const { prior } = await loadPriorFiles(base);
    const ids = new Set(starterIds());
    expect(prior.ids.every((id) => ids.has(id))).toBe(true);
    expect(priorApplies(prior, [...ids])).toBe(true);
    expect(priorApplies(prior, ['a', 'b', 'c'])).toBe(false);
    expect(priorApplies(prior, [], 'starter')).toBe(true);
  });

  it('GIVEN Star Wars THEN its co-watch and watch-next neighbours include The Empire Strikes Back', async () => {
    const { prior } = await loadPriorFiles(base);
    expect(neighbours(prior, 'cowatch', 'ml-260').slice(0, 3)).toContain('ml-1196');
    expect(neighbours(prior, 'next', 'ml-260').slice(0, 5)).toContain('ml-1196');
  });

  it('GIVEN 5 for two Star Wars films and 1 for Notting Hill THEN Return of the Jedi is predicted above You\'ve Got Mail', async () => {
    const { prior } = await loadPriorFiles(base);
    const u = foldIn(prior, [{ item: 'ml-260', value: 5 }, { item: 'ml-1196', value: 5 }, { item: 'ml-2671', value: 1 }]);
    expect(foldedPredict(prior, u, 'ml-1210')).toBeGreaterThan(foldedPredict(prior, u, 'ml-2424') + 0.5);
  });

  it('GIVEN a PriorLoader THEN it loads once for every caller, and a missing file answers undefined with one warning', async () => {
    const shared = new PriorLoader(base);
    const [a, b] = await Promise.all([shared.get(), shared.get()]);
    expect(a).toBeDefined();
    expect(b).toBe(a);
    const warn = vi.fn();
    const logger = { warn, info: vi.fn() } as unknown as Logger;
    const missing = new PriorLoader(join(REPO, 'data/prior/nope'), logger);
    expect(await missing.get()).toBeUndefined();
    expect(await missing.get()).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('GIVEN a new server with two members THEN withCommunityPrior answers from the prior and keeps the server state serialisable', async () => {
    const { prior } = await loadPriorFiles(base);
    const itemIds = starterIds();
    const profiles = [
      { userId: 'fan', profile: profile({ ratings: { 'ml-260': { value: 5, at: 1 }, 'ml-1196': { value: 5, at: 2 }, 'ml-2671': { value: 1, at: 3 } }, history: [{ itemId: 'ml-260', at: 1 }, { itemId: 'ml-1196', at: 2 }, { itemId: 'ml-2671', at: 3 }] }) },
      { userId: 'new', profile: profile() },
    ];
    const index = new Map(itemIds.map((id, i) => [id, i]));
    const rated = ['ml-260', 'ml-1196', 'ml-2671'].map((id) => index.get(id)!);
    const input: TrainingInput = {
      catalogVersion: 3, now: 10, itemIds, dims: 0, vectors: new Float32Array(0), hasVector: new Uint8Array(itemIds.length), userIds: ['fan', 'new'],
      ratingStart: Int32Array.from([0, 3, 3]), ratingItem: Int32Array.from(rated), ratingValue: Float64Array.from([5, 5, 1]), ratingAt: Float64Array.from([1, 2, 3]),
      historyStart: Int32Array.from([0, 3, 3]), historyItem: Int32Array.from(rated), historyAt: Float64Array.from([1, 2, 3]),
    };
    const base0 = trainFromInput(input);
    const m = withCommunityPrior(base0, prior, serverDataFromProfiles(profiles, itemIds));
    expect(m.catalogVersion).toBe(3);
    expect(m.rating.predict('fan', 'ml-1210')).toBeGreaterThan(m.rating.predict('fan', 'ml-2424') + 0.5);
    const popular = m.popularity.top(20).map((s) => s.itemId);
    expect(popular).toEqual(expect.arrayContaining(['ml-318', 'ml-356']));
    expect(m.cowatch.similarTo(['ml-260'], 3)[0]).toMatchObject({ itemId: 'ml-1196', because: 'ml-260' });
    const next = m.sequential.scoreNext(['ml-260', 'ml-1196'], 5);
    expect(next.map((s) => s.itemId)).toContain('ml-1210');
    expect(m.rating.toState()).toBe(base0.rating.toState());
    expect(m.cowatch.toState()).toBe(base0.cowatch.toState());
    // the member with nothing gets the average member's prediction: a well-liked film scores high
    expect(m.community.predict('new', 'ml-318')).toBeGreaterThan(4);
    // a custom catalog: no prior, only the popular list changes (the server's popularity and quality)
    const custom = withCommunityPrior(base0, undefined, serverDataFromProfiles(profiles, itemIds));
    expect(custom.rating).toBe(base0.rating);
    expect(custom.cowatch).toBe(base0.cowatch);
    expect(custom.popularity.top(1)[0].itemId).toBe('ml-260');
  });
});
