/**
 * The stem options of the semantic embedder (measured on the requests eval, not the default): forms of a word
 * that share a Porter2 stem ("music", "musical") meet in the lexical part (`stemGrams`) and in the word-vector
 * part (`stemVectorShare`), and a vector made with them never passes for a default one.
 */
import { describe, expect, it } from 'vitest';
import { createSemanticEmbedder } from '../../../src/embed/semantic/index.js';

const dot = (a: Float32Array, b: Float32Array): number => a.reduce((s, x, i) => s + x * b[i], 0);

async function cos(opts: Parameters<typeof createSemanticEmbedder>[0], a: string, b: string): Promise<number> {
  const [va, vb] = await createSemanticEmbedder(opts).embed([a, b]);
  return dot(va, vb);
}

describe('semantic embedder: forms of a word that share a stem', () => {
  it.each([
    [{ stemGrams: true }, 'music', 'Musical'],
    [{ stemVectorShare: 0.5 }, 'music', 'Musical'],
    [{ stemGrams: true, stemVectorShare: 0.5 }, 'documentary about music', 'Documentary, Musical'],
  ])('GIVEN %j THEN "%s" is closer to "%s" than with the default embedder', async (opts, a, b) => {
    expect(await cos(opts, a, b)).toBeGreaterThan((await cos({}, a, b)) + 0.02);
  });

  it('GIVEN a stem option THEN the model id differs from the default one, so stored default vectors are never mixed in', () => {
    const base = createSemanticEmbedder().model;
    expect(createSemanticEmbedder({ stemGrams: true }).model).not.toBe(base);
    expect(createSemanticEmbedder({ stemVectorShare: 0.5 }).model).not.toBe(base);
    expect(createSemanticEmbedder({ stemGrams: false, stemVectorShare: 0 }).model).toBe(base);
  });

  it('GIVEN a word whose stem group is itself ("music") THEN the stem-group share leaves its vector as it was', async () => {
    expect(await cos({ stemVectorShare: 0.5 }, 'music', 'music')).toBeCloseTo(1, 5);
    const [a] = await createSemanticEmbedder({ stemVectorShare: 0.5, semanticShare: 1 }).embed(['music']);
    const [b] = await createSemanticEmbedder({ semanticShare: 1 }).embed(['music']);
    expect(dot(a, b)).toBeCloseTo(1, 5);
  });
});
