import type { Config } from '../config.js';
import type { AppDeps } from './deps.js';
import { AppError } from './errors.js';
import type { Caller, ServerSettings } from './types.js';

/** What `/settings region` takes to clear the region. */
const CLEAR_REGION = /^(?:auto|none)$/i;

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
  // "auto" (or "none") clears the region: the server's locale, TMDB_REGION, else US decide again.
  const clearRegion = patch.region !== undefined && CLEAR_REGION.test(patch.region.trim());
  if (clearRegion) {
    const { region: _r, ...rest } = patch;
    patch = rest;
  } else if (patch.region !== undefined) {
    if (!/^[A-Za-z]{2}$/.test(patch.region)) throw new AppError('settings.invalid', { name: 'region', reason: 'must be a two-letter country code such as US, GB or DE, or auto' });
    patch = { ...patch, region: patch.region.toUpperCase() };
  }
  d.logger.info({ scope: c.scope, by: c.userId, patch, ...(clearRegion ? { region: 'cleared' } : {}) }, 'settings changed');
  return d.settings.set<ServerSettings & Record<string, unknown>>(c.scope, clearRegion ? { ...patch, region: null } : patch, { ...defaultSettings(d.config) });
}
