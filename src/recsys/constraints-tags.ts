/**
 * Tag words in a user's phrase, resolved to canonical tags against the catalog's tags (with the synonym
 * table of filters/tags.ts); MovieLens' genres are read even when no catalog tags are given.
 */
import { canonicalTags, displayTag, matchKey, matchingTag } from './filters/tags.js';

/** MovieLens' genres, canonical: read even when a catalog's tags are not given. */
export const GENRES = [
  'action', 'adventure', 'animation', 'children', 'comedy', 'crime', 'documentary', 'drama', 'fantasy',
  'film noir', 'horror', 'musical', 'mystery', 'romance', 'science fiction', 'thriller', 'war', 'western',
];

const FILLER = new Set([
  'movie', 'movies', 'film', 'films', 'stuff', 'anything', 'something', 'please', 'any', 'more', 'the', 'a', 'an',
  'one', 'ones', 'show', 'shows', 'thing', 'things', 'this', 'time', 'pls', 'thanks', 'with', 'of', 'kind', 'type',
  // joining words before "only" ("... but only comedies") are never tags, whatever a catalog's free tags hold
  'but', 'so', 'then', 'if', 'yes', 'no', 'not', 'now', 'also', 'though', 'maybe',
  // nor are pronouns and such ("not my thing", "no, I'm into it")
  'my', 'your', 'our', 'their', 'his', 'her', 'its', 'it', "it's", 'that', "that's", 'these', 'those', 'them', 'me', 'us', 'you',
  'i', "i'm", 'really', 'too', 'very', 'at', 'all', 'into', 'for', 'fan', 'big',
]);

function terms(phrase: string): string[] {
  return phrase
    .split(/,|\bor\b|\band\b|\bnor\b|\//)
    .map((p) =>
      p
        .trim()
        .split(/\s+/)
        .filter((w) => w && !FILLER.has(w))
        .join(' '),
    )
    .filter(Boolean);
}

/**
 * The canonical tags a phrase names ("sci-fi or horror movies" -> science fiction, horror), resolved
 * against `knownTags`. 'include' keeps only tags the catalog has (an unknown include would empty the
 * list); 'exclude' also keeps a well-known genre the catalog lacks.
 */
export function resolveTags(phrase: string, knownTags: readonly string[], mode: 'include' | 'exclude'): string[] {
  const out: string[] = [];
  for (const t of terms(phrase)) {
    for (const canon of canonicalTags(t)) {
      const known = knownTags.length > 0 ? matchingTag(canon, knownTags) : undefined;
      const genre = GENRES.includes(canon);
      if (known !== undefined) {
        // shown back as the catalog spells it when it is the same tag ("zombies"), else as the user's term
        const same = canonicalTags(known).some((k) => matchKey(k) === matchKey(canon));
        out.push(same && !genre ? displayTag(known) : canon);
      } else if (genre && (mode === 'exclude' || knownTags.length === 0)) {
        out.push(canon);
      }
    }
  }
  return out;
}
