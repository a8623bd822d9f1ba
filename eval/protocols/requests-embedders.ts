import type { Embedder } from '../../src/embed/types.js';
import { createLocalEmbedder } from '../../src/embed/semantic/factory.js';
import type { SemanticEmbedderOptions } from '../../src/embed/semantic/embedder.js';
import type { LabelledEmbedder } from './requests-types.js';

/** The two local embedders compared: local-hash-v1 (baseline, first) and local-sem-v2; with `ablation`,
 * local-sem-v2 without phrases, with only its lexical part, with only its word-vector part, with character
 * n-grams of stems, with half of each word vector from its stem group, and with a 1024-dim lexical part. */
export function requestEmbedders(ablation = false): LabelledEmbedder[] {
  const plain = (e: Embedder): LabelledEmbedder => ({ label: e.model, embedder: e });
  const out = [plain(createLocalEmbedder('hash')), plain(createLocalEmbedder('semantic'))];
  if (!ablation) return out;
  const variants: Array<[string, SemanticEmbedderOptions]> = [
    ['no phrases', { phrases: false }],
    ['lexical part only', { semanticShare: 0 }],
    ['word vectors only', { semanticShare: 1 }],
    ['n-grams of stems', { stemGrams: true }],
    ['stem-group word vectors 0.5', { stemVectorShare: 0.5 }],
  ];
  for (const [what, o] of variants) out.push({ label: `${out[1].label} ${what}`, embedder: createLocalEmbedder('semantic', o) });
  out.push(plain(createLocalEmbedder('semantic', { lexicalDims: 1024 })));
  return out;
}
