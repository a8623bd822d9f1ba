/**
 * The words that name a broad genre ("drama", "comedy", "documentary", "war"): the kinds of film most catalogs
 * tag, each carried by a large share of their items (MovieLens: Drama 45%, Comedy 39%). In a request that says
 * more than its genre ("a courtroom drama", "a documentary about music") the genre only frames what is asked
 * and the other words say which films: `queryText` lets them lead.
 */
const GENRE_WORDS = new Set(
  (
    'action adventure adventures animation animated cartoon cartoons children childrens kids comedy comedies ' +
    'crime documentary documentaries doc docs drama dramas fantasy noir horror musical musicals mystery mysteries ' +
    'romance romances romantic sci-fi scifi thriller thrillers war western westerns family'
  ).split(' '),
);

/** Whether a (any-case) word names a broad genre. */
export function isGenreWord(word: string): boolean {
  return GENRE_WORDS.has(word.toLowerCase());
}
