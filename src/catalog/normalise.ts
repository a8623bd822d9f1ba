/**
 * Title normalisation for matching ("The Matrix", "Matrix, The" and "matrix" are the same key) and
 * splitting a trailing year ("Heat (1995)"), as MovieLens, Letterboxd and people write titles.
 */

/** Articles that catalogs move to the end ("Matrix, The"; "Cité des enfants perdus, La"). */
const ARTICLES = [
  'the', 'a', 'an', 'la', 'le', 'les', "l'", 'el', 'los', 'las', 'il', 'lo', 'gli', 'i', 'der', 'die', 'das',
  'den', 'det', 'de', 'het', "'t", 'een', 'un', 'une', 'uno', 'una', 'o', 'os', 'as', 'en', 'ett', 'et',
];
const ARTICLE_AT_END = new RegExp(`^(.+?),\\s*(${ARTICLES.map(escape).join('|')})(\\s*\\(.*\\))?\\s*$`, 'iu');

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Moves a trailing article to the front: "Matrix, The" -> "The Matrix" (keeps a trailing "(...)"). */
export function moveArticle(title: string): string {
  const m = ARTICLE_AT_END.exec(title.trim());
  if (!m) return title.trim();
  const article = m[2];
  const sep = article.endsWith("'") ? '' : ' ';
  return `${article}${sep}${m[1].trim()}${m[3] ?? ''}`;
}

/**
 * A key for comparing titles: NFKD without accents, lowercase, "&" as "and", apostrophes dropped,
 * other punctuation and symbols as spaces, whitespace collapsed, trailing article moved to the front.
 * "Matrix, The" -> "the matrix"; "Amélie" -> "amelie"; "Schindler's List" -> "schindlers list".
 */
export function normaliseTitle(s: string): string {
  return moveArticle(s)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’ʼ`´]/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const TRAILING_YEAR = /^(.*?)\s*\((\d{4})(?:\s*[-–—]\s*(?:\d{4})?)?\)\s*$/u;

/**
 * "Heat (1995)" -> { title: "Heat", year: 1995 }; also "(1994–1998)" ranges (the first year counts).
 * Only years in `range` (default 1870-2100) are taken; otherwise, or without a suffix, the title
 * comes back unchanged (trimmed) and without a year. A title that is only "(1995)" is not split.
 */
export function splitTitleYear(s: string, range: { min: number; max: number } = { min: 1870, max: 2100 }): { title: string; year?: number } {
  const m = TRAILING_YEAR.exec(s);
  if (m) {
    const year = Number(m[2]);
    const title = m[1].trim();
    if (title !== '' && year >= range.min && year <= range.max) return { title, year };
  }
  return { title: s.trim() };
}

/**
 * The looser key for telling whether two freely written titles name the same thing, where neither side is
 * a catalog (a model's proposals, a watch history): `normaliseTitle` without a trailing year or a leading
 * English article. "The Matrix (1999)", "Matrix, The" and "matrix" -> "matrix".
 */
export function looseTitleKey(s: string): string {
  return normaliseTitle(splitTitleYear(s).title).replace(/^(?:the|a|an) /, '');
}
