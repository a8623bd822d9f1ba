import { describe, expect, it } from 'vitest';
import type { ServerSettings } from '../../../src/app/types.js';
import { renderSettings } from '../../../src/discord/render/settings.js';

const S: ServerSettings = { llmEnabled: true, conversationMode: 'thread', userDailyCalls: 50, serverDailyCalls: 1000, userDailyTokens: 1, serverDailyTokens: 2 };
const text = (s: ServerSettings, llm: Parameters<typeof renderSettings>[1]) => renderSettings(s, llm).embeds?.[0]?.description ?? '';

describe('the /settings reply says what the LLM really is', () => {
  it('GIVEN no provider configured and the server switch on THEN it says not configured, never "on"', () => {
    const t = text(S, { configured: false, enabled: false, provider: 'none', model: 'offline' });
    expect(t).toContain('LLM: not configured (offline engine; set GEMINI_API_KEY)');
    expect(t).not.toMatch(/LLM: on/);
  });

  it('GIVEN no provider configured and the server switch off THEN it also says the switch stays off', () => {
    const t = text({ ...S, llmEnabled: false }, { configured: false, enabled: false, provider: 'none', model: 'offline' });
    expect(t).toContain('LLM: not configured');
    expect(t).toContain('server switch is off');
  });

  it('GIVEN Gemini configured and on THEN it names the model', () => {
    expect(text(S, { configured: true, enabled: true, provider: 'gemini', model: 'gemini-2.5-flash' })).toBe('LLM: on (gemini-2.5-flash)');
  });

  it('GIVEN an OpenAI-compatible provider on THEN it names provider and model', () => {
    expect(text(S, { configured: true, enabled: true, provider: 'openai', model: 'llama3.1' })).toBe('LLM: on (openai, llama3.1)');
  });

  it('GIVEN Gemini configured but switched off for the server THEN it says off for this server', () => {
    expect(text({ ...S, llmEnabled: false }, { configured: true, enabled: false, provider: 'gemini', model: 'gemini-2.5-flash' })).toBe('LLM: off for this server');
  });
});
