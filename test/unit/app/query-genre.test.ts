import { describe, expect, it } from 'vitest';
import { isGenreWord } from '../../../src/app/genre-words.js';
import { queryText } from '../../../src/app/query-text.js';

/** How many times a word is searched for in a request's query text. */
const count = (q: string, word: string): number => q.split(' ').filter((w) => w.toLowerCase() === word).length;

describe('queryText: a genre beside a topic frames it, the topic leads', () => {
  it.each([
    ['a courtroom drama', 'courtroom', 'drama'],
    ['a documentary about music', 'music', 'documentary'],
    ['a war movie about pilots', 'pilots', 'war'],
    ['a sports drama about boxing', 'boxing', 'drama'],
  ])('GIVEN "%s" THEN %s weighs more than the genre %s', (req, topic, genre) => {
    const q = queryText(req);
    expect(count(q, topic)).toBeGreaterThan(count(q, genre));
    expect(count(q, genre)).toBeGreaterThanOrEqual(1);
  });

  it.each(['a romantic comedy', 'a musical romance', 'horror'])('GIVEN only genres ("%s") THEN every word weighs alike', (req) => {
    const q = queryText(req);
    const words = req.split(' ').filter(isGenreWord);
    expect(words.length).toBeGreaterThan(0);
    for (const w of words) expect(count(q, w)).toBeGreaterThanOrEqual(2);
  });

  it('GIVEN a mood word beside a genre ("a cozy mystery") THEN the genre keeps its whole weight: a mood is no topic', () => {
    expect(count(queryText('a cozy mystery'), 'mystery')).toBeGreaterThanOrEqual(2);
    expect(count(queryText('a scary horror'), 'horror')).toBeGreaterThanOrEqual(2);
  });
});
