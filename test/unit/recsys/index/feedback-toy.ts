import { VectorIndex } from '../../../../src/recsys/index/vector-index.js';

/**
 * 3-d toy space for the feedback tests: x = the request's own words, y = what the films it finds are about,
 * z = something else. "rel" shares no word with the request (x ~ 0) but is about what a, b and c are about;
 * "off" is slightly nearer the request than "rel" and about nothing the others are.
 */
export function toyIndex(): VectorIndex {
  const ix = new VectorIndex({ model: 'toy', dims: 3 });
  const rows: Record<string, number[]> = { a: [0.9, 0.44, 0], b: [0.85, 0.5, 0], c: [0.8, 0.55, 0.1], rel: [0.1, 1, 0], off: [0.15, 0, 1] };
  ix.upsert(Object.keys(rows), Object.values(rows).map((v) => Float32Array.from(v)));
  return ix;
}

/** The request's vector: all "request words". */
export const REQUEST = Float32Array.from([1, 0, 0]);
