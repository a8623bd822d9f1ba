import { describe, expect, it } from 'vitest';
import type { RecResult } from '../../../src/app/types.js';
import { RATING_VALUES } from '../../../src/domain/rules.js';
import { COMMANDS, helpView, typedUsage } from '../../../src/present/help.js';
import { predictView } from '../../../src/present/predict.js';
import { profileView, ratingSpread } from '../../../src/present/profile.js';
import { recommendationsView } from '../../../src/present/recommendations.js';
import { bytes, join, num, oneLine, stars, titleOf, user } from '../../../src/present/text.js';
import { fitLines } from '../../../src/present/view.js';
import { watchedView } from '../../../src/present/watched.js';

const offline = { engine: 'offline' as const, offlineReason: 'no-key' as const, llmCalls: 0, notes: [] };
const profile = { watched: 3, rated: 3, notInterested: 0, meanRating: 3, topTags: [], recent: [] };

describe('present: formatting helpers', () => {
  it('GIVEN numbers, ratings and sizes THEN they read the same in every face', () => {
    expect(num(1234567)).toBe('1,234,567');
    expect([stars(4.5), stars(4), stars(3.456)]).toEqual(['4.5★', '4★', '3.5★']);
    expect([bytes(512), bytes(2048), bytes(10 * 1024 * 1024)]).toEqual(['512 B', '2 KB', '10 MB']);
  });

  it('GIVEN untrusted text THEN it is marked, not escaped: one line, cut with an ellipsis by the faces', () => {
    expect(titleOf({ title: '**Heat**', year: 1995 })).toEqual([{ user: '**Heat**', max: 120 }, ' (1995)']);
    expect(oneLine(' a\n b\t\tc  ', 300)).toBe('a b c');
    expect(oneLine('abcdef', 4)).toBe('abc…');
    expect(join([[user('a')], ['b']], ', ')).toEqual([{ user: 'a', max: 300 }, ', ', 'b']);
  });

  it('GIVEN more lines than fit THEN whole lines are kept and the count of the rest is never cut', () => {
    expect(fitLines(['aaaa', 'bbbb', 'cccc'], 20, 3)).toBe('aaaa\n…and 2 more');
    expect(fitLines(['a', 'b'], 100, 5)).toBe('a\nb\n…and 3 more');
  });
});

describe('present: views', () => {
  it('GIVEN a private list THEN reasons may name the history; a public one generalises them', () => {
    const r: RecResult = { ...offline, items: [{ item: { id: 'm1', title: 'Up' }, score: 1, sources: [], reason: { kind: 'rated', itemId: 'm2', title: 'Heat', value: 4.5 } }] };
    expect(JSON.stringify(recommendationsView(r, { title: 't', private: true }).lines)).toContain('because you rated Heat 4.5');
    const pub = recommendationsView(r, { title: 't' });
    expect(JSON.stringify(pub.lines)).toContain('similar to Heat');
    expect(pub.private).toBeUndefined();
  });

  it('GIVEN a prediction THEN the view is private (it names the ratings it came from)', () => {
    const v = predictView({ ...offline, item: { id: 'm1', title: 'Up' }, rating: 3.74, why: 'because', basedOn: [] });
    expect(v.title).toEqual(['Predicted rating: 3.7★']);
    expect(v.private).toBe(true);
  });

  it('GIVEN a profile THEN the spread is one entry per allowed rating, highest first, as data', () => {
    const v = profileView({ ...profile, ratingSpread: { '4.5': 2, '0.5': 1 } });
    expect(v.spread.map((s) => s.value)).toEqual([...RATING_VALUES].reverse());
    expect(v.spread.find((s) => s.value === 4.5)?.count).toBe(2);
    expect(ratingSpread({ ...profile, ratingSpread: {} }).every((s) => s.count === 0)).toBe(true);
    expect(v.fields?.find((f) => f.name === 'Rating spread')?.pre).toBe(true);
  });

  it('GIVEN 45 watched entries THEN page 3 holds 41-45 and says where it is', () => {
    const v = watchedView(Array.from({ length: 45 }, (_, k) => ({ item: { id: `m${k}`, title: `T${k}` }, at: k })), 2);
    expect(v.lines).toHaveLength(5);
    expect(v.page).toEqual({ index: 2, count: 3 });
    expect(v.footer).toBe('Page 3 of 3');
  });
});

describe('present: help, from one table', () => {
  it('GIVEN the command table THEN the help lists every entry in order, and typed usage falls back to the name', () => {
    const v = helpView({ configured: false, enabled: false, provider: '', model: '' });
    expect(v.lines?.slice(0, COMMANDS.length).map((l) => (l[0] as { code: string }).code)).toEqual(COMMANDS.map((c) => c.usage));
    expect(typedUsage('rate')).toBe('/rate <title> <0.5-5>');
    expect(typedUsage('next')).toBe('/next');
    expect(typedUsage('nope')).toBe('/nope');
  });
});
