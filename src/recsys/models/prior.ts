/**
 * The community prior (issue 8): a model learnt once from MovieLens, shared by every server on the starter
 * catalog, and blended with each server's own interactions. Pure: no file, storage or network access.
 *   prior-format.ts   the data (`CommunityPrior`) and its binary artifact: encodePrior / decodePrior
 *   prior-train.ts    trainPrior: learns it from ratings (MF factors and biases, counts, co-watch, watch-next)
 *   prior-fold.ts     foldIn (closed-form ridge on the fixed item factors), bayesianAverage, blendWeight
 *   prior-server.ts   a server's own counts over its catalog
 *   prior-models.ts   PriorAwareModels: prior + server (or server alone, for a custom catalog)
 *   prior-sources.ts  the shapes the pipeline's sources want (co-watch, sequence, popular, taste, next)
 */
export * from './prior-format.js';
export * from './prior-train.js';
export * from './prior-fold.js';
export * from './prior-server.js';
export * from './prior-models.js';
export * from './prior-sources.js';
