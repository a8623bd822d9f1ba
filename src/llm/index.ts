export type { ItemBrief, KvLike, LlmBudget, LlmContext, LlmFailReason, LlmLimits, LlmOutcome, Pick, UsageCounts, UsageLike } from './contracts.js';
export { createLlmUses, type LlmUses, type LlmUsesDeps } from './uses.js';
export { createProvider, type ProviderDeps } from './create.js';
export { createMemoryKv, createMemoryUsage } from './memory.js';
export { llmDeadlineMs } from './retry.js';
export type { CallOptions } from './uses/shared.js';
