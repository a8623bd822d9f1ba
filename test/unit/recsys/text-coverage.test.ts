import { describe, expect, it } from 'vitest';
import { wantedWords } from '../../../src/app/query-text.js';
import { contentKeysOf, TextCoverageScorer } from '../../../src/recsys/scorers/text-coverage.js';
import type { Candidate, RecQuery } from '../../../src/recsys/types.js';

const TEXT: Record<string, string> = {
  'monterey-pop': 'Documentary, Musical',
  'buena-vista': 'Documentary, Musical, cuba, in netflix queue, latin music, old men',
  'the-corporation': 'Documentary',
  'grease': 'Comedy, Musical, Romance',
  'no-text': '',
};
const cand = (itemId: string): Candidate => ({ itemId, sources: ['embedding'], sourceScores: {}, sourceRanks: {} });
const q = (text?: string): RecQuery => ({ scope: 'g', userId: 'u', intent: 'conversation', count: 5, text });
const ids = Object.keys(TEXT);
const ITEMS = Object.fromEntries(ids.map((id) => [id, { id }]));
const keys = (id: string) => (ITEMS[id] ? contentKeysOf(ITEMS[id], () => TEXT[id]) : undefined);

describe('text-coverage: how much of what the member asked an item says', () => {
  it('GIVEN "a documentary about music" THEN every music documentary meets it in full, however many tags it has, and a plain documentary half', async () => {
    const s = await new TextCoverageScorer(wantedWords('a documentary about music'), keys).score(q('documentary music'), ids.map(cand));
    expect(Object.fromEntries(ids.map((id, i) => [id, s[i]]))).toEqual({ 'monterey-pop': 1, 'buena-vista': 1, 'the-corporation': 0.5, grease: 0.5, 'no-text': 0 });
  });

  it('GIVEN a request with no text (taste, seeds) THEN it tells nothing apart', async () => {
    const s = await new TextCoverageScorer(undefined, keys).score(q(undefined), ids.map(cand));
    expect(new Set(s)).toEqual(new Set([0]));
  });

  it('GIVEN mood words and negations THEN only what the member asked for counts, not the expansions or what they ruled out', () => {
    expect(wantedWords('a cozy mystery')).toMatch(/cozy mystery$/);
    expect(wantedWords('a cozy mystery')).not.toMatch(/comedy|romance/);
    expect(wantedWords('scary movie but not too gory')).not.toMatch(/gory/);
    expect(wantedWords('something for tonight')).toBe('');
  });
});
