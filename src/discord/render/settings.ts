import type { ServerSettings } from '../../app/types.js';
import { num } from '../../present/text.js';
import { safe } from './escape.js';
import { clampReply, EPHEMERAL, type Rendered } from './limits.js';

/** What `services.llmStatus(scope)` answers. */
export interface LlmStatus {
  configured: boolean;
  enabled: boolean;
  provider: string;
  model: string;
}

/**
 * The LLM line of /settings, from what is actually configured, not only the server's switch:
 * "LLM: on (gemini-2.5-flash)", "LLM: off for this server", "LLM: not configured (offline engine; set GEMINI_API_KEY)".
 */
export function llmLine(llm: LlmStatus): string {
  if (!llm.configured) return 'LLM: not configured (offline engine; set GEMINI_API_KEY)';
  if (!llm.enabled) return 'LLM: off for this server';
  const model = safe(llm.model, 60);
  return llm.provider === 'gemini' ? `LLM: on (${model})` : `LLM: on (${safe(llm.provider, 30)}, ${model})`;
}

export function renderSettings(s: ServerSettings, llm: LlmStatus, changed = false): Rendered {
  // The server's own switch is still shown when no LLM is configured: it takes effect once one is.
  const switchNote = !llm.configured && !s.llmEnabled ? '\nThe server switch is off: the LLM stays off here even once a key is set.' : '';
  return clampReply({
    embeds: [
      {
        title: changed ? 'Settings saved' : 'Settings',
        description: `${llmLine(llm)}${switchNote}`,
        fields: [
          { name: 'Conversations', value: s.conversationMode, inline: true },
          { name: 'Daily LLM calls', value: `${num(s.userDailyCalls)} per user · ${num(s.serverDailyCalls)} per server` },
          { name: 'Daily LLM tokens', value: `${num(s.userDailyTokens)} per user · ${num(s.serverDailyTokens)} per server` },
          { name: 'Where-to-watch region', value: s.region ?? "the server's locale", inline: true },
          { name: 'Spoilers', value: s.hideSpoilers ? 'overviews hidden in spoiler tags' : 'shown', inline: true },
        ],
      },
    ],
    flags: EPHEMERAL,
  });
}
