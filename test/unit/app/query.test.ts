import { describe, expect, it } from 'vitest';
import { queryText } from '../../../src/app/query-text.js';
import { readTitles, titleSeeds } from '../../../src/app/query-seeds.js';
import { TitleIndex } from '../../../src/catalog/titles.js';

describe('queryText: what of a request is embedded', () => {
  it.each([
    ['heist movies', /^heist heist\b/, /movies/],
    ['recommend me some good films about space', /space/, /recommend|films|good/],
    ['a thriller but no horror', /thriller/, /horror/],
    ['comedies without romance or musicals', /comedies/, /romance|musicals/],
    ['a space adventure but less scary', /space/, /scary|horror/],
    ['westerns older than 1970', /westerns/, /1970|older/],
    ['dramas from the 90s', /dramas/, /90s/],
  ])('GIVEN "%s" THEN it keeps the subject and drops filler, negations and years', (req, keep, drop) => {
    const q = queryText(req);
    expect(q).toMatch(keep);
    expect(q).not.toMatch(drop);
  });

  it('GIVEN a mood word THEN the genre words catalogs use are added', () => {
    expect(queryText('something cozy')).toMatch(/comedy/);
    expect(queryText('a scary one')).toMatch(/horror/);
  });

  it('GIVEN only the words of asking THEN nothing is searched for (taste and popularity answer)', () => {
    expect(queryText('recommend me a movie')).toBe('');
  });
});

describe('titleSeeds: "like <title>" leads with that item', () => {
  const titles = new TitleIndex([
    { id: 'm1', title: 'The Matrix', year: 1999 },
    { id: 'm2', title: 'Toy Story', year: 1995 },
    { id: 'm3', title: 'Heat', year: 1995 },
  ]);
  it.each([
    ['something like The Matrix', ['m1']],
    ['movies like toy story but no comedies', ['m2']],
    ['similar to Heat, older than 2000', ['m3']],
    ['heist movies', []],
    ['like Nothing In This Catalog', []],
  ])('GIVEN "%s" THEN the seeds are %j', (text, seeds) => {
    expect(titleSeeds(text, titles)).toEqual(seeds);
  });
});

describe('queryText: year words never reach the embedding', () => {
  it.each(['nothing from the 90s', 'no 80s movies', "thrillers from the '70s", 'dramas between 1990 and 2000'])('GIVEN "%s" THEN no year or decade is left', (req) => {
    expect(queryText(req)).not.toMatch(/\d/);
  });
});

describe('readTitles: what a request says besides the titles it names', () => {
  const titles = new TitleIndex([
    { id: 'm1', title: 'Pulp Fiction', year: 1994 },
    { id: 'm2', title: 'Heat', year: 1995 },
    { id: 'm3', title: 'Gone with the Wind', year: 1939 },
    { id: 'm4', title: 'Gone Girl', year: 2014 },
    { id: 'm5', title: 'The Matrix', year: 1999 },
  ]);
  it.each([
    ['like Pulp Fiction but funnier', ['m1'], 'but funnier'],
    ['something like Heat with more romance', ['m2'], 'with more romance'],
    ['movies like Gone with the Wind', ['m3'], ''],
    ['something like The Matrix', ['m5'], ''],
    ['a "Heat" kind of night, set in space', ['m2'], 'a kind of night, set in space'],
  ])('GIVEN "%s" THEN it names %j and says "%s" besides', (text, ids, besides) => {
    const r = readTitles(text, titles);
    expect(r.named.map((m) => m.item.id)).toEqual(ids);
    expect(r.besides).toBe(besides);
  });

  it('GIVEN a title written by its main name only ("Spirited Away") THEN its words are not searched as well', () => {
    const ghibli = new TitleIndex([{ id: 's1', title: 'Spirited Away (Sen to Chihiro no kamikakushi)', year: 2001 }]);
    const r = readTitles('I loved Spirited Away, something darker', ghibli);
    expect(r.named.map((m) => m.item.id)).toEqual(['s1']);
    expect(r.besides).not.toMatch(/spirited|away/i);
    expect(r.besides).toMatch(/darker/);
  });

  it('GIVEN a request that names no title THEN all of it is what it says', () => {
    expect(readTitles('a tense heist movie', titles)).toEqual({ named: [], besides: 'a tense heist movie' });
  });
});

