import { createLocalEmbedder as createHashEmbedder, type LocalEmbedderOptions } from '../local.js';
import type { Embedder } from '../types.js';
import { createSemanticEmbedder, type SemanticEmbedderOptions } from './embedder.js';

/** The offline embedders: `hash` = local-hash-v1 (hashed words and character n-grams, the baseline),
 * `semantic` = local-sem-v2 (stems, phrases, static idf, GloVe-derived word vectors + hashed stems; v1 had a
 * steeper idf and counted "story"). */
export const LOCAL_EMBEDDER_KINDS = ['hash', 'semantic'] as const;
export type LocalEmbedderKind = (typeof LOCAL_EMBEDDER_KINDS)[number];

export function isLocalEmbedderKind(s: string): s is LocalEmbedderKind {
  return (LOCAL_EMBEDDER_KINDS as readonly string[]).includes(s);
}

/** An offline embedder of the given kind; built exactly like `createLocalEmbedder()` of ../local.ts. */
export function createLocalEmbedder(kind: LocalEmbedderKind = 'hash', opts: LocalEmbedderOptions & SemanticEmbedderOptions = {}): Embedder {
  switch (kind) {
    case 'hash':
      return createHashEmbedder({ dims: opts.dims, weights: opts.weights });
    case 'semantic':
      return createSemanticEmbedder(opts);
    default:
      throw new RangeError(`unknown local embedder kind ${String(kind)} (${LOCAL_EMBEDDER_KINDS.join(', ')})`);
  }
}

/** The kind of a local embedder's model id (`local-hash-v1-512` -> hash; `local-sem-v2-624` and the older
 * `local-sem-v1-624` -> semantic), or undefined for other models. */
export function localEmbedderKindOf(model: string): LocalEmbedderKind | undefined {
  if (model.startsWith('local-hash-v1-')) return 'hash';
  if (model.startsWith('local-sem-v1-') || model.startsWith('local-sem-v2-')) return 'semantic';
  return undefined;
}
