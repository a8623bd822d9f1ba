/**
 * The cold-server eval protocol on the small MovieLens fixture (no ../shared needed): held-out users never
 * reach the prior, every k and system is reported, and the prior helps a server that has nothing.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadMovieLens } from '../../../eval/load.js';
import { coldServerMain, formatColdServer, pickHeldOut, runColdServer } from '../../../eval/protocols/cold-server.js';
import { timeOrdered } from '../../../src/recsys/models/prior-train.js';

const FIX = join(import.meta.dirname, '../../fixtures/movielens');

afterEach(() => vi.restoreAllMocks());

describe('cold-server protocol', () => {
  it('GIVEN the fixture THEN every k has popularity, no-prior and prior, and the prior beats both at k=5 and popularity at k=0', async () => {
    const ds = loadMovieLens(FIX);
    const r = await runColdServer(ds.ratings, { items: [...ds.movies.keys()], users: 20, folds: 2 });
    expect(r.folds).toBe(2);
    expect(r.users).toBe(40);
    expect(Object.keys(r.results)).toEqual(['0', '1', '3', '5', '10']);
    for (const row of Object.values(r.results)) {
      expect(Object.keys(row).sort()).toEqual(['no-prior', 'popularity', 'prior']);
      for (const s of Object.values(row)) {
        for (const m of [s.taste['ndcg@10'], s.taste['recall@10'], s.next['ndcg@10'], s.next['recall@10']]) expect(m).toBeGreaterThanOrEqual(0);
        expect(s.rmse).toBeGreaterThan(0.3);
      }
    }
    const five = r.results['5'];
    expect(five.prior.taste['ndcg@10']).toBeGreaterThan(five.popularity.taste['ndcg@10']);
    expect(five.prior.taste['ndcg@10']).toBeGreaterThan(five['no-prior'].taste['ndcg@10']);
    expect(five.prior.rmse).toBeLessThan(five.popularity.rmse);
    expect(r.results['0'].prior.taste['ndcg@10']).toBeGreaterThanOrEqual(r.results['0'].popularity.taste['ndcg@10']);
    expect(formatColdServer(r, ds.name, 1)).toMatch(/k=5 taste NDCG@10, prior vs popularity/);
  });

  it('GIVEN a seed THEN the held-out users are disjoint draws of eligible users, and none of their ratings trains the prior', async () => {
    const ds = loadMovieLens(FIX);
    const byUser = timeOrdered(ds.ratings);
    const order = pickHeldOut(byUser, Number.POSITIVE_INFINITY, 20, 1);
    expect(new Set(order).size).toBe(order.length);
    expect(order.every((u) => byUser.get(u)!.length >= 20)).toBe(true);
    expect(pickHeldOut(byUser, 10, 20, 1)).toEqual(order.slice(0, 10));
    // the prior of a fold is trained on the others only: its user count says so
    const seen: number[] = [];
    await runColdServer(ds.ratings, { users: 20, folds: 1, ks: [0], log: (m) => void (m.includes('prior from') && seen.push(Number(/from (\d+) users/.exec(m)![1]))) });
    expect(seen).toEqual([byUser.size - 20]);
  });

  it('GIVEN --protocol cold-server --json THEN the CLI prints one JSON object, the other arguments going to the eval parser', async () => {
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const parse = vi.fn((argv: string[]) => ({ data: FIX, json: argv.includes('--json') }));
    await coldServerMain(['--protocol', 'cold-server', '--json'], parse);
    expect(parse).toHaveBeenCalledWith(['--json']);
    const report = JSON.parse(out.join(''));
    expect(report).toMatchObject({ protocol: 'cold-server', dataset: 'movielens' });
    expect(Object.keys(report.results)).toEqual(['0', '1', '3', '5', '10']);
  }, 120_000); // the whole protocol on the fixture: the bot's training and two pipelines per member, k and system
});
