import { z } from 'zod';
import { SECRET_QUERY_PARAMS, SECRET_VARS } from './kit/index.js';

/** Blank values (as in a copied `.env.example`: `LLM_PROVIDER=`) mean "unset": the default applies. */
const optionalText = z.string().optional();

const isHttpUrl = (s: string): boolean => {
  if (!URL.canParse(s)) return false;
  const u = new URL(s);
  return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
};

const url = (hint: string) =>
  optionalText.refine((s) => s === undefined || isHttpUrl(s), { message: `must be an http(s) URL, ${hint}` });

const int = (def: number, min: number, max: number) =>
  optionalText.transform((s, ctx) => {
    if (s === undefined) return def;
    const n = /^\d+$/.test(s) ? Number(s) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      ctx.addIssue({ code: 'custom', message: `must be a whole number from ${min} to ${max}` });
      return z.NEVER;
    }
    return n;
  });

/**
 * `SHARDS`: unset runs one process (as before); `auto` asks Discord how many shards to run; `N` runs N. A shard
 * process itself gets `SHARDS=<its id>` from discord.js's ShardingManager (with `SHARDING_MANAGER=true`): there
 * the variable is discord.js's, not ours, and is read as unset (see `parseConfig`).
 */
const shards = optionalText.transform((s, ctx) => {
  if (s === undefined) return undefined;
  if (s === 'auto') return 'auto' as const;
  const n = /^\d+$/.test(s) ? Number(s) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > 1024) {
    ctx.addIssue({ code: 'custom', message: 'must be auto or a whole number of shard processes from 1 to 1024 (leave it unset for one process)' });
    return z.NEVER;
  }
  return n;
});

/** What start-up says when several shards would share a store only one process may use. */
export const SHARDS_NEED_REDIS =
  'needs STORE_URL=redis://host:port when more than one shard runs: every shard process must share one store ' +
  '(SQLite and memory:// belong to one process). Start Redis and set STORE_URL, or leave SHARDS unset for one process';

const schema = z.object({
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
  GEMINI_MODEL: z.string().default('gemini-2.5-flash'),
  GEMINI_EMBED_MODEL: z.string().default('gemini-embedding-001'),
  GEMINI_EMBED_DIMS: int(768, 8, 3072),
  LLM_PROVIDER: z.enum(['gemini', 'openai', 'none'], { error: 'must be one of gemini, openai, none' }).optional(),
  OPENAI_BASE_URL: url('for example http://127.0.0.1:11434 for Ollama'),
  OPENAI_MODEL: optionalText,
  OPENAI_API_KEY: optionalText,
  OPENAI_EMBED_MODEL: optionalText,
  OPENAI_EMBED_DIMS: int(768, 8, 8192),
  TMDB_API_KEY: optionalText,
  TMDB_BASE_URL: url('for example https://api.themoviedb.org (without /3)').refine((s) => s === undefined || !/\/3\/?$/.test(s), {
    message: 'must not end with the API version: drop the trailing /3',
  }),
  TMDB_CACHE_TTL_H: int(7 * 24, 1, 24 * 90),
  TMDB_REGION: optionalText.refine((s) => s === undefined || /^[A-Za-z]{2}$/.test(s), { message: 'must be a two-letter country code such as US or DE' }),
  STORE_URL: z
    .string()
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
  // Operations: the health and metrics port is off unless METRICS_PORT is set; it binds to METRICS_HOST.
  METRICS_PORT: optionalText
    .refine((s) => s === undefined || (/^\d+$/.test(s) && Number(s) >= 1 && Number(s) <= 65_535), {
      message: 'must be a port from 1 to 65535 (leave it unset for no health and metrics port)',
    })
    .transform((s) => (s === undefined ? undefined : Number(s))),
  METRICS_HOST: z.string().default('127.0.0.1'),
  SHUTDOWN_GRACE_S: int(10, 0, 600),
  SHARDS: shards,
  /** Memory for per-server engines (catalogs, vector indexes, models); least recently used servers go first. */
  ENGINE_MEMORY_MB: int(400, 16, 1_000_000),
  // Abuse limits (src/app/limits.ts): per member, per group of commands; a window of 0 s switches a group off.
  /** /recommend, /next, /rank, /similar, /predict, /together, /match and "More like this": COOLDOWN_LIST_USES per COOLDOWN_LIST_S seconds. */
  COOLDOWN_LIST_S: int(10, 0, 3600),
  COOLDOWN_LIST_USES: int(3, 1, 1000),
  /** /import and /catalog upload: COOLDOWN_FILE_USES per COOLDOWN_FILE_S seconds. */
  COOLDOWN_FILE_S: int(60, 0, 86_400),
  COOLDOWN_FILE_USES: int(2, 1, 1000),
  /** Messages that refine a conversation, per member per minute (0: no limit). */
  REFINES_PER_MINUTE: int(12, 0, 600),
  /** Refinements one conversation takes before the member is asked to start a new one. */
  CONVERSATION_MAX_TURNS: int(30, 1, 1000),
  /** Hosts attachments are downloaded from, comma-separated (tests add 127.0.0.1 for the emulator). */
  ATTACHMENT_HOSTS: z.string().default('cdn.discordapp.com,media.discordapp.net'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
});

type Problem = { variable: string; message: string };

/** Checks between variables; run on the normalised input so they are reported alongside every other problem. */
function crossChecks(env: Record<string, string | undefined>): Problem[] {
  const out: Problem[] = [];
  if (env.LLM_PROVIDER === 'gemini' && !env.GEMINI_API_KEY) {
    out.push({ variable: 'GEMINI_API_KEY', message: 'is required when LLM_PROVIDER=gemini; get one at https://aistudio.google.com/apikey, or set LLM_PROVIDER=none' });
  }
  if (env.LLM_PROVIDER === 'openai') {
    for (const v of ['OPENAI_BASE_URL', 'OPENAI_MODEL'] as const) {
      if (!env[v]) out.push({ variable: v, message: 'is required when LLM_PROVIDER=openai (e.g. OPENAI_BASE_URL=http://127.0.0.1:11434 OPENAI_MODEL=llama3.1)' });
    }
  }
  const shardCount = /^\d+$/.test(env.SHARDS ?? '') ? Number(env.SHARDS) : 0;
  if (shardCount > 1 && !/^rediss?:\/\//.test(env.STORE_URL ?? '')) out.push({ variable: `SHARDS=${shardCount}`, message: SHARDS_NEED_REDIS });
  return out;
}

/** Trims every value and turns blank ones into `undefined`. */
function normalise(env: Record<string, string | undefined>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(env)) {
    const t = typeof v === 'string' ? v.trim() : undefined;
    out[k] = t === '' ? undefined : t;
  }
  return out;
}

type Raw = z.infer<typeof schema>;

export interface Config extends Omit<Raw, 'LLM_PROVIDER'> {
  /** Resolved: `gemini` when a Gemini key is set and nothing else was asked for, else `none`. */
  LLM_PROVIDER: 'gemini' | 'openai' | 'none';
}

export class ConfigError extends Error {
  constructor(readonly problems: Problem[]) {
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
  const input = normalise(env);
  // In a shard process, SHARDS is the shard's id set by discord.js's ShardingManager, not our setting.
  if (input.SHARDING_MANAGER) input.SHARDS = undefined;
  const r = schema.safeParse(input);
  const problems: Problem[] = r.success
    ? []
    : r.error.issues.map((i) => ({ variable: String(i.path[0] ?? 'environment'), message: i.message }));
  problems.push(...crossChecks(input));
  if (!r.success || problems.length > 0) throw new ConfigError(problems);
  const provider = r.data.LLM_PROVIDER ?? (r.data.GEMINI_API_KEY ? 'gemini' : 'none');
  return { ...r.data, LLM_PROVIDER: provider };
}

/** Loads `.env` (without overriding the real environment) and parses it. */
export async function loadConfig(env: NodeJS.ProcessEnv = process.env): Promise<Config> {
  const dotenv = await import('dotenv');
  dotenv.config({ quiet: true });
  return parseConfig(env);
}

const SECRET_PARAM_VALUE = new RegExp(`([?&](?:${SECRET_QUERY_PARAMS.join('|')})=)[^&\\s]*`, 'gi');

/** Hides a password in `scheme://user:password@host` and key/token query parameters. */
function redactUrl(s: string): string {
  return s
    .replace(/(\/\/[^/\s:@]*:)[^@\s/]+@/g, '$1[redacted]@')
    .replace(SECRET_PARAM_VALUE, '$1[redacted]');
}

/** A copy of the config safe to log: secrets replaced by whether they are set, URL credentials hidden. */
export function redactConfig(c: Config): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c)) out[k] = typeof v === 'string' ? redactUrl(v) : v;
  for (const k of SECRET_VARS) out[k] = c[k] ? '[set]' : '[unset]';
  return out;
}
