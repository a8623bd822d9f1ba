/**
 * The community prior's pure parts on a small synthetic community (no ../shared needed): training, the
 * binary artifact, folding a member in, the Bayesian-average quality, and the prior/server blend.
 */
import { describe, expect, it } from 'vitest';
import { bayesianAverage, blendWeight, foldedPredict, foldIn } from '../../../src/recsys/models/prior-fold.js';
import { decodePrior, encodePrior, fromHalf, parsePriorHeader, toHalf } from '../../../src/recsys/models/prior-format.js';
import { trainPrior } from '../../../src/recsys/models/prior-train.js';
import { PriorAwareModels } from '../../../src/recsys/models/prior-models.js';
import { coldTop, nextItems, similarTo, tasteTop } from '../../../src/recsys/models/prior-sources.js';
import type { RatingTriple } from '../../../src/recsys/models/types.js';
import { ROMCOM, SCIFI, trained } from '../../helpers/prior-community.js';

describe('community prior: training and the artifact', () => {
  it('GIVEN float16 THEN values round-trip within half precision, and extremes saturate', () => {
    for (const x of [0, 1, -1, 0.5, 3.14159, 1234.5, 1e-5, 65504]) expect(Math.abs(fromHalf(toHalf(x)) - x)).toBeLessThanOrEqual(Math.abs(x) * 1e-3 + 1e-7);
    expect(fromHalf(toHalf(1e9))).toBe(65504);
    expect(fromHalf(toHalf(-1e9))).toBe(-65504);
  });

  it('GIVEN a trained prior THEN it holds factors, counts and both graphs for every rated item', () => {
    const p = trained();
    expect(p.ids.length).toBe(24);
    expect(p.factors).toBe(8);
    expect(p.Q.length).toBe(24 * 8);
    expect(p.meta.users).toBe(120);
    const i = p.index.get('ml-100')!;
    const row = Array.from(p.next.col.subarray(p.next.start[i], p.next.start[i + 1]), (c) => p.ids[c]);
    expect(row[0]).toBe('ml-101'); // watched right after it by most users
    for (let a = 0; a < p.ids.length; a++) expect(p.cowatch.start[a + 1] - p.cowatch.start[a]).toBeLessThanOrEqual(8);
  });

  it('GIVEN encode then decode THEN ids, biases and counts are exact and factors/graph values are close', () => {
    const p = trained();
    const { header, body } = encodePrior(p, 'ml-');
    const json = JSON.stringify(header);
    const q = decodePrior(json, body);
    expect(q.ids).toEqual(p.ids);
    expect(Array.from(q.bias)).toEqual(Array.from(p.bias));
    expect(Array.from(q.count)).toEqual(Array.from(p.count));
    expect(Array.from(q.cowatch.start)).toEqual(Array.from(p.cowatch.start));
    expect(Array.from(q.cowatch.col)).toEqual(Array.from(p.cowatch.col));
    for (let x = 0; x < p.Q.length; x++) expect(Math.abs(q.Q[x] - p.Q[x])).toBeLessThan(0.01 * Math.max(...Array.from(p.Q, Math.abs)) + 1e-6);
    for (let x = 0; x < p.next.val.length; x++) expect(Math.abs(q.next.val[x] - p.next.val[x])).toBeLessThanOrEqual(p.next.val[x] * 1e-3);
    // the body's sections are 8-byte aligned and the header says how big it is
    expect(header.bytes).toBe(body.length);
    for (const s of header.sections) expect(s.offset % 8).toBe(0);
  });

  it('GIVEN a bad header, body or id THEN decoding refuses it with a clear error', () => {
    const { header, body } = encodePrior(trained(), 'ml-');
    expect(() => decodePrior({ ...header, version: 99 }, body)).toThrow(/version 99/);
    expect(() => parsePriorHeader('{"format":"other"}')).toThrow(/not a Tastemaker/);
    expect(() => decodePrior(header, body.subarray(0, body.length - 8))).toThrow(/bytes/);
    const p = trained();
    p.ids[0] = 'tt-1';
    expect(() => encodePrior(p, 'ml-')).toThrow(/uint32/);
  });
});

describe('community prior: folding a member in', () => {
  it('GIVEN 5 for two sci-fi classics and 1 for a rom-com THEN another sci-fi classic is predicted above another rom-com', () => {
    const p = trained();
    const u = foldIn(p, [{ item: 'ml-100', value: 5 }, { item: 'ml-101', value: 5 }, { item: 'ml-200', value: 1 }]);
    expect(u.used).toBe(3);
    const sci = foldedPredict(p, u, 'ml-105');
    const rom = foldedPredict(p, u, 'ml-205');
    expect(sci).toBeGreaterThan(rom + 1);
    // and the mirror image
    const v = foldIn(p, [{ item: 'ml-200', value: 5 }, { item: 'ml-201', value: 5 }, { item: 'ml-100', value: 1 }]);
    expect(foldedPredict(p, v, 'ml-205')).toBeGreaterThan(foldedPredict(p, v, 'ml-105') + 1);
  });

  it('GIVEN no ratings (or only unknown items) THEN the member is the average one: mu + b_i', () => {
    const p = trained();
    for (const rs of [[], [{ item: 'nope', value: 5 }]]) {
      const u = foldIn(p, rs);
      expect(u.used).toBe(0);
      expect(u.bu).toBe(0);
      const i = p.index.get('ml-103')!;
      expect(foldedPredict(p, u, 'ml-103')).toBeCloseTo(Math.min(5, Math.max(0.5, p.mu + p.bias[i])), 6);
      expect(foldedPredict(p, u, 'unknown')).toBeCloseTo(p.mu, 6);
    }
  });

  it('GIVEN the same member through PriorAwareModels THEN predict folds them in from the server ratings', () => {
    const p = trained();
    const data = { items: [...SCIFI, ...ROMCOM], ratings: [{ user: 'm', item: 'ml-100', value: 5 }, { user: 'm', item: 'ml-101', value: 5 }, { user: 'm', item: 'ml-200', value: 1 }], histories: new Map() };
    const m = new PriorAwareModels(data, p);
    expect(m.predict('m', 'ml-105')).toBeGreaterThan(m.predict('m', 'ml-205') + 1);
    expect(m.predict('m', 'ml-105')).toBeLessThanOrEqual(5);
  });
});

describe('community prior: quality and blending', () => {
  it('GIVEN one 5-star rating vs 300 ratings averaging 4.3 THEN the Bayesian average ranks the 300 higher', () => {
    const mu = 3.5;
    expect(bayesianAverage(5, 1, mu)).toBeLessThan(bayesianAverage(4.3 * 300, 300, mu));
    expect(bayesianAverage(0, 0, mu)).toBe(mu);
    expect(bayesianAverage(4.3 * 300, 300, mu)).toBeGreaterThan(4.2);
  });

  it('GIVEN a custom catalog (no prior) THEN its cold-start order is the server\'s popularity and quality: one 5-star does not outrank 300 x 4.3', () => {
    const ratings: RatingTriple[] = [{ user: 'solo', item: 'one-star-wonder', value: 5, at: 1 }];
    for (let u = 0; u < 300; u++) ratings.push({ user: `m${u}`, item: 'crowd-pleaser', value: u % 10 < 3 ? 4 : u % 10 < 9 ? 4.5 : 4, at: u });
    for (let u = 0; u < 40; u++) ratings.push({ user: `m${u}`, item: 'meh', value: 2, at: 400 + u });
    const m = new PriorAwareModels({ items: ['meh', 'one-star-wonder', 'crowd-pleaser', 'never-seen'], ratings, histories: new Map() });
    expect(coldTop(m, 4).map((s) => s.itemId)).toEqual(['crowd-pleaser', 'meh', 'one-star-wonder', 'never-seen']);
    const q = (id: string) => m.quality[m.stats.index.get(id)!];
    expect(q('crowd-pleaser')).toBeGreaterThan(q('one-star-wonder'));
    expect(q('one-star-wonder')).toBeGreaterThan(q('meh'));
    // a member with nothing gets the cold order
    expect(tasteTop(m, 'newcomer', 2).map((s) => s.itemId)).toEqual(['crowd-pleaser', 'meh']);
  });

  it('GIVEN blendWeight THEN it is 0 with nothing, 1/2 at tau and grows towards 1 with the server\'s counts', () => {
    expect(blendWeight(0, 10)).toBe(0);
    expect(blendWeight(10, 10)).toBe(0.5);
    const ws = [1, 5, 20, 100, 1000].map((n) => blendWeight(n, 10));
    for (let i = 1; i < ws.length; i++) expect(ws[i]).toBeGreaterThan(ws[i - 1]);
    expect(ws[4]).toBeGreaterThan(0.99);
  });

  it('GIVEN a server that keeps watching X after ml-100 THEN X climbs the co-watch and watch-next lists as its counts grow', () => {
    const p = trained();
    const items = [...SCIFI, ...ROMCOM, 'X'];
    const rankOf = (n: number, kind: 'cowatch' | 'next'): number => {
      const histories = new Map<string, string[]>();
      for (let u = 0; u < n; u++) histories.set(`s${u}`, ['ml-100', 'X']);
      const m = new PriorAwareModels({ items, ratings: [], histories }, p);
      const list = kind === 'cowatch' ? similarTo(m, ['ml-100'], 30) : nextItems(m, ['ml-100'], 30);
      const r = list.findIndex((s) => s.itemId === 'X');
      return r < 0 ? Infinity : r;
    };
    expect(rankOf(0, 'cowatch')).toBe(Infinity); // the prior never saw X
    expect(rankOf(0, 'next')).toBeGreaterThan(5);
    expect(rankOf(3, 'cowatch')).toBeLessThan(Infinity);
    expect(rankOf(200, 'cowatch')).toBe(0);
    expect(rankOf(200, 'next')).toBe(0);
    expect(rankOf(3, 'cowatch')).toBeGreaterThanOrEqual(rankOf(200, 'cowatch'));
  });

  it('GIVEN an empty server on the prior THEN co-watch and watch-next come from the prior, with the seed as the reason', () => {
    const m = new PriorAwareModels({ items: [...SCIFI, ...ROMCOM], ratings: [], histories: new Map() }, trained());
    const co = similarTo(m, ['ml-100'], 5);
    expect(co.length).toBeGreaterThan(0);
    expect(co.every((s) => s.itemId !== 'ml-100' && s.because === 'ml-100')).toBe(true);
    expect(nextItems(m, ['ml-100'], 1)[0]).toMatchObject({ itemId: 'ml-101', because: 'ml-100' });
    expect(m.popularityBlend).toBe(0);
  });

  it('GIVEN a sci-fi fan with 3 ratings THEN their taste list is sci-fi, and a member with nothing gets the cold order', () => {
    const p = trained();
    const ratings = [{ user: 'f', item: 'ml-100', value: 5 }, { user: 'f', item: 'ml-101', value: 5 }, { user: 'f', item: 'ml-200', value: 1 }];
    const m = new PriorAwareModels({ items: [...SCIFI, ...ROMCOM], ratings, histories: new Map() }, p);
    const top = tasteTop(m, 'f', 5).map((s) => s.itemId);
    expect(top.every((id) => SCIFI.includes(id))).toBe(true);
    expect(top).not.toContain('ml-100');
    expect(tasteTop(m, 'nobody', 5).map((s) => s.itemId)).toEqual(coldTop(m, 5).map((s) => s.itemId));
  });
});

describe('community prior: what counts as watched next', () => {
  it('GIVEN members who rated two films in the same second THEN neither is "watched after" the other; a later rating is', () => {
    const ratings: RatingTriple[] = [];
    for (let u = 0; u < 6; u++) {
      // ml-6 and ml-36 rated in one batch (the time sort puts 36 after 6 by id); ml-50 an hour later
      ratings.push({ user: `b${u}`, item: 'ml-6', value: 4, at: 1_000 + u }, { user: `b${u}`, item: 'ml-36', value: 4, at: 1_000 + u });
      if (u < 2) ratings.push({ user: `b${u}`, item: 'ml-50', value: 4, at: 4_600 + u });
    }
    const p = trainPrior(ratings, { mf: { factors: 2, epochs: 5, seed: 1 }, neighbours: 5 });
    const i = p.index.get('ml-6')!;
    const after = Array.from(p.next.col.subarray(p.next.start[i], p.next.start[i + 1]), (c) => p.ids[c]);
    expect(after).toEqual(['ml-50']);
  });
});

