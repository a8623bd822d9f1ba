import { LlmError, type LlmProvider } from '../llm/types.js';
import type { Embedder } from './types.js';

/** Scales to unit length (Gemini's vectors below 3072 dims are not normalised). */
function l2normalize(v: Float32Array): Float32Array {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  if (s > 0) {
    const inv = 1 / Math.sqrt(s);
    for (let i = 0; i < v.length; i++) v[i] *= inv;
  }
  return v;
}

/** Gemini embeddings (batchEmbedContents, <= 100 texts a request). Model id: `gemini:{embedModel}:{dims}`. */
export function createGeminiEmbedder(provider: LlmProvider): Embedder {
  return {
    model: `gemini:${provider.embedModel}:${provider.embedDims}`,
    dims: provider.embedDims,
    async embed(texts, opts) {
      if (texts.length === 0) return [];
      const { vectors } = await provider.embed(texts, opts);
      const dims = provider.embedDims;
      if (vectors.length !== texts.length || vectors.some((v) => v.length !== dims)) {
        throw new LlmError('server', `embedding answer does not match the request (${texts.length} x ${dims})`);
      }
      return vectors.map(l2normalize);
    },
  };
}
