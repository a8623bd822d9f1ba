import { l2normalize } from './normalise.js';
import { EmbedError, type Embedder, type EmbeddingBackend } from './types.js';

/** Gemini embeddings (batchEmbedContents, <= 100 texts a request). Model id: `gemini:{embedModel}:{dims}`. */
export function createGeminiEmbedder(provider: EmbeddingBackend): Embedder {
  return {
    model: `gemini:${provider.embedModel}:${provider.embedDims}`,
    dims: provider.embedDims,
    async embed(texts, opts) {
      if (texts.length === 0) return [];
      const { vectors } = await provider.embed(texts, opts);
      const dims = provider.embedDims;
      if (vectors.length !== texts.length || vectors.some((v) => v.length !== dims)) {
        throw new EmbedError(`embedding answer does not match the request (${texts.length} x ${dims})`);
      }
      return vectors.map(l2normalize);
    },
  };
}
