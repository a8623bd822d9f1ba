import { describe, expect, it } from 'vitest';
import { noWatchText, runtimeText, streamLine, watchLines } from '../../../src/present/card-text.js';

const w = (o: Partial<Record<'stream' | 'free' | 'ads' | 'rent' | 'buy', string[]>>) => ({ stream: [], free: [], ads: [], rent: [], buy: [], ...o });
const list = (xs: string[]) => xs.join(', ');

describe('the words of an item card', () => {
  it('GIVEN runtimes THEN hours and minutes', () => {
    expect(runtimeText(170)).toBe('2h 50m');
    expect(runtimeText(45)).toBe('45m');
    expect(runtimeText(0)).toBeUndefined();
  });

  it('GIVEN offers THEN the list line names the first kind to watch it, buying never', () => {
    expect(streamLine(w({ stream: ['Netflix', 'Hulu'], rent: ['Apple TV'] }), list)).toBe('Stream: Netflix, Hulu');
    expect(streamLine(w({ ads: ['Tubi'] }), list)).toBe('Free with ads: Tubi');
    expect(streamLine(w({ buy: ['Apple TV'] }), list)).toBeUndefined();
    expect(watchLines(w({ stream: ['Netflix'], buy: ['Apple TV'] }), list)).toEqual(['Stream: Netflix', 'Buy: Apple TV']);
  });

  it('GIVEN no where-to-watch data THEN the card says whether TMDB has none for the region or nothing is known', () => {
    expect(noWatchText(true, 'DE')).toBe('No streaming data for DE.');
    expect(noWatchText(false, undefined)).toBe('Not known.');
  });
});
