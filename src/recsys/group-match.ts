/**
 * Taste match between two members: how alike they rate the titles both rated.
 *
 * Each member's ratings are centred on their own mean (a generous rater and a harsh one who order films
 * alike match), the cosine of the centred ratings over the co-rated titles is their agreement (-1..1, a
 * Pearson correlation about each member's own mean), and it is shrunk by n / (n + k) for n co-rated titles:
 * with few titles in common the evidence is thin, so the score stays near the middle. Mapped to 0-100%:
 * 50% is "no evidence either way". Two titles in common with the same ratings give 50 + 50 * 2 / (2 + k)
 * (64% with k = 5), never 100%.
 */

export const MATCH_SHRINK = 5;

export interface MatchScore {
  /** 0..100, or null with nothing rated in common. */
  percent: number | null;
  /** Titles both rated. */
  common: number;
  /** The raw agreement before shrinkage (-1..1), 0 when undefined. */
  agreement: number;
}

const meanOf = (r: ReadonlyMap<string, number>): number => {
  let s = 0;
  for (const v of r.values()) s += v;
  return r.size ? s / r.size : 0;
};

export function matchScore(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>, k = MATCH_SHRINK): MatchScore {
  const ma = meanOf(a);
  const mb = meanOf(b);
  let dot = 0;
  let na = 0;
  let nb = 0;
  let n = 0;
  for (const [id, va] of a) {
    const vb = b.get(id);
    if (vb === undefined) continue;
    n++;
    const x = va - ma;
    const y = vb - mb;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  if (n === 0) return { percent: null, common: 0, agreement: 0 };
  // Both rated every common title at their own mean: no sign of agreement or disagreement.
  const agreement = na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
  const shrunk = (agreement * n) / (n + k);
  return { percent: Math.round(50 + 50 * shrunk), common: n, agreement };
}

/**
 * Titles both love: rated at least `from` by both (or, for a member who rates everything high, above their own
 * mean), best first by the lower of the two ratings, then the higher.
 */
export function sharedFavourites(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>, max = 3, from = 4): string[] {
  const ma = meanOf(a);
  const mb = meanOf(b);
  const out: { id: string; lo: number; hi: number }[] = [];
  for (const [id, va] of a) {
    const vb = b.get(id);
    if (vb === undefined) continue;
    if (va >= Math.max(from, ma) && vb >= Math.max(from, mb)) out.push({ id, lo: Math.min(va, vb), hi: Math.max(va, vb) });
  }
  return out
    .sort((x, y) => y.lo - x.lo || y.hi - x.hi || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
    .slice(0, max)
    .map((x) => x.id);
}
