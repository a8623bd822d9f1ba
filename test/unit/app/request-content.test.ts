import { describe, expect, it } from 'vitest';
import { capitalisedRuns, namedTitles, titleSeeds } from '../../../src/app/query-seeds.js';
import { hasContent, queryText } from '../../../src/app/query-text.js';
import { contentWords } from '../../../src/app/request-words.js';
import { namesByWords, titleEchoes } from '../../../src/app/title-echo.js';
import { TitleIndex } from '../../../src/catalog/titles.js';
import type { CatalogItem } from '../../../src/domain/item.js';

describe('requests that say nothing about what is wanted', () => {
  it.each([
    'something for tonight',
    'surprise me',
    'what should I watch?',
    'any recommendations?',
    'something good',
    "I'm bored",
    'Got any good movie suggestions for this weekend?',
    'recommend me 5 films please',
    'something for tonight, no horror',
    'nothing from the 90s',
    'a classic, please',
  ])('GIVEN %j THEN it has no content and nothing is searched for', (request) => {
    expect(hasContent(request)).toBe(false);
    expect(queryText(request)).toBe('');
  });

  it.each([
    ['something funny for tonight', ['funny']],
    ['a tense heist movie with a clever twist', ['tense', 'heist', 'clever', 'twist']],
    ['any good time travel films?', ['time', 'travel']],
    ['a love story', ['love', 'story']],
    // acclaim says how well thought of, not what about: the crowd's quality answers it, the genre is searched
    ['a classic western', ['western']],
    ['classic film noir', ['noir']],
  ])('GIVEN %j THEN its content is %j', (request, words) => {
    expect(hasContent(request)).toBe(true);
    expect(contentWords(request)).toEqual(words);
  });

  it('GIVEN a mood beside a topic THEN the mood keeps the genre it names but not the genres it leans to, which would outweigh the topic', () => {
    const sports = queryText('a feel-good sports movie');
    expect(sports).toMatch(/sports/);
    expect(sports).not.toMatch(/comedy|romance|family/);
    expect(queryText('a scary space movie')).toMatch(/horror/);
    expect(queryText('a scary space movie')).not.toMatch(/suspense/);
    // alone beside a genre, a mood is expanded whole: "a cozy mystery" is comedy, mystery, romance
    expect(queryText('a cozy mystery')).toMatch(/comedy.*romance/);
    expect(queryText('a sad war movie')).toMatch(/drama romance emotional/);
  });

  it('GIVEN a mood of two words ("date night", "heart warming", "feel good") THEN it is read as the mood, not as a topic', () => {
    expect(queryText('a date night movie')).toMatch(/romance comedy/);
    expect(queryText('something heart warming')).toMatch(/comedy family romance/);
    expect(queryText('a feel good movie')).toMatch(/comedy family romance/);
  });

  it('GIVEN "not too gory" THEN the negated word is not searched for', () => {
    expect(queryText('scary movie but not too gory')).not.toMatch(/gory/);
    expect(queryText('scary movie but not too gory')).toMatch(/scary/);
  });
});

const catalog: CatalogItem[] = [
  { id: 'matrix', title: 'The Matrix', year: 1999, tags: ['Sci-Fi'] },
  { id: 'scary', title: 'Scary Movie', year: 2000, tags: ['Comedy', 'Horror'] },
  { id: 'oliver', title: 'Oliver Twist', year: 1948, tags: ['Drama'] },
  { id: 'epic', title: 'Epic', year: 2013, tags: ['Animation', 'Fantasy'] },
  { id: 'tdk', title: 'The Dark Knight', year: 2008, tags: ['Action'] },
  { id: 'jp', title: 'Jurassic Park', year: 1993, tags: ['Adventure'] },
  { id: 'something', title: 'Something Borrowed', year: 2011, tags: ['Romance'] },
  { id: 't2', title: 'Terminator 2: Judgment Day', year: 1991, tags: ['Action'] },
  { id: 'heist', title: 'Heist', year: 2001, tags: ['Crime'] },
];
const titles = new TitleIndex(catalog);
const byId = (id: string) => catalog.find((i) => i.id === id);

describe('which titles a request names (its seeds)', () => {
  it.each([
    ['something like The Matrix', ['matrix']],
    ['movies like scary movie but smarter', ['scary']],
    ['I loved The Dark Knight, anything similar?', ['tdk']],
    ['in the mood for "Scary Movie" again', ['scary']],
    ['more after T2 please', ['t2']],
    ['one more like jurassic park for tonight please', ['jp']],
    ['one more like The Matrix please!', ['matrix']],
    ['Loved The Matrix and The Dark Knight!', ['matrix', 'tdk']],
    ['scary movie but not too gory', []],
    ['a tense heist movie with a clever twist', []],
    ['Epic fantasy with dragons and swords', []],
    ['something for tonight', []],
    ['a movie with Tom Hanks on TV', []],
    ['Jurassic Park vibes', []],
  ])('GIVEN %j THEN the seeds are %j', (request, seeds) => {
    expect(titleSeeds(request, titles)).toEqual(seeds);
  });

  it('GIVEN a title named twice THEN it is one seed, read as written', () => {
    expect(namedTitles('like The Matrix, yes The Matrix', titles)).toEqual([{ item: catalog[0], how: 'exact' }]);
  });

  it('GIVEN text THEN the capitalised runs after a sentence starts are the candidates', () => {
    expect(capitalisedRuns('I loved The Lord of the Rings. Also Heat, and The Dark Knight!')).toEqual(['The Lord of the Rings', 'Heat', 'The Dark Knight']);
  });
});

describe('titles that only echo a request in a text search', () => {
  const echoesOf = (request: string) => titleEchoes(request, byId)?.among(catalog.map((i) => i.id)) ?? [];

  it('GIVEN a title sharing only some words, or one word a request uses for what it is about THEN an echo', () => {
    expect(echoesOf('a tense heist movie with a clever twist')).toEqual(['oliver', 'heist']);
    expect(echoesOf('scary movie but not too gory')).toEqual(['scary']);
    expect(echoesOf('epic fantasy with dragons')).toEqual(['epic']);
    expect(echoesOf('something dark for tonight')).toEqual(['tdk']);
    expect(echoesOf('a heist with car chases')).toEqual(['heist']);
    expect(titleEchoes('something sad that will make me cry', (id) => ({ id, title: id }))?.among(['Cry-Baby', 'The Crying Game', 'Sad Sack', 'Up'])).toEqual([
      'Cry-Baby',
      'The Crying Game',
      'Sad Sack',
    ]);
  });

  it('GIVEN a request that is a title and nothing else, or all of a title of two words or more, in order THEN named, not an echo', () => {
    expect(echoesOf('jurassic park with dinosaurs')).toEqual([]);
    expect(echoesOf('the matrix')).toEqual([]);
    expect(echoesOf('epic')).toEqual([]);
    expect(echoesOf('the dark knight but funnier')).toEqual([]);
    expect(namesByWords('a dark movie about a knight', 'The Dark Knight')).toBe(false);
    expect(namesByWords('war movie about world war 2', 'War of the Worlds')).toBe(false);
    expect(namesByWords('harry potter and the goblet of fire vibes', 'Harry Potter and the Goblet of Fire')).toBe(true);
  });

  it('GIVEN a request with no content THEN nothing to check', () => {
    expect(titleEchoes('something for tonight', byId)).toBeUndefined();
  });

  it('GIVEN an echo THEN it is judged on its text without the title', () => {
    expect(titleEchoes('a twist', byId)?.untitled('oliver')).toBe('Drama');
  });
});
