import { describe, expect, it } from 'vitest';
import { looseTitleKey, moveArticle, normaliseTitle, splitTitleYear } from '../../../src/catalog/normalise.js';

describe('normaliseTitle', () => {
  it.each([
    ['Matrix, The', 'the matrix'],
    ['The Matrix', 'the matrix'],
    ['  THE   MATRIX!! ', 'the matrix'],
    ['Amélie', 'amelie'],
    ["Schindler's List", 'schindlers list'],
    ['Fast & Furious', 'fast and furious'],
    ['Léon: The Professional', 'leon the professional'],
    ["Avventura, L'", 'lavventura'],
    ["L'Avventura", 'lavventura'],
    ['City of Lost Children, The (Cité des enfants perdus, La)', 'the city of lost children cite des enfants perdus la'],
    ['千と千尋の神隠し', '千と千尋の神隠し'],
  ])('GIVEN %j THEN it becomes %j', (input, expected) => {
    expect(normaliseTitle(input)).toBe(expected);
  });

  it('GIVEN a comma that is not before an article THEN nothing moves', () => {
    expect(moveArticle('Crouching Tiger, Hidden Dragon')).toBe('Crouching Tiger, Hidden Dragon');
    expect(moveArticle('Good, the Bad and the Ugly, The')).toBe('The Good, the Bad and the Ugly');
  });
});

describe('splitTitleYear', () => {
  it.each([
    ['Heat (1995)', { title: 'Heat', year: 1995 }],
    ['Heat (1995)  ', { title: 'Heat', year: 1995 }],
    ['Babylon 5 (1994–1998)', { title: 'Babylon 5', year: 1994 }],
    ['Heat', { title: 'Heat' }],
    ['(1995)', { title: '(1995)' }],
    ['Blade (3000)', { title: 'Blade (3000)' }],
    ['Heat (1995) Director’s cut', { title: 'Heat (1995) Director’s cut' }],
  ])('GIVEN %j THEN it gives %j', (input, expected) => {
    expect(splitTitleYear(input)).toEqual(expected);
  });
});

describe('looseTitleKey', () => {
  it.each([
    ['The Matrix (1999)', 'matrix'],
    ['Matrix, The', 'matrix'],
    ['matrix', 'matrix'],
    ['Heat (1995)', 'heat'],
    ['A Bug\'s Life', 'bugs life'],
    ['Up', 'up'],
    ['', ''],
  ])('GIVEN %j THEN the key is %j', (input, expected) => {
    expect(looseTitleKey(input)).toBe(expected);
  });

  it('GIVEN "&" and punctuation THEN they normalise alike', () => {
    expect(looseTitleKey('Fast & Furious!')).toBe(looseTitleKey('fast and furious'));
  });
});
