/**
 * The one list of secret names: config (`redactConfig`), log redaction (`createLogger`), `scrubSecrets` and
 * whoever scrubs an error before showing it all read it from here.
 */

/** Environment variables whose values are secrets: never logged, never echoed in an error. */
export const SECRET_VARS = ['DISCORD_TOKEN', 'GEMINI_API_KEY', 'OPENAI_API_KEY', 'TMDB_API_KEY'] as const;
export type SecretVar = (typeof SECRET_VARS)[number];

/** Other field names whose values are secrets at any depth (compared lower case, without `-` and `_`). */
const SECRET_FIELD_NAMES = ['token', 'key', 'apikey', 'authorization', 'password', 'secret', 'accesstoken', 'bottoken', 'xgoogapikey', 'cookie'];

/** URL query parameters whose values are secrets (`?key=...`). */
export const SECRET_QUERY_PARAMS = ['key', 'api_key', 'apikey', 'access_token', 'token', 'password'] as const;

const fold = (name: string): string => name.toLowerCase().replace(/[-_]/g, '');
const SECRET_FIELDS = new Set([...SECRET_FIELD_NAMES, ...SECRET_VARS.map(fold)]);

/** True for a field name that holds a secret: `apiKey`, `x-goog-api-key`, `GEMINI_API_KEY`, ... */
export function isSecretField(name: string): boolean {
  return SECRET_FIELDS.has(fold(name));
}

/** The values of the secret variables, to scrub from a message (unset ones are undefined). */
export function secretValues(env: Partial<Record<SecretVar, string | undefined>>): (string | undefined)[] {
  return SECRET_VARS.map((k) => env[k]);
}
