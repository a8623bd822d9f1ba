/**
 * The group ("watch together") eval protocol on the small MovieLens fixture (no ../shared needed): every size
 * and system is reported, the group list beats popularity for its members, and the CLI prints one JSON object.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadMovieLens } from '../../../eval/load.js';
import { runGroupEval } from '../../../eval/protocols/group.js';
import { formatGroup, groupMain } from '../../../eval/protocols/group-main.js';

const FIX = join(import.meta.dirname, '../../fixtures/movielens');

afterEach(() => vi.restoreAllMocks());

describe('group eval protocol', () => {
  it('GIVEN the fixture THEN each size has every rule, popularity and solo, with paired differences against averaging', () => {
    const ds = loadMovieLens(FIX);
    const r = runGroupEval(ds.ratings, { users: 30, minRatings: 30, groups: 60, sizes: [2, 4] });
    expect(Object.keys(r.results)).toEqual(['2', '4']);
    for (const row of Object.values(r.results)) {
      expect(Object.keys(row).sort()).toEqual(['average', 'fair', 'least-misery', 'popularity', 'solo']);
      for (const s of Object.values(row)) {
        expect(s['ndcg@10']).toBeGreaterThanOrEqual(s['worst@10']);
        expect(s['disliked@10']).toBeGreaterThanOrEqual(0);
      }
      // a member's own list is the ceiling of a shared one
      expect(row.solo['ndcg@10']).toBeGreaterThanOrEqual(row.average['ndcg@10']);
    }
    expect(r.results['2'].average['ndcg@10']).toBeGreaterThan(r.results['2'].popularity['ndcg@10']);
    expect(Object.keys(r.versusAverage['2'])).toEqual(['fair', 'least-misery']);
    expect(formatGroup(r, ds.name, 1)).toMatch(/Paired against average/);
  });

  it('GIVEN group --json THEN the CLI prints one JSON object, the other arguments going to the eval parser', async () => {
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const parse = vi.fn((argv: string[]) => ({ data: FIX, json: argv.includes('--json') }));
    await groupMain(['group', '--json'], parse);
    expect(parse).toHaveBeenCalledWith(['--json']);
    const report = JSON.parse(out.join(''));
    expect(report).toMatchObject({ protocol: 'group', dataset: 'movielens' });
    expect(Object.keys(report.results)).toEqual(['2', '4', '8']);
  });
});
