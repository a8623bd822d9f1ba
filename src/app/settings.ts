import type { Config } from '../config.js';
import type { LlmContext } from '../llm/contracts.js';
import type { AppDeps } from './deps.js';
import { AppError } from './errors.js';
import type { Caller, EngineInfo, ServerSettings } from './types.js';

export function defaultSettings(config: Config): ServerSettings {
  return {
    llmEnabled: true,
    conversationMode: 'thread',
    userDailyCalls: config.USER_DAILY_LLM_CALLS,
    serverDailyCalls: config.SERVER_DAILY_LLM_CALLS,
    userDailyTokens: config.USER_DAILY_LLM_TOKENS,
    serverDailyTokens: config.SERVER_DAILY_LLM_TOKENS,
  };
}

export async function getSettings(d: AppDeps, scope: string): Promise<ServerSettings> {
  return d.settings.get<ServerSettings & Record<string, unknown>>(scope, { ...defaultSettings(d.config) });
}

export async function setSettings(d: AppDeps, c: Caller, patch: Partial<ServerSettings>): Promise<ServerSettings> {
  for (const k of ['userDailyCalls', 'serverDailyCalls', 'userDailyTokens', 'serverDailyTokens'] as const) {
    const v = patch[k];
    if (v !== undefined && (!Number.isInteger(v) || v < 0)) throw new AppError('settings.invalid', { name: k, reason: 'must be a whole number, 0 or more' });
  }
  if (patch.conversationMode !== undefined && !['thread', 'inline'].includes(patch.conversationMode)) {
    throw new AppError('settings.invalid', { name: 'conversationMode', reason: 'must be thread or inline' });
  }
  d.logger.info({ scope: c.scope, by: c.userId, patch }, 'settings changed');
  return d.settings.set<ServerSettings & Record<string, unknown>>(c.scope, patch, { ...defaultSettings(d.config) });
}

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

/**
 * EngineInfo for an answer of the offline engine: why the LLM did not answer (no key, switched off, over
 * budget, failing), or no reason when the LLM was available and simply not needed (nothing to rank).
 */
export function offlineInfo(d: AppDeps, ctx: LlmContext, failed?: { reason: EngineInfo['offlineReason']; calls: number; notes: string[] }): EngineInfo {
  const reason = failed?.reason ?? (!d.llmConfigured ? 'no-key' : !ctx.enabled ? 'disabled' : undefined);
  const info: EngineInfo = { engine: 'offline', llmCalls: failed?.calls ?? 0, notes: failed?.notes ?? [] };
  if (reason) info.offlineReason = reason;
  return info;
}
