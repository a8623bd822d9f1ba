export { createSemanticEmbedder, WORD_VECTOR_DIMS, type SemanticEmbedderOptions } from './embedder.js';
export { createLocalEmbedder, isLocalEmbedderKind, localEmbedderKindOf, LOCAL_EMBEDDER_KINDS, type LocalEmbedderKind } from './factory.js';
export { loadWordVectors, sharedWordVectors, WordVectors } from './table.js';
export { analyze, isFiller, stem, type Token } from './analyze.js';
