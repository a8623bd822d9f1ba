import { l2normalize } from './normalise.js';
import { EmbedError, type Embedder, type EmbeddingBackend } from './types.js';

/**
 * Embeddings from an OpenAI-compatible server. Model id: `openai:{embedModel}:{dims}`. With a configured size
 * (OPENAI_EMBED_DIMS, the provider's `embedDims`), `model` and `dims` are fixed up front, before any request,
 * so vector indexes and caches can be set up at once; only a provider built without a size learns it from
 * the first answer (read `model`/`dims` after the first `embed` then).
 */
export function createOpenAiEmbedder(provider: EmbeddingBackend): Embedder {
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
        throw new EmbedError(`embedding answer does not match the request (${texts.length} x ${dims()})`);
      }
      return vectors.map(l2normalize);
    },
  };
}
