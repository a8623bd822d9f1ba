import type { LlmContext } from '../llm/contracts.js';
import type { AppDeps } from './deps.js';
import { getSettings } from './settings.js';
import type { Caller } from './types.js';

/** The LLM context of one request: whether the LLM may answer, and the budgets in force. */
export async function llmContext(d: AppDeps, c: Caller): Promise<LlmContext> {
  const s = await getSettings(d, c.scope);
  return {
    scope: c.scope,
    userId: c.userId,
    enabled: d.llmConfigured && s.llmEnabled,
    budget: { userCalls: s.userDailyCalls, serverCalls: s.serverDailyCalls, userTokens: s.userDailyTokens, serverTokens: s.serverDailyTokens },
  };
}
