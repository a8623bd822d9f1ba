import { describe, expect, it } from 'vitest';
import { analyze, isFiller, stem } from '../../../src/embed/semantic/analyze.js';
import { PHRASES } from '../../../src/embed/semantic/phrases.js';

const keys = (text: string, phrases = true): string[] => analyze(text, { phrases }).map((t) => t.key);

describe('semantic analyzer: stems, phrases, filler', () => {
  it('GIVEN plural and inflected words THEN they share the Porter2 stem', () => {
    expect(stem('dragons')).toBe(stem('dragon'));
    expect(stem('robots')).toBe('robot');
    expect(stem('travelling')).toBe(stem('travel'));
    expect(stem('1995')).toBe('1995');
  });

  it('GIVEN known phrases in any spelling THEN each becomes one token', () => {
    expect(keys('A coming-of-age story')).toEqual(['a', '_coming_of_age', 'stori']);
    expect(keys('film noir')).toEqual(['_film_noir']);
    expect(keys('sci-fi')).toEqual(keys('science fiction'));
    expect(keys('Sci Fi')).toEqual(['_science_fiction']);
    expect(keys('found footage horror')).toEqual(['_found_footage', 'horror']);
    expect(keys('time travel')).toEqual(['_time_travel']);
    expect(keys('he travels through time')).toEqual(['he', '_time_travel']);
    expect(keys('serial killers')).toEqual(['_serial_killer']);
  });

  it('GIVEN overlapping phrases THEN the longest wins ("based on a true story" over "true story")', () => {
    expect(keys('based on a true story')).toEqual(['_true_story']);
    expect(keys('a true story')).toEqual(['a', '_true_story']);
    expect(keys('world war ii drama')).toEqual(['_world_war_ii', 'drama']);
  });

  it('GIVEN phrases switched off THEN words stay words', () => {
    expect(keys('time travel', false)).toEqual(['time', 'travel']);
  });

  it('GIVEN request filler and function words THEN they are marked, content words are not', () => {
    const toks = analyze('Something good like a movie about robots to watch tonight');
    expect(toks.filter((t) => !t.filler).map((t) => t.key)).toEqual(['robot']);
    for (const w of ['movie', 'film', 'something', 'like', 'watch', 'tonight', 'good', 'the']) expect(isFiller(w)).toBe(true);
    for (const w of ['horror', 'love', 'robot', 'war']) expect(isFiller(w)).toBe(false);
  });

  it('GIVEN the phrase table THEN ids are unique and every variant has words', () => {
    const ids = PHRASES.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of PHRASES) for (const v of p.variants) expect(v.trim().length).toBeGreaterThan(0);
  });

  it('GIVEN numbers THEN they are marked numeric', () => {
    expect(analyze('Heat (1995)').map((t) => t.numeric)).toEqual([false, true]);
  });
});
