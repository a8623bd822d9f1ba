/** Text -> hashed sparse features for the local embedder. Pure and deterministic. */

/** Very common English words: kept, but weighted down (they carry little meaning). */
const STOPWORDS = new Set(
  (
    'a an the and or but if of to in on at by for with from as is are was were be been being it its this that ' +
    'these those he she they them his her their him we us our you your i me my not no so than then there here ' +
    'who whom which what when where why how all any each some such can will would could should do does did has ' +
    'have had into out up down over under about after before again also just only own same too very more most'
  ).split(' '),
);

/** 32-bit FNV-1a over UTF-16 code units, with a seed so features of different kinds do not share buckets. */
export function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** murmur3's 32-bit finaliser (final avalanche): a well-mixed unsigned 32-bit value. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Lower-cased, accent-stripped word tokens. */
export function words(text: string): string[] {
  const norm = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  return norm.match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function isStopword(w: string): boolean {
  return STOPWORDS.has(w);
}

export interface FeatureWeights {
  unigram: number;
  bigram: number;
  chargram: number;
  stopword: number;
}

export const DEFAULT_WEIGHTS: FeatureWeights = { unigram: 1, bigram: 0.6, chargram: 0.35, stopword: 0.15 };

/**
 * Calls `emit(hash, weight)` for every feature of the text: word unigrams, word bigrams and character
 * 3..5-grams of each word (with boundary marks). Weights are per feature kind; stopwords count less.
 */
export function forEachFeature(
  text: string,
  emit: (hash: number, weight: number) => void,
  w: FeatureWeights = DEFAULT_WEIGHTS,
): void {
  const toks = words(text);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const stop = STOPWORDS.has(t);
    emit(fnv1a(t, 0x9e3779b1), stop ? w.unigram * w.stopword : w.unigram);
    if (i + 1 < toks.length) {
      const u = toks[i + 1];
      const bothStop = stop && STOPWORDS.has(u);
      emit(fnv1a(t + ' ' + u, 0x85ebca77), bothStop ? w.bigram * w.stopword : w.bigram);
    }
    if (stop || t.length < 3) continue;
    const padded = '<' + t + '>';
    for (let n = 3; n <= 5; n++) {
      for (let s = 0; s + n <= padded.length; s++) {
        emit(fnv1a(padded.slice(s, s + n), 0xc2b2ae3d + n), w.chargram);
      }
    }
  }
}
