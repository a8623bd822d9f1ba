import type { LlmProvider } from '../llm/types.js';
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

/**
 * Embeddings from an OpenAI-compatible server. Model id: `openai:{embedModel}:{dims}`; when the size was not
 * configured it is learnt from the first answer, so read `model`/`dims` after the first `embed`.
 */
export function createOpenAiEmbedder(provider: LlmProvider): Embedder {
  return {
    get model() {
      return `openai:${provider.embedModel}:${provider.embedDims}`;
    },
    get dims() {
      return provider.embedDims;
    },
    async embed(texts, opts) {
      if (texts.length === 0) return [];
      const { vectors } = await provider.embed(texts, opts);
      return vectors.map(l2normalize);
    },
  };
}
