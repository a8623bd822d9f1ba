import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { botRankings } from '../../../eval/protocols/requests-bot.js';
import { formatRequests, keywordHalf, loadRequestInputs, requestMetrics, runRequests, topK } from '../../../eval/protocols/requests.js';

// A tiny synthetic catalog (no TMDB text): 6 starter movies, 5 of them with an "overview" row.
const dir = mkdtempSync(join(tmpdir(), 'requests-protocol-'));
const starter = join(dir, 'starter.csv');
const overviews = join(dir, 'overviews.csv');
writeFileSync(
  starter,
  [
    'id,title,year,tags,description',
    'ml-1,Steel Friend,1999,Sci-Fi|robots,',
    'ml-2,Metal Heart,2004,Sci-Fi|Drama,',
    'ml-3,Fangs at Dawn,1988,Horror,',
    'ml-4,Night Bite,2011,Horror|vampire,',
    'ml-5,Paris Bakery,2001,Comedy|Romance,',
    'ml-6,Not Joined,2001,Comedy,',
  ].join('\n'),
);
writeFileSync(
  overviews,
  [
    'movieId,tmdbId,imdbId,ml_title,tmdb_title,release_date,overview,tagline,genres,keywords',
    '1,11,01,Steel Friend (1999),Steel Friend,1999-01-01,A lonely boy builds an android companion.,,Science Fiction,robot|friendship',
    '2,12,02,Metal Heart (2004),Metal Heart,2004-01-01,"A machine learns to feel, and to love.",,Science Fiction,robot',
    '3,13,03,Fangs at Dawn (1988),Fangs at Dawn,1988-01-01,A village is stalked by a vampire.,,Horror,vampire',
    '4,14,04,Night Bite (2011),Night Bite,2011-01-01,Undead creatures of the night hunt in the city.,,Horror,vampire|friendship',
    '5,15,05,Paris Bakery (2001),Paris Bakery,2001-01-01,Two bakers fall in love in Paris.,,Comedy,bakery',
    '99,19,09,Not In Starter (2001),Not In Starter,2001-01-01,Robots everywhere.,,Comedy,robot',
  ].join('\n'),
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('eval protocol `requests`', () => {
  it('GIVEN rank lists THEN NDCG@10 and P@5 are the binary-gain textbook values', () => {
    const rel = new Set(['a', 'b']);
    expect(requestMetrics(['a', 'b', 'x'], rel)).toEqual({ ndcg: 1, precision: 0.4 });
    const m = requestMetrics(['x', 'a'], rel);
    expect(m.ndcg).toBeCloseTo(1 / Math.log2(3) / (1 + 1 / Math.log2(3)), 10);
    expect(m.precision).toBeCloseTo(0.2, 10);
    expect(requestMetrics([], rel)).toEqual({ ndcg: 0, precision: 0 });
  });

  it('GIVEN vectors THEN topK returns the highest dot products first, ties in catalog order', () => {
    const q = Float32Array.from([1, 0]);
    const vecs = [[0.1, 1], [0.9, 0], [0.5, 0], [0.9, 0.3]].map((v) => Float32Array.from(v));
    expect(topK(q, ['a', 'b', 'c', 'd'], vecs, 3)).toEqual(['b', 'd', 'c']);
  });

  it('GIVEN keywords THEN the tune/held-out split is fixed', () => {
    expect(keywordHalf('time travel')).toBe(keywordHalf('time travel'));
    expect(keywordHalf('robot')).toBe('tune');
    expect(keywordHalf('alien')).toBe('heldOut');
  });

  it('GIVEN the TMDB file and the starter catalog THEN requests come from keywords with enough joined movies', () => {
    const inp = loadRequestInputs({ starter, overviews, minMovies: 2 });
    expect(inp.joined).toBe(5);
    expect(inp.requests.map((r) => r.keyword)).toEqual(['friendship', 'robot', 'vampire']);
    expect(inp.requests.find((r) => r.keyword === 'robot')!.text).toBe('movies about robot');
    expect([...inp.requests.find((r) => r.keyword === 'robot')!.relevant].sort()).toEqual(['ml-1', 'ml-2']);
    expect(inp.catalogs.starter.map((i) => i.id)).toEqual(['ml-1', 'ml-2', 'ml-3', 'ml-4', 'ml-5']);
    expect(inp.catalogs['starter-all']).toHaveLength(6);
    expect(inp.catalogs.overviews[0].title).toBe('Steel Friend. A lonely boy builds an android companion.');
  });

  it('GIVEN a run THEN both embedders, without and with feedback, are scored on every catalog, with ratios to the baseline without, as JSON and text', async () => {
    const r = await runRequests({ starter, overviews, minMovies: 2 });
    expect(Object.keys(r.results)).toEqual(['local-hash-v1-512', 'local-hash-v1-512 + feedback', 'local-sem-v2-624', 'local-sem-v2-624 + feedback']);
    for (const cats of Object.values(r.results)) {
      expect(Object.keys(cats)).toEqual(['starter', 'starter-all', 'overviews', 'starter+overviews']);
      for (const s of Object.values(cats)) {
        expect(s.requests).toBe(3);
        expect(s.tune.requests + s.heldOut.requests).toBe(3);
        for (const x of [s['ndcg@10'], s['p@5']]) expect(x).toBeGreaterThanOrEqual(0);
        expect(s['ndcg@10']).toBeLessThanOrEqual(1);
      }
    }
    expect(Object.keys(r.ratios)).toEqual(['local-hash-v1-512 + feedback', 'local-sem-v2-624', 'local-sem-v2-624 + feedback']);
    expect(Object.keys((await runRequests({ starter, overviews, minMovies: 2, feedback: false })).results)).toEqual(['local-hash-v1-512', 'local-sem-v2-624']);
    expect(JSON.parse(JSON.stringify(r)).protocol).toBe('requests');
    const text = formatRequests(r);
    expect(text).toContain('local-sem-v2-624');
    expect(text).toContain('overviews');
  });

  it('GIVEN --lsa THEN the embedders but the baseline are also scored with the catalog LSA block, without and with feedback', async () => {
    const r = await runRequests({ starter, overviews, minMovies: 2, lsa: true });
    expect(Object.keys(r.results)).toEqual([
      'local-hash-v1-512',
      'local-hash-v1-512 + feedback',
      'local-sem-v2-624',
      'local-sem-v2-624 + feedback',
      'local-sem-v2-624 + catalog LSA',
      'local-sem-v2-624 + catalog LSA + feedback',
    ]);
    for (const s of Object.values(r.results['local-sem-v2-624 + catalog LSA'])) expect(s.requests).toBe(3);
    expect(r.ratios['local-sem-v2-624 + catalog LSA'].overviews).toBeGreaterThan(0);
  });

  it("GIVEN --bot THEN each request is asked of the bot's own /recommend on the starter catalog and on the overviews uploaded as a custom catalog, and the text says so", async () => {
    const r = await runRequests({ starter, overviews, minMovies: 2, bot: true, feedback: false });
    expect(Object.keys(r.bot ?? {})).toEqual(['starter-all', 'overviews']);
    for (const s of Object.values(r.bot ?? {})) expect(s.requests).toBe(3);
    expect(r.bot?.overviews?.['ndcg@10']).toBeGreaterThan(0);
    // the uploaded catalog's answers come back under the protocol's ids: the five joined films, nothing else
    const inp = loadRequestInputs({ starter, overviews, minMovies: 2 });
    const robot = inp.requests.filter((q) => q.keyword === 'robot');
    const [lists] = await botRankings('overviews', { starterPath: starter, overviews: inp.overviewParts }, robot);
    expect([...lists].sort()).toEqual(['ml-1', 'ml-2', 'ml-3', 'ml-4', 'ml-5']);
    expect(formatRequests(r)).toContain("the bot's /recommend");
    expect((await runRequests({ starter, overviews, minMovies: 2, feedback: false })).bot).toBeUndefined();
  });
});
