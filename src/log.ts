import { pino, type Logger } from 'pino';

export type { Logger };

/** Paths redacted in every log line, wherever a secret could end up. */
const REDACT = [
  'token', '*.token', 'key', '*.key', 'apiKey', '*.apiKey', 'authorization', '*.authorization',
  'headers.authorization', '*.headers.authorization', 'DISCORD_TOKEN', 'GEMINI_API_KEY', 'OPENAI_API_KEY',
  '*.DISCORD_TOKEN', '*.GEMINI_API_KEY', '*.OPENAI_API_KEY',
];

/** Structured JSON logger; level from LOG_LEVEL. */
export function createLogger(level = 'info', destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' }, base: { app: 'tastemaker' } }, destination);
}

/** Removes anything that looks like a secret from a message before it is logged or shown. */
export function scrubSecrets(text: string, secrets: (string | undefined)[] = []): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 6) out = out.split(s).join('[redacted]');
  return out
    .replace(/([?&]key=)[^&\s"']+/gi, '$1[redacted]')
    .replace(/(x-goog-api-key["']?\s*[:=]\s*["']?)[^"'\s,}]+/gi, '$1[redacted]')
    .replace(/(Bearer |Bot )[\w.-]{10,}/g, '$1[redacted]');
}
