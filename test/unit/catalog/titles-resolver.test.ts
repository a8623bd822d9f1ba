/**
 * The title resolver on the real starter catalog (data/starter-movies.csv, 9,742 MovieLens titles): what a
 * member types in /rate, /predict, /rank, /similar, /watched, and which title they get, and how it was read.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCatalog } from '../../../src/catalog/parse.js';
import { TitleIndex, type TitleMatchKind } from '../../../src/catalog/titles.js';
import type { CatalogItem } from '../../../src/domain/item.js';

let items: CatalogItem[];
let titles: TitleIndex;

beforeAll(() => {
  const bytes = new Uint8Array(readFileSync(new URL('../../../data/starter-movies.csv', import.meta.url)));
  items = parseCatalog(bytes, { filename: 'starter-movies.csv' }).items;
  titles = new TitleIndex(items);
});

const read = (text: string, t = () => titles) => {
  const m = t().match(text);
  return m ? { title: m.item.year ? `${m.item.title} (${m.item.year})` : m.item.title, how: m.how } : null;
};
const idOf = (title: string, year: number) => items.find((i) => i.title === title && i.year === year)!.id;

describe('GIVEN a member types a title on the starter catalog', () => {
  it.each<[string, string, TitleMatchKind]>([
    ['The Notebook', 'The Notebook (2004)', 'exact'],
    ['Arrival', 'Arrival (2016)', 'exact'],
    ['mamma mia', 'Mamma Mia! (2008)', 'exact'],
    ['Godfather', 'The Godfather (1972)', 'exact'],
    ['Matrix, The', 'The Matrix (1999)', 'exact'],
  ])('%j THEN %s, as written (%s)', (typed, title, how) => {
    expect(read(typed)).toEqual({ title, how });
  });

  it.each<[string, string, TitleMatchKind]>([
    ['Se7en', 'Seven (a.k.a. Se7en) (1995)', 'alias'],
    ['Alien 3', 'Alien³ (a.k.a. Alien 3) (1992)', 'alias'],
    ['Alien³', 'Alien³ (a.k.a. Alien 3) (1992)', 'alias'],
    ['Spirited Away', 'Spirited Away (Sen to Chihiro no kamikakushi) (2001)', 'alias'],
  ])('%j (another name the title carries) THEN %s (%s)', (typed, title, how) => {
    expect(read(typed)).toEqual({ title, how });
  });

  it.each<[string, string]>([
    ['the godfather part 2', 'The Godfather: Part II (1974)'],
    ['Godfather 2', 'The Godfather: Part II (1974)'],
    ['The Godfather Part Three', 'The Godfather: Part III (1990)'],
    ['Rocky 2', 'Rocky II (1979)'],
    ['Alien III', 'Alien³ (a.k.a. Alien 3) (1992)'],
    ['Back to the Future 2', 'Back to the Future Part II (1989)'],
    ['Mission Impossible 2', 'Mission: Impossible II (2000)'],
    ['Harry Potter 3', 'Harry Potter and the Prisoner of Azkaban (2004)'],
    ['Indiana Jones 2', 'Indiana Jones and the Temple of Doom (1984)'],
  ])('%j (its number written another way, or the nth of a series) THEN %s', (typed, title) => {
    expect(read(typed)).toEqual({ title, how: 'number' });
  });

  it.each<[string, string]>([
    ['Terminator 2', 'Terminator 2: Judgment Day (1991)'],
    ['Star Wars', 'Star Wars: Episode IV - A New Hope (1977)'],
    ['Star Wars 5', 'Star Wars: Episode V - The Empire Strikes Back (1980)'],
    ['Empire Strikes Back', 'Star Wars: Episode V - The Empire Strikes Back (1980)'],
    ['Judgment Day', 'Terminator 2: Judgment Day (1991)'],
    ['Harry Potter', "Harry Potter and the Sorcerer's Stone (a.k.a. Harry Potter and the Philosopher's Stone) (2001)"],
    ['Two Towers', 'The Lord of the Rings: The Two Towers (2002)'],
    ['Pirates of the Caribbean', 'Pirates of the Caribbean: The Curse of the Black Pearl (2003)'],
    ['Shawshank', 'The Shawshank Redemption (1994)'],
    ['Close Encounters', 'Close Encounters of the Third Kind (1977)'],
  ])('%j (the part before or after its ":" or " - ", or its first words) THEN %s', (typed, title) => {
    expect(read(typed)).toEqual({ title, how: 'subtitle' });
  });

  it.each<[string, string]>([
    ['T2', 'Terminator 2: Judgment Day (1991)'],
    ['LOTR', 'The Lord of the Rings: The Fellowship of the Ring (2001)'],
    ['lotr', 'The Lord of the Rings: The Fellowship of the Ring (2001)'],
    ['ESB', 'Star Wars: Episode V - The Empire Strikes Back (1980)'],
    ['HP3', 'Harry Potter and the Prisoner of Azkaban (2004)'],
    ['hp 3', 'Harry Potter and the Prisoner of Azkaban (2004)'],
    ['BTTF2', 'Back to the Future Part II (1989)'],
    ['SOTL', 'The Silence of the Lambs (1991)'],
  ])('%j (a short name, or initials in capitals) THEN %s', (typed, title) => {
    expect(read(typed)).toEqual({ title, how: 'abbreviation' });
  });

  it.each<[string, string]>([
    ['the matrx', 'The Matrix (1999)'],
    ['Termnator 2: Judgment Day', 'Terminator 2: Judgment Day (1991)'],
  ])('%j (misspelt) THEN %s', (typed, title) => {
    expect(read(typed)).toEqual({ title, how: 'spelling' });
  });

  it.each(['Toy Story 4', 'qqqzzz xxyyy', 'Star', 'Harry', 'TV'])('%j, which names no title well THEN nothing', (typed) => {
    expect(read(typed)).toBeNull();
  });

  it('GIVEN a year THEN it picks among titles of the same name ("Oliver Twist (2005)")', () => {
    expect(read('Oliver Twist (2005)')).toEqual({ title: 'Oliver Twist (2005)', how: 'exact' });
    expect(read('Oliver Twist')).toEqual({ title: 'Oliver Twist (1948)', how: 'exact' });
  });
});

describe('GIVEN the server has popularity (what its members watched most)', () => {
  it('THEN among equal readings the most popular wins ("Star Wars" -> the episode watched most)', () => {
    const empire = idOf('Star Wars: Episode V - The Empire Strikes Back', 1980);
    const popular = () => new TitleIndex(items, { popularity: (id) => (id === empire ? 10 : 1) });
    expect(read('Star Wars', popular)?.title).toBe('Star Wars: Episode V - The Empire Strikes Back (1980)');
    const oliver = idOf('Oliver Twist', 2005);
    expect(titles.match('Oliver Twist', { popularity: (id) => (id === oliver ? 5 : 0) })?.item.year).toBe(2005);
  });

  it('THEN the title as written still beats a more popular looser reading ("Alien" is not "Aliens")', () => {
    const aliens = idOf('Aliens', 1986);
    expect(titles.match('Alien', { popularity: (id) => (id === aliens ? 100 : 0) })?.item.title).toBe('Alien');
  });
});

describe('GIVEN autocomplete (search) on a short name or a series name', () => {
  it('THEN the title the resolver reads comes first', () => {
    expect(titles.search('T2', 5)[0]?.title).toBe('Terminator 2: Judgment Day');
    expect(titles.search('star wars', 5)[0]?.title).toBe('Star Wars: Episode IV - A New Hope');
    expect(titles.search('LOTR', 5)[0]?.title).toBe('The Lord of the Rings: The Fellowship of the Ring');
  });

  it('THEN a title typed as written keeps its place ("heat": Heat first, nothing moved ahead of it)', () => {
    expect(titles.search('heat', 3)[0]?.title).toBe('Heat');
    expect(titles.search('the matrix', 3)[0]?.title).toBe('The Matrix');
  });
});

describe('GIVEN a title no entry has every word of (a misspelling and a wrong number)', () => {
  it('THEN search still offers the nearest titles, the distinctive word counting more than the number', () => {
    const near = titles.search('Termnator 9', 3).map((i) => i.title);
    expect(near).toHaveLength(3);
    for (const t of near) expect(t).toMatch(/Terminator/);
    expect(titles.search('The Godfathr Part 7', 5).map((i) => i.title)).toContain('The Godfather: Part II');
  });

  it('THEN the more popular of equally near titles comes first', () => {
    const t2 = idOf('Terminator 2: Judgment Day', 1991);
    const popular = new TitleIndex(items, { popularity: (id) => (id === t2 ? 10 : 1) });
    expect(popular.search('Termnator 9', 3)[0]?.title).toBe('Terminator 2: Judgment Day');
  });

  it('THEN a query whose words mostly match nothing offers nothing rather than a guess', () => {
    expect(titles.search('Zzyzx Road Blah', 3)).toEqual([]);
    expect(titles.search('qqqqxxxx', 3)).toEqual([]);
  });
});
