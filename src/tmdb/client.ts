/**
 * The TMDB API v3 over HTTP (Node's fetch): `TMDB_API_KEY` as a v3 key (`api_key=` query) or a v4 read
 * access token (a JWT: `Authorization: Bearer`). At most `concurrency` requests in flight (async-mutex's
 * Semaphore), each with a timeout; 429 waits as `Retry-After` says, 5xx and network errors back off (kit
 * retry). A refused key (401) is a `TmdbAuthError`, which callers treat as "no TMDB" until restart.
 * The key never appears in an error or a log line.
 */
import { Semaphore } from 'async-mutex';
import { retry, withTimeout, type Sleep } from '../kit/index.js';

export class TmdbHttpError extends Error {
  constructor(readonly status: number, readonly path: string, readonly retryAfterMs?: number) {
    super(`TMDB answered ${status} for ${path}`);
    this.name = 'TmdbHttpError';
  }
}

export class TmdbAuthError extends TmdbHttpError {
  constructor(path: string) {
    super(401, path);
    this.name = 'TmdbAuthError';
    this.message = 'TMDB refused TMDB_API_KEY (401): check the key (a v3 API key or a v4 read access token)';
  }
}

export interface TmdbClientOptions {
  apiKey: string;
  /** Default https://api.themoviedb.org; tests point it at the emulator. */
  baseUrl?: string;
  timeoutMs?: number;
  concurrency?: number;
  retries?: number;
  sleep?: Sleep;
  fetch?: typeof fetch;
}

/** Retry-After in seconds (or an HTTP date) as milliseconds, capped at a minute. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const s = Number(header);
  const ms = Number.isFinite(s) ? s * 1000 : Date.parse(header) - now;
  return Number.isFinite(ms) && ms >= 0 ? Math.min(ms, 60_000) : undefined;
}

const retryable = (e: unknown): boolean =>
  e instanceof TmdbHttpError ? e.status === 429 || e.status >= 500 : !(e instanceof Error && e.name === 'AbortError');

export class TmdbClient {
  private readonly base: string;
  private readonly gate: Semaphore;
  private readonly bearer: boolean;

  constructor(private readonly o: TmdbClientOptions) {
    this.base = `${(o.baseUrl ?? 'https://api.themoviedb.org').replace(/\/+$/, '')}/3`;
    this.gate = new Semaphore(o.concurrency ?? 4);
    this.bearer = o.apiKey.startsWith('eyJ');
  }

  /** GET a v3 path; undefined on 404. */
  async get(path: string, query: Record<string, string> = {}): Promise<unknown> {
    const url = new URL(`${this.base}${path}`);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    if (!this.bearer) url.searchParams.set('api_key', this.o.apiKey);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.bearer) headers.authorization = `Bearer ${this.o.apiKey}`;
    const policy = { shouldRetry: retryable, retryAfterMs: (e: unknown) => (e instanceof TmdbHttpError ? e.retryAfterMs : undefined) };
    return retry(
      () => this.gate.runExclusive(() => withTimeout((signal) => this.once(url, headers, path, signal), this.o.timeoutMs ?? 5_000)),
      policy,
      { retries: this.o.retries ?? 3, baseDelayMs: 500, maxDelayMs: 30_000, sleep: this.o.sleep },
    );
  }

  private async once(url: URL, headers: Record<string, string>, path: string, signal: AbortSignal): Promise<unknown> {
    const res = await (this.o.fetch ?? fetch)(url, { headers, signal });
    if (res.status === 404) {
      await res.body?.cancel();
      return undefined;
    }
    if (res.status === 401) {
      await res.body?.cancel();
      throw new TmdbAuthError(path);
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new TmdbHttpError(res.status, path, retryAfterMs(res.headers.get('retry-after')));
    }
    return res.json();
  }
}
