/** topKIndices keeps the k best scores in order, ties by lower index, whatever order the scores come in. */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/recsys/models/rng.js';
import { topKIndices } from '../../../src/recsys/models/topk.js';

/** The plain computation: every usable index sorted by score (descending), then by index. */
function reference(scores: ArrayLike<number>, k: number, skip?: (i: number) => boolean): number[] {
  const idx: number[] = [];
  for (let i = 0; i < scores.length; i++) if (scores[i] !== Number.NEGATIVE_INFINITY && !Number.isNaN(scores[i]) && !skip?.(i)) idx.push(i);
  return idx.sort((a, b) => scores[b] - scores[a] || a - b).slice(0, Math.max(0, k));
}

describe('topKIndices', () => {
  it('GIVEN scores with many ties THEN the k best come first and equal scores keep the lower index first', () => {
    expect(topKIndices([1, 3, 3, 2, 3, 1], 3)).toEqual([1, 2, 4]);
    expect(topKIndices([1, 3, 3, 2, 3, 1], 4)).toEqual([1, 2, 4, 3]);
  });

  it('GIVEN NaN, -Infinity and skipped items THEN they are never returned', () => {
    const scores = [Number.NaN, 5, Number.NEGATIVE_INFINITY, 4, 9];
    expect(topKIndices(scores, 10, (i) => i === 4)).toEqual([1, 3]);
    expect(topKIndices(scores, 0)).toEqual([]);
  });

  it('GIVEN rising sparse scores (a co-watch row) or random ones with ties THEN it answers as sorting everything would', () => {
    const rng = mulberry32(5);
    for (let t = 0; t < 300; t++) {
      const n = Math.floor(rng() * 400);
      const k = Math.floor(rng() * 60);
      const levels = 1 + Math.floor(rng() * 8);
      const scores = Float64Array.from({ length: n }, (_, i) => {
        const r = rng();
        if (r < 0.05) return Number.NaN;
        if (r < 0.1) return Number.NEGATIVE_INFINITY;
        return t % 3 === 0 ? (r < 0.8 ? 0 : i / n) : Math.floor(rng() * levels);
      });
      const skipped = new Set(Array.from({ length: 8 }, () => Math.floor(rng() * n)));
      const skip = t % 2 === 0 ? (i: number) => skipped.has(i) : undefined;
      expect(topKIndices(scores, k, skip)).toEqual(reference(scores, k, skip));
    }
  });
});
