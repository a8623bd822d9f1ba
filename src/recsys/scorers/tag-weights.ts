import type { ItemId } from '../../domain/item.js';
import { canonicalTags, matchingTag } from '../filters/tags.js';
import type { Candidate, RecQuery, Scorer } from '../types.js';

/**
 * Soft genre weighting from a conversation ("fewer sci-fi", "more comedy", "too dark"): each candidate
 * scores the sum of `q.tagWeights` over the weighted genres its tags match (an item in two "fewer" genres
 * sinks further). A preference, never a filter: it only moves items within the fused ranking, by the
 * weight the definition gives it. Without weights every candidate scores 0 (a constant column, which the
 * combiner treats as telling nothing apart), so the scorer can sit in every conversational pipeline.
 */
export class TagWeightScorer implements Scorer {
  readonly id = 'tag-weights';

  constructor(private readonly tagsOf: (itemId: ItemId) => readonly string[] | undefined) {}

  async score(q: RecQuery, cs: Candidate[]): Promise<number[]> {
    const weights = Object.entries(q.tagWeights ?? {}).filter(([, w]) => Number.isFinite(w) && w !== 0);
    if (weights.length === 0) return cs.map(() => 0);
    const wanted = weights.map(([tag, w]) => ({ canon: canonicalTags(tag), w }));
    return cs.map((c) => {
      const tags = this.tagsOf(c.itemId) ?? [];
      if (tags.length === 0) return 0;
      let s = 0;
      for (const { canon, w } of wanted) if (canon.some((t) => matchingTag(t, tags) !== undefined)) s += w;
      return s;
    });
  }
}
