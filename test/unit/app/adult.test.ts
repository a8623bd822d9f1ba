import { describe, expect, it } from 'vitest';
import { adultIds, isAdult } from '../../../src/app/adult.js';
import type { CatalogItem } from '../../../src/domain/item.js';

describe('adult and nsfw columns', () => {
  it.each([
    [{ nsfw: 'yes' }, true], [{ NSFW: 'TRUE' }, true], [{ adult: '1' }, true], [{ adult: 'x' }, true],
    [{ adult: '0' }, false], [{ nsfw: 'no' }, false], [{ nsfw: '' }, false], [{ rating: 'adult' }, false], [undefined, false],
  ])('GIVEN extra columns %j THEN adult is %s', (extra, want) => {
    expect(isAdult({ id: 'x', title: 'X', ...(extra ? { extra } : {}) })).toBe(want);
  });

  it('GIVEN a catalog THEN the adult ids are its flagged items, in order', () => {
    const items: CatalogItem[] = [{ id: 'a', title: 'A' }, { id: 'b', title: 'B', extra: { nsfw: 'true' } }, { id: 'c', title: 'C', extra: { adult: 'yes' } }];
    expect(adultIds(items)).toEqual(['b', 'c']);
  });
});
