import { pino, type LogFn, type Logger } from 'pino';
import { SECRET_QUERY_PARAMS, SECRET_VARS, isSecretField } from './kit/index.js';

export type { Logger };

/** Paths redacted by pino itself (also covers child-logger bindings). */
const REDACT = [
  'token', '*.token', 'key', '*.key', 'apiKey', '*.apiKey', 'authorization', '*.authorization',
  'headers.authorization', '*.headers.authorization', ...SECRET_VARS, ...SECRET_VARS.map((v) => `*.${v}`),
];

/** `?key=...` and the other secret query parameters (kit SECRET_QUERY_PARAMS). */
const SECRET_PARAM_VALUE = new RegExp(`([?&](?:${SECRET_QUERY_PARAMS.join('|')})=)[^&\\s"']+`, 'gi');

const CENSOR = '[redacted]';
const MAX_DEPTH = 10;

/** A copy of `v` with secret-named fields censored and secret-looking text scrubbed, at any depth. */
function deepRedact(v: unknown, seen: WeakSet<object>, depth: number): unknown {
  if (typeof v === 'string') return scrubSecrets(v);
  if (v === null || typeof v !== 'object') return v;
  if (seen.has(v) || depth > MAX_DEPTH) return '[omitted]';
  seen.add(v);
  if (v instanceof Error) return deepRedact(pino.stdSerializers.err(v), seen, depth + 1);
  if (Array.isArray(v)) return v.map((x) => deepRedact(x, seen, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = isSecretField(k) ? CENSOR : deepRedact(x, seen, depth + 1);
  return out;
}

/** Structured JSON logger; level from LOG_LEVEL. Secrets are redacted in nested fields, errors and messages. */
export function createLogger(level = 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT, censor: CENSOR },
      base: { app: 'tastemaker' },
      formatters: { log: (obj) => deepRedact(obj, new WeakSet(), 0) as Record<string, unknown> },
      // Errors are already serialised (and scrubbed) by the formatter above, at any key; keep its result.
      serializers: { err: (e: unknown) => (e instanceof Error ? deepRedact(e, new WeakSet(), 0) : e) },
      hooks: {
        logMethod(args, method) {
          // `log.error(err)` takes its message from err.message: make that explicit so it is scrubbed too.
          const [first, ...rest] = args as unknown[];
          const spread = first instanceof Error && typeof rest[0] !== 'string' ? [{ err: first }, first.message, ...rest] : args;
          const clean = spread.map((a) => (typeof a === 'string' ? scrubSecrets(a) : a));
          // Same argument shapes as received, only strings replaced: the cast restores LogFn's overload tuple.
          method.apply(this, clean as Parameters<LogFn>);
        },
      },
    },
    destination,
  );
}

/** Removes anything that looks like a secret from a message before it is logged or shown. */
export function scrubSecrets(text: string, secrets: (string | undefined)[] = []): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 6) out = out.split(s).join(CENSOR);
  return out
    .replace(SECRET_PARAM_VALUE, `$1${CENSOR}`)
    .replace(/(x-goog-api-key["']?\s*[:=]\s*["']?)[^"'\s,}]+/gi, `$1${CENSOR}`)
    .replace(/(\/\/[^/\s:@"']*:)[^@\s/"']+@/g, `$1${CENSOR}@`)
    .replace(/(Bearer |Bot )[\w.-]{10,}/g, `$1${CENSOR}`);
}
