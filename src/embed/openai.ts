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

/**
 * Embeddings from an OpenAI-compatible server. Model id: `openai:{embedModel}:{dims}`. With a configured size
 * (OPENAI_EMBED_DIMS, the provider's `embedDims`), `model` and `dims` are fixed up front, before any request,
 * so vector indexes and caches can be set up at once; only a provider built without a size learns it from
 * the first answer (read `model`/`dims` after the first `embed` then).
 */
export function createOpenAiEmbedder(provider: LlmProvider): Embedder {
  const fixed = provider.embedDims > 0 ? provider.embedDims : undefined;
  const dims = () => fixed ?? provider.embedDims;
  return {
    get model() {
      return `openai:${provider.embedModel}:${dims()}`;
    },
    get dims() {
      return dims();
    },
    async embed(texts, opts) {
      if (texts.length === 0) return [];
      const { vectors } = await provider.embed(texts, opts);
      if (vectors.length !== texts.length || (fixed !== undefined && vectors.some((v) => v.length !== fixed))) {
        throw new LlmError('server', `embedding answer does not match the request (${texts.length} x ${dims()})`);
      }
      return vectors.map(l2normalize);
    },
  };
}
