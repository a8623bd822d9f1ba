import { describe, expect, it } from 'vitest';
import { isAdult } from '../../../src/app/adult.js';
import { runtimeColumn } from '../../../src/app/watch-facts.js';
import { extraValues, type CatalogItem } from '../../../src/domain/item.js';
import { tmdbIdOf } from '../../../src/tmdb/ids.js';

const item = (extra: Record<string, string>): CatalogItem => ({ id: 'x', title: 'X', extra });

describe('a catalog\'s own extra columns, found by name', () => {
  it('GIVEN column names in any case and with spaces THEN each reader finds its column', () => {
    const it = item({ ' TMDB_ID ': ' 949 ', Runtime: '1h 52m', NSFW: ' yes ', other: '1' });
    expect(extraValues(it, ['tmdb_id'])).toEqual(['949']);
    expect(tmdbIdOf(it)).toBe(949);
    expect(runtimeColumn(it)).toBe(112);
    expect(isAdult(it)).toBe(true);
  });

  it('GIVEN two id columns, the first not a number THEN the id comes from the second', () => {
    expect(tmdbIdOf(item({ tmdb: 'n/a', 'tmdb id': '348' }))).toBe(348);
    expect(tmdbIdOf(item({ tmdb: '-3' }))).toBeUndefined();
  });

  it('GIVEN no such columns THEN nothing is read', () => {
    const it = item({ adultish: 'yes', length_m: '90' });
    expect(extraValues(it, ['adult', 'length'])).toEqual([]);
    expect(isAdult(it)).toBe(false);
    expect(runtimeColumn(it)).toBeUndefined();
    expect(isAdult({ id: 'y', title: 'Y' })).toBe(false);
  });
});
