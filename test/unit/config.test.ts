import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, redactConfig } from '../../src/config.js';
import { SECRET_VARS } from '../../src/kit/index.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.sEcReT-tOkEn_value_0123456789';
const GEMINI_KEY = 'AIzaSy-gemini-secret-key-0123456789';
const OPENAI_KEY = 'sk-openai-secret-key-0123456789';
const TMDB_KEY = 'tmdb-secret-key-abcdef0123456789';

/** Runs parseConfig and returns the ConfigError it must throw. */
function configError(env: Record<string, string | undefined>): ConfigError {
  try {
    parseConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(Object.keys(env))}`);
}

describe('parseConfig defaults', () => {
  it('GIVEN an empty environment THEN every variable has its documented default', () => {
    const c = parseConfig({});
    expect(c).toMatchObject({
      GEMINI_MODEL: 'gemini-2.5-flash',
      GEMINI_EMBED_MODEL: 'gemini-embedding-001',
      GEMINI_EMBED_DIMS: 768,
      LLM_PROVIDER: 'none',
      STORE_URL: 'sqlite://data/tastemaker.sqlite',
      LLM_TIMEOUT_MS: 20_000,
      LLM_CACHE_TTL_S: 21_600,
      LLM_MAX_CANDIDATES: 40,
      LLM_MAX_HISTORY: 30,
      USER_DAILY_LLM_CALLS: 100,
      SERVER_DAILY_LLM_CALLS: 2_000,
      USER_DAILY_LLM_TOKENS: 200_000,
      SERVER_DAILY_LLM_TOKENS: 4_000_000,
      CONVERSATION_TTL_HOURS: 72,
      CATALOG_MAX_BYTES: 10 * 1024 * 1024,
      CATALOG_MAX_ITEMS: 50_000,
      LOG_LEVEL: 'info',
    });
    expect(c.DISCORD_TOKEN).toBeUndefined();
    expect(c.GEMINI_API_KEY).toBeUndefined();
  });

  it('GIVEN every variable blank (a freshly copied .env.example) THEN it starts with the defaults', () => {
    const blank = Object.fromEntries(
      ['DISCORD_TOKEN', 'DISCORD_APP_ID', 'DISCORD_API_URL', 'LLM_PROVIDER', 'GEMINI_API_KEY', 'GEMINI_BASE_URL', 'GEMINI_MODEL',
        'GEMINI_EMBED_DIMS', 'OPENAI_BASE_URL', 'OPENAI_MODEL', 'STORE_URL', 'LLM_TIMEOUT_MS', 'LOG_LEVEL'].map((k) => [k, '  ']),
    );
    expect(parseConfig(blank)).toEqual(parseConfig({}));
  });

  it('GIVEN valid values with surrounding spaces THEN they are trimmed and typed', () => {
    const c = parseConfig({
      DISCORD_TOKEN: ` ${TOKEN} `, DISCORD_APP_ID: '123456789012345678', DISCORD_API_URL: 'http://127.0.0.1:8080/api',
      GEMINI_EMBED_DIMS: ' 256 ', STORE_URL: 'memory://', LOG_LEVEL: 'debug', LLM_MAX_CANDIDATES: '5',
    });
    expect(c).toMatchObject({
      DISCORD_TOKEN: TOKEN, DISCORD_APP_ID: '123456789012345678', DISCORD_API_URL: 'http://127.0.0.1:8080/api',
      GEMINI_EMBED_DIMS: 256, STORE_URL: 'memory://', LOG_LEVEL: 'debug', LLM_MAX_CANDIDATES: 5,
    });
  });
});

describe('parseConfig LLM_PROVIDER resolution', () => {
  it.each([
    { given: 'no provider and no key', env: {}, provider: 'none' },
    { given: 'no provider and a Gemini key', env: { GEMINI_API_KEY: GEMINI_KEY }, provider: 'gemini' },
    { given: 'LLM_PROVIDER=none and a Gemini key', env: { LLM_PROVIDER: 'none', GEMINI_API_KEY: GEMINI_KEY }, provider: 'none' },
    { given: 'LLM_PROVIDER=gemini and a key', env: { LLM_PROVIDER: 'gemini', GEMINI_API_KEY: GEMINI_KEY }, provider: 'gemini' },
    {
      given: 'LLM_PROVIDER=openai with base URL and model',
      env: { LLM_PROVIDER: 'openai', OPENAI_BASE_URL: 'http://127.0.0.1:11434', OPENAI_MODEL: 'llama3.1', GEMINI_API_KEY: GEMINI_KEY },
      provider: 'openai',
    },
  ])('GIVEN $given THEN the provider is $provider', ({ env, provider }) => {
    expect(parseConfig(env).LLM_PROVIDER).toBe(provider);
  });
});

describe('parseConfig bad values', () => {
  it.each([
    { kind: 'not a number', env: { GEMINI_EMBED_DIMS: 'lots' }, variable: 'GEMINI_EMBED_DIMS', says: 'whole number' },
    { kind: 'a fraction', env: { LLM_TIMEOUT_MS: '1500.5' }, variable: 'LLM_TIMEOUT_MS', says: 'whole number' },
    { kind: 'a hex number', env: { LLM_MAX_HISTORY: '0x10' }, variable: 'LLM_MAX_HISTORY', says: 'whole number' },
    { kind: 'a number below range', env: { LLM_TIMEOUT_MS: '10' }, variable: 'LLM_TIMEOUT_MS', says: '500 to 120000' },
    { kind: 'a number above range', env: { LLM_MAX_CANDIDATES: '1000' }, variable: 'LLM_MAX_CANDIDATES', says: '5 to 200' },
    { kind: 'a negative number', env: { USER_DAILY_LLM_CALLS: '-1' }, variable: 'USER_DAILY_LLM_CALLS', says: 'whole number' },
    { kind: 'an unknown LLM_PROVIDER', env: { LLM_PROVIDER: 'claude' }, variable: 'LLM_PROVIDER', says: 'gemini, openai, none' },
    { kind: 'an unknown LOG_LEVEL', env: { LOG_LEVEL: 'loud' }, variable: 'LOG_LEVEL', says: 'fatal, error, warn, info' },
    { kind: 'DISCORD_API_URL not a URL', env: { DISCORD_API_URL: 'localhost:8080' }, variable: 'DISCORD_API_URL', says: 'http(s) URL' },
    { kind: 'DISCORD_API_URL ending in /v10', env: { DISCORD_API_URL: 'http://127.0.0.1:8080/api/v10' }, variable: 'DISCORD_API_URL', says: '/v10' },
    { kind: 'GEMINI_BASE_URL with another scheme', env: { GEMINI_BASE_URL: 'ftp://example.com' }, variable: 'GEMINI_BASE_URL', says: 'http(s) URL' },
    { kind: 'OPENAI_BASE_URL with a space', env: { OPENAI_BASE_URL: 'http://exa mple.com' }, variable: 'OPENAI_BASE_URL', says: 'http(s) URL' },
    { kind: 'a non-numeric DISCORD_APP_ID', env: { DISCORD_APP_ID: 'my-bot' }, variable: 'DISCORD_APP_ID', says: 'Application ID' },
    { kind: 'an unknown STORE_URL scheme', env: { STORE_URL: 'postgres://db/tm' }, variable: 'STORE_URL', says: 'sqlite://' },
    { kind: 'a STORE_URL without a path', env: { STORE_URL: 'sqlite://' }, variable: 'STORE_URL', says: 'sqlite://' },
    { kind: 'LLM_PROVIDER=gemini without a key', env: { LLM_PROVIDER: 'gemini' }, variable: 'GEMINI_API_KEY', says: 'aistudio.google.com' },
    {
      kind: 'LLM_PROVIDER=openai without a base URL',
      env: { LLM_PROVIDER: 'openai', OPENAI_MODEL: 'llama3.1' },
      variable: 'OPENAI_BASE_URL',
      says: 'LLM_PROVIDER=openai',
    },
    {
      kind: 'LLM_PROVIDER=openai without a model',
      env: { LLM_PROVIDER: 'openai', OPENAI_BASE_URL: 'http://127.0.0.1:11434' },
      variable: 'OPENAI_MODEL',
      says: 'LLM_PROVIDER=openai',
    },
  ])('GIVEN $kind THEN one ConfigError names $variable and says how to fix it', ({ env, variable, says }) => {
    const e = configError(env);
    expect(e.problems.map((p) => p.variable)).toEqual([variable]);
    expect(e.message).toContain(`${variable} `);
    expect(e.message).toContain(says);
    expect(e.message).toMatch(/\.env/);
  });

  it('GIVEN a malformed DISCORD_TOKEN THEN the message names the variable but never shows the token', () => {
    const badToken = 'not-a-real-token-but-still-secret-9876';
    const e = configError({ DISCORD_TOKEN: badToken });
    expect(e.problems.map((p) => p.variable)).toEqual(['DISCORD_TOKEN']);
    expect(e.message).toContain('Reset Token');
    expect(e.message).not.toContain(badToken);
    expect(e.message).not.toContain('still-secret');
    expect(JSON.stringify(e.problems)).not.toContain(badToken);
  });

  it('GIVEN several bad values at once THEN ONE ConfigError lists every variable, one line each', () => {
    const e = configError({
      LOG_LEVEL: 'loud', GEMINI_EMBED_DIMS: 'x', STORE_URL: 'ftp://x', DISCORD_APP_ID: 'abc',
      DISCORD_API_URL: 'http://127.0.0.1/api/v10', LLM_PROVIDER: 'openai',
    });
    const vars = ['LOG_LEVEL', 'GEMINI_EMBED_DIMS', 'STORE_URL', 'DISCORD_APP_ID', 'DISCORD_API_URL', 'OPENAI_BASE_URL', 'OPENAI_MODEL'];
    expect(e.problems.map((p) => p.variable).sort()).toEqual([...vars].sort());
    expect(e.message).toContain(`${vars.length} configuration problems`);
    for (const v of vars) expect(e.message).toMatch(new RegExp(`^  - ${v} `, 'm'));
  });

  it('GIVEN a field error and a missing Gemini key together THEN both are reported in the same error', () => {
    const e = configError({ LOG_LEVEL: 'loud', LLM_PROVIDER: 'gemini' });
    expect(e.problems.map((p) => p.variable).sort()).toEqual(['GEMINI_API_KEY', 'LOG_LEVEL']);
  });
});

describe('secrets never leak', () => {
  const secrets = { DISCORD_TOKEN: TOKEN, GEMINI_API_KEY: GEMINI_KEY, OPENAI_API_KEY: OPENAI_KEY, TMDB_API_KEY: TMDB_KEY };

  it.each([
    { given: 'every other value bad', env: { ...secrets, LOG_LEVEL: 'loud', LLM_TIMEOUT_MS: 'soon', STORE_URL: 'x', LLM_PROVIDER: 'openai' } },
    { given: 'a malformed token and keys', env: { DISCORD_TOKEN: 'abc', GEMINI_API_KEY: GEMINI_KEY, OPENAI_API_KEY: OPENAI_KEY, LOG_LEVEL: 'x' } },
    { given: 'secrets pasted into URL variables', env: { DISCORD_API_URL: TOKEN, GEMINI_BASE_URL: GEMINI_KEY, OPENAI_BASE_URL: OPENAI_KEY } },
  ])('GIVEN $given THEN the ConfigError shows no secret value', ({ env }) => {
    const e = configError(env);
    const text = `${e.message}\n${JSON.stringify(e.problems)}\n${e.stack ?? ''}`;
    for (const s of [TOKEN, GEMINI_KEY, OPENAI_KEY, TMDB_KEY]) expect(text).not.toContain(s);
  });

  it('GIVEN a config with every secret set THEN redactConfig shows only whether each is set', () => {
    const out = redactConfig(parseConfig(secrets));
    const text = JSON.stringify(out);
    for (const s of Object.values(secrets)) expect(text).not.toContain(s);
    for (const k of SECRET_VARS) expect(out[k]).toBe('[set]');
    expect(out.LOG_LEVEL).toBe('info');
  });

  it('GIVEN no secrets THEN redactConfig marks them unset', () => {
    const out = redactConfig(parseConfig({}));
    for (const k of SECRET_VARS) expect(out[k]).toBe('[unset]');
  });

  it('GIVEN a Redis STORE_URL and base URL with credentials THEN redactConfig hides the password and key', () => {
    const out = redactConfig(
      parseConfig({ STORE_URL: 'redis://default:hunter2-redis-pass@127.0.0.1:6379', GEMINI_BASE_URL: 'https://proxy.example/g?key=AIzaQueryKey123' }),
    );
    const text = JSON.stringify(out);
    expect(text).not.toContain('hunter2-redis-pass');
    expect(text).not.toContain('AIzaQueryKey123');
    expect(out.STORE_URL).toBe('redis://default:[redacted]@127.0.0.1:6379');
  });
});

describe('TMDB settings', () => {
  it('GIVEN TMDB_BASE_URL ending in /3 THEN the error says to drop the version', () => {
    expect(() => parseConfig({ TMDB_BASE_URL: 'http://127.0.0.1:9/3' })).toThrow(/TMDB_BASE_URL must not end with the API version/);
  });
  it('GIVEN TMDB_REGION that is not a country code THEN it is rejected by name', () => {
    expect(() => parseConfig({ TMDB_REGION: 'USA' })).toThrow(/TMDB_REGION must be a two-letter country code/);
  });
  it('GIVEN no TMDB settings THEN cards stay off and the cache lasts a week', () => {
    const c = parseConfig({});
    expect(c.TMDB_API_KEY).toBeUndefined();
    expect(c.TMDB_CACHE_TTL_H).toBe(168);
  });
});
