import { z } from 'zod';

/** Variables whose values must never appear in a log line or an error. */
export const SECRET_VARS = ['DISCORD_TOKEN', 'GEMINI_API_KEY', 'OPENAI_API_KEY'] as const;

const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();

const url = (hint: string) =>
  optionalText.refine((s) => s === undefined || /^https?:\/\/[^\s/]+/.test(s), { message: `must be an http(s) URL, ${hint}` });

const int = (def: number, min: number, max: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined || s === '') return def;
      const n = Number(s);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `must be a whole number from ${min} to ${max}` });
        return z.NEVER;
      }
      return n;
    });

const schema = z
  .object({
    DISCORD_TOKEN: optionalText.refine((s) => s === undefined || /^[\w-]+\.[\w-]+\.[\w-]+$/.test(s), {
      message: 'does not look like a bot token (three dot-separated parts); copy it again from the Developer Portal > Bot > Reset Token',
    }),
    DISCORD_APP_ID: optionalText.refine((s) => s === undefined || /^\d{17,20}$/.test(s), {
      message: 'must be the numeric Application ID from the Developer Portal > General Information',
    }),
    DISCORD_API_URL: url('for example http://127.0.0.1:8080/api (without /v10)').refine((s) => s === undefined || !/\/v\d+\/?$/.test(s), {
      message: 'must not end with the API version: drop the trailing /v10',
    }),
    GEMINI_API_KEY: optionalText,
    GEMINI_BASE_URL: url('for example https://generativelanguage.googleapis.com'),
    GEMINI_MODEL: z.string().trim().min(1).default('gemini-2.5-flash'),
    GEMINI_EMBED_MODEL: z.string().trim().min(1).default('gemini-embedding-001'),
    GEMINI_EMBED_DIMS: int(768, 8, 3072),
    LLM_PROVIDER: z
      .enum(['gemini', 'openai', 'none'], { message: 'must be one of gemini, openai, none' })
      .optional(),
    OPENAI_BASE_URL: url('for example http://127.0.0.1:11434 for Ollama'),
    OPENAI_MODEL: optionalText,
    OPENAI_API_KEY: optionalText,
    OPENAI_EMBED_MODEL: optionalText,
    STORE_URL: z
      .string()
      .trim()
      .default('sqlite://data/tastemaker.sqlite')
      .refine((s) => /^(sqlite:\/\/.+|redis:\/\/.+|rediss:\/\/.+|memory:\/\/)$/.test(s), {
        message: 'must be sqlite://path, redis://host:port or memory://',
      }),
    LLM_TIMEOUT_MS: int(20_000, 500, 120_000),
    LLM_CACHE_TTL_S: int(6 * 3600, 0, 30 * 86400),
    LLM_MAX_CANDIDATES: int(40, 5, 200),
    LLM_MAX_HISTORY: int(30, 1, 500),
    USER_DAILY_LLM_CALLS: int(100, 0, 1_000_000),
    SERVER_DAILY_LLM_CALLS: int(2_000, 0, 10_000_000),
    USER_DAILY_LLM_TOKENS: int(200_000, 0, 1_000_000_000),
    SERVER_DAILY_LLM_TOKENS: int(4_000_000, 0, 1_000_000_000),
    CONVERSATION_TTL_HOURS: int(72, 1, 24 * 90),
    CATALOG_MAX_BYTES: int(10 * 1024 * 1024, 1024, 200 * 1024 * 1024),
    CATALOG_MAX_ITEMS: int(50_000, 1, 1_000_000),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        message: 'must be one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
  })
  .superRefine((c, ctx) => {
    if (c.LLM_PROVIDER === 'gemini' && !c.GEMINI_API_KEY) {
      ctx.addIssue({ code: 'custom', path: ['GEMINI_API_KEY'], message: 'is required when LLM_PROVIDER=gemini; get one at https://aistudio.google.com/apikey, or set LLM_PROVIDER=none' });
    }
    if (c.LLM_PROVIDER === 'openai' && (!c.OPENAI_BASE_URL || !c.OPENAI_MODEL)) {
      const missing = !c.OPENAI_BASE_URL ? 'OPENAI_BASE_URL' : 'OPENAI_MODEL';
      ctx.addIssue({ code: 'custom', path: [missing], message: 'is required when LLM_PROVIDER=openai (e.g. OPENAI_BASE_URL=http://127.0.0.1:11434 OPENAI_MODEL=llama3.1)' });
    }
  });

type Raw = z.infer<typeof schema>;

export interface Config extends Omit<Raw, 'LLM_PROVIDER'> {
  /** Resolved: `gemini` when a Gemini key is set and nothing else was asked for, else `none`. */
  LLM_PROVIDER: 'gemini' | 'openai' | 'none';
}

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      `Tastemaker cannot start: ${problems.length} configuration problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((p) => `  - ${p.variable} ${p.message}`).join('\n') +
        '\nFix: set these in .env (copy .env.example) or in the environment, then start again.',
    );
    this.name = 'ConfigError';
  }
}

/** Parses the environment. Throws ONE ConfigError listing every problem; secrets are never echoed. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const r = schema.safeParse(env);
  if (!r.success) {
    const problems = r.error.issues.map((i) => ({ variable: String(i.path[0] ?? 'environment'), message: i.message }));
    throw new ConfigError(problems);
  }
  const provider = r.data.LLM_PROVIDER ?? (r.data.GEMINI_API_KEY ? 'gemini' : 'none');
  return { ...r.data, LLM_PROVIDER: provider };
}

/** Loads `.env` (without overriding the real environment) and parses it. */
export async function loadConfig(env: NodeJS.ProcessEnv = process.env): Promise<Config> {
  const dotenv = await import('dotenv');
  dotenv.config({ quiet: true });
  return parseConfig(env);
}

/** A copy of the config safe to log: secrets replaced by whether they are set. */
export function redactConfig(c: Config): Record<string, unknown> {
  const out: Record<string, unknown> = { ...c };
  for (const k of SECRET_VARS) out[k] = c[k] ? '[set]' : '[unset]';
  return out;
}
