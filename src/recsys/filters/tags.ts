/**
 * Tag matching for constraints: case-insensitive, punctuation-insensitive, singular/plural-insensitive,
 * with a small synonym table ("sci-fi" = "science fiction"; "romcom" = romance + comedy).
 * A constraint tag matches an item tag when they are equal after normalising, or when the constraint's
 * words appear in order inside the item tag ("comedy" matches "dark comedy").
 */

const SYNONYMS: Record<string, string[]> = {
  'sci fi': ['science fiction'],
  scifi: ['science fiction'],
  sf: ['science fiction'],
  romcom: ['romance', 'comedy'],
  'rom com': ['romance', 'comedy'],
  'romantic comedy': ['romance', 'comedy'],
  romantic: ['romance'],
  funny: ['comedy'],
  comedic: ['comedy'],
  scary: ['horror'],
  animated: ['animation'],
  cartoon: ['animation'],
  anime: ['animation'],
  kid: ['children'],
  kids: ['children'],
  family: ['children'],
  doc: ['documentary'],
  docs: ['documentary'],
  noir: ['film noir'],
  musical: ['musical'],
  music: ['musical'],
  thrilling: ['thriller'],
  suspense: ['thriller'],
  mysteries: ['mystery'],
  crime: ['crime'],
  heist: ['crime'],
  fantasy: ['fantasy'],
  superhero: ['action'],
  'super hero': ['action'],
  cowboy: ['western'],
  wwii: ['war'],
};

function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

/** Lower-case words, punctuation removed, each word singular. */
export function normaliseTag(tag: string): string {
  return tag
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .map(singular)
    .join(' ');
}

/** The canonical tags a written tag stands for (usually one; "romcom" gives two). */
export function canonicalTags(tag: string): string[] {
  const n = normaliseTag(tag);
  if (!n) return [];
  return SYNONYMS[n] ?? SYNONYMS[tag.toLowerCase().trim()] ?? [n];
}

function containsWords(haystack: string, needle: string): boolean {
  return ` ${haystack} `.includes(` ${needle} `);
}

/** Comparison key: also folds a final "ie" into "y", so "zombie", "zombies" and "zomby" meet. */
export function matchKey(canonical: string): string {
  return canonical
    .split(' ')
    .map((w) => (w.length > 3 && w.endsWith('ie') ? w.slice(0, -2) + 'y' : w))
    .join(' ');
}

/** Lower-case words without punctuation and without stemming: how a known tag is shown back. */
export function displayTag(tag: string): string {
  return tag.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Whether one canonical constraint tag matches any of an item's tags. */
export function tagMatches(constraintCanonical: string, itemTags: readonly string[]): boolean {
  return matchingTag(constraintCanonical, itemTags) !== undefined;
}

/** The first of `tags` matching a canonical constraint tag (equal, or containing its words). */
export function matchingTag(constraintCanonical: string, tags: readonly string[]): string | undefined {
  const want = matchKey(constraintCanonical);
  for (const t of tags) {
    for (const c of canonicalTags(t)) {
      const k = matchKey(c);
      if (k === want || containsWords(k, want)) return t;
    }
  }
  return undefined;
}
