/** Turns texts into vectors. Vectors of two models are never compared: always keep `model` with them. */
export interface Embedder {
  readonly model: string;
  readonly dims: number;
  /** Batched: one vector per text, same order. Vectors are L2-normalised. */
  embed(texts: string[], opts?: { signal?: AbortSignal }): Promise<Float32Array[]>;
}
