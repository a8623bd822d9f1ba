/** Turns texts into vectors. Vectors of two models are never compared: always keep `model` with them. */
export interface Embedder {
  readonly model: string;
  readonly dims: number;
  /** Batched: one vector per text, same order. Vectors are L2-normalised. */
  embed(texts: string[], opts?: { signal?: AbortSignal }): Promise<Float32Array[]>;
}

/** What a provider embedder needs of an LLM provider (an `LlmProvider` satisfies it; embedders know no LLM). */
export interface EmbeddingBackend {
  readonly embedModel: string;
  readonly embedDims: number;
  embed(texts: string[], opts?: { signal?: AbortSignal }): Promise<{ vectors: Float32Array[]; requests: number }>;
}

/** An embedding answer that cannot be used (wrong count or size). */
export class EmbedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbedError';
  }
}
