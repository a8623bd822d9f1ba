import { describe, expect, it } from 'vitest';
import { changedFields, diffCatalogs, mergeCatalogs } from '../../../src/catalog/diff.js';
import type { CatalogItem } from '../../../src/domain/item.js';

const heat: CatalogItem = { id: '1', title: 'Heat', year: 1995, tags: ['crime'] };
const ronin: CatalogItem = { id: '2', title: 'Ronin', year: 1998 };
const tron: CatalogItem = { id: '3', title: 'Tron' };

describe('diffCatalogs', () => {
  it('GIVEN an added, a changed, a removed and an unchanged item THEN each lands in its list', () => {
    const alien: CatalogItem = { id: '4', title: 'Alien' };
    const heat2: CatalogItem = { ...heat, description: 'A heist.', tags: ['crime', 'drama'] };
    const d = diffCatalogs([heat, ronin, tron], [heat2, ronin, alien]);
    expect(d.added).toEqual([alien]);
    expect(d.removed).toEqual([tron]);
    expect(d.unchanged).toEqual([ronin]);
    expect(d.updated).toEqual([{ before: heat, after: heat2, fields: ['description', 'tags'] }]);
  });

  it('GIVEN missing versus empty tags and extra THEN the item is unchanged', () => {
    expect(changedFields({ id: 'a', title: 'A' }, { id: 'a', title: 'A', tags: [], extra: {} })).toEqual([]);
    expect(changedFields({ id: 'a', title: 'A', extra: { x: '1' } }, { id: 'a', title: 'A', extra: { x: '2' } })).toEqual(['extra']);
    expect(changedFields({ id: 'a', title: 'A', tags: ['x', 'y'] }, { id: 'a', title: 'A', tags: ['y', 'x'] })).toEqual(['tags']);
  });
});

describe('mergeCatalogs', () => {
  it('GIVEN an upload in merge mode THEN known ids are replaced in place, new ones appended, none removed', () => {
    const ronin2 = { ...ronin, title: 'Ronin (director cut)' };
    const alien = { id: '4', title: 'Alien' };
    expect(mergeCatalogs([heat, ronin, tron], [alien, ronin2])).toEqual([heat, ronin2, tron, alien]);
  });
});
