import type { LlmBudget, UsageCounts, UsageLike } from './contracts.js';

const tokens = (u: UsageCounts) => u.promptTokens + u.outputTokens;

/**
 * Checks the daily budgets before a call. Returns null when one more call is allowed, else a short
 * sentence for the user saying which limit was reached (0 in a limit means no LLM calls at all).
 */
export async function checkBudget(usage: UsageLike, scope: string, userId: string, b: LlmBudget): Promise<string | null> {
  const [user, server] = await Promise.all([usage.get(scope, userId), usage.getServer(scope)]);
  if (user.calls + 1 > b.userCalls) return `your daily limit of ${b.userCalls} LLM calls is used up`;
  if (tokens(user) >= b.userTokens) return `your daily limit of ${b.userTokens} LLM tokens is used up`;
  if (server.calls + 1 > b.serverCalls) return `this server's daily limit of ${b.serverCalls} LLM calls is used up`;
  if (tokens(server) >= b.serverTokens) return `this server's daily limit of ${b.serverTokens} LLM tokens is used up`;
  return null;
}
